import ArgumentParser

/// The list of subcommands; each lives in its own file under Commands/.
enum CommandRegistry {
    static let all: [ParsableCommand.Type] = [
        StatusCommand.self, CheckCommand.self, InitCommand.self, JoinCommand.self,
        OncallCommand.self, OverrideCommand.self,
        DashCommand.self,
    ]
    static let defaultCommand: ParsableCommand.Type? = DashCommand.self
}
