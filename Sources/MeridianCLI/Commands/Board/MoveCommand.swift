import ArgumentParser
import MeridianKit

/// `meridian move ID COLUMN`: moves a task (column names match ignoring case when unambiguous).
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a task to a column.")

    @Argument(help: "The task id.") var id: String
    @Argument(help: "The column, as in team.toml.") var column: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global, writing: true)
        try s.perform(on: id, { task throws(BoardRefusal) in try BoardActions.move(task.id, to: column, board: s.board) }) { task, draft in
            "Moved \(BoardSession.label(task)) to \(Sanitize.line(draft.fields[1].value.stringValue ?? column))."
        }
    }
}

/// `meridian done ID`: moves a task to the last column.
struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Move a task to the last column.")

    @Argument(help: "The task id.") var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global, writing: true)
        try s.perform(on: id, { task throws(BoardRefusal) in try BoardActions.done(task.id, board: s.board) }) { task, _ in
            "Moved \(BoardSession.label(task)) to \(Sanitize.line(s.board.columns[s.board.columns.count - 1]))."
        }
    }
}
