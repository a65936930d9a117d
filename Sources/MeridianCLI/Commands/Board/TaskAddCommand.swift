import ArgumentParser
import MeridianKit

/// `meridian task add TITLE`: appends `task.create` and prints the new id (and nothing else).
struct TaskAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a task; prints its new id.",
        discussion: "Example: id=$(meridian task add \"Fix login redirect\" --priority high --label bug --due 2026-12-01)")

    @Argument(help: "The task's title.") var title: String
    @Option(help: "The column (default: the first one).") var column: String?
    @Option(help: "urgent, high, normal (default) or low.") var priority: String?
    @Option(name: .customLong("label"), help: "A label; repeat for more.") var labels: [String] = []
    @Option(help: "Due date (YYYY-MM-DD) or instant (ISO-8601).") var due: String?
    @Option(help: "Free-form notes.") var notes: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global, writing: true)
        let priority = try TaskOptionParsing.priority(priority)
        let due = try TaskOptionParsing.due(due)
        let id = TaskIDGenerator.next(avoiding: s.board.knownIDs)
        let draft = try s.decide { () throws(BoardRefusal) in
            try BoardActions.create(id: id, title: title, column: column, priority: priority, labels: labels, due: due, notes: notes, board: s.board)
        }
        try s.write(draft)
        Output.out(id)
    }
}
