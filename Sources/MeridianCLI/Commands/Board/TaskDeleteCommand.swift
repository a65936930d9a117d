import ArgumentParser
import MeridianKit

/// `meridian task delete ID`: appends `task.delete`; later events on the task have no effect.
struct TaskDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a task for everyone.")

    @Argument(help: "The task id.") var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global)
        _ = try s.writer()
        let task = try s.decide { () throws(BoardRefusal) in try BoardLookup.task(id, in: s.board) }
        try s.write(try s.decide { () throws(BoardRefusal) in try BoardActions.delete(task.id, board: s.board) })
        Output.out("Deleted \(BoardSession.label(task)).")
    }
}
