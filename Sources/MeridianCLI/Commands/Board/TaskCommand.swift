import ArgumentParser

/// `meridian task add|edit|delete|show`: tasks on the board.
struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "Add, edit, delete or show a task.",
        subcommands: [TaskAddCommand.self, TaskEditCommand.self, TaskDeleteCommand.self, TaskShowCommand.self])
}
