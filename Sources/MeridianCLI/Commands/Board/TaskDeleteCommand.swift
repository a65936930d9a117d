import ArgumentParser
import MeridianKit

/// `meridian task delete ID`: appends `task.delete`; later events on the task have no effect.
struct TaskDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a task for everyone.")

    @Argument(help: "The task id.") var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global, writing: true)
        try s.perform(on: id, { task throws(BoardRefusal) in try BoardActions.delete(task.id, board: s.board) }) { task, _ in
            "Deleted \(BoardSession.label(task))."
        }
    }
}
