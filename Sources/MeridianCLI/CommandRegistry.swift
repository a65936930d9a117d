import ArgumentParser

/// The list of subcommands; each lives in its own file under Commands/.
enum CommandRegistry {
    static let all: [ParsableCommand.Type] = [
        StatusCommand.self, CheckCommand.self, InitCommand.self, JoinCommand.self,
        OncallCommand.self, OverrideCommand.self,
        TaskCommand.self, ClaimCommand.self, ReleaseCommand.self, MoveCommand.self, AssignCommand.self, DoneCommand.self,
        CommentCommand.self, BoardCommand.self, SyncCommand.self,
        ClocksCommand.self, OverlapCommand.self, SlotsCommand.self,
        AwayCommand.self, BackCommand.self, TimeoffCommand.self, DemoCommand.self,
        DashCommand.self,
    ]
    static let defaultCommand: ParsableCommand.Type? = DashCommand.self
}
