import ArgumentParser
import MeridianKit

/// `meridian task edit ID`: appends `task.edit` with only the fields given.
struct TaskEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a task's title, priority, labels, due date or notes.",
        discussion: "Example: meridian task edit k7m2q --priority urgent --label bug --label auth --clear-due")

    @Argument(help: "The task id.") var id: String
    @Option(help: "A new title.") var title: String?
    @Option(help: "urgent, high, normal or low.") var priority: String?
    @Option(name: .customLong("label"), help: "Replace the labels with these; repeat for more.") var labels: [String] = []
    @Flag(help: "Remove every label.") var clearLabels = false
    @Option(help: "Due date (YYYY-MM-DD) or instant (ISO-8601).") var due: String?
    @Flag(help: "Remove the due date.") var clearDue = false
    @Option(help: "New notes.") var notes: String?
    @Flag(help: "Remove the notes.") var clearNotes = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global, writing: true)
        let labelChange: FieldChange<[String]> = try change(labels.isEmpty ? nil : labels, clearLabels, "--label", "--clear-labels")
        let dueChange: FieldChange<DueDate> = try change(try TaskOptionParsing.due(due), clearDue, "--due", "--clear-due")
        let notesChange: FieldChange<String> = try change(notes, clearNotes, "--notes", "--clear-notes")
        let priorityChange: FieldChange<Priority> = try TaskOptionParsing.priority(priority).map { .set($0) } ?? .unchanged
        let draft = try s.decide { () throws(BoardRefusal) in
            try BoardActions.edit(id, title: title, priority: priorityChange, labels: labelChange, due: dueChange, notes: notesChange, board: s.board)
        }
        try s.write(draft)
        let task = try s.task(id)
        Output.out("Edited \(task.id).")
    }

    private func change<V>(_ value: V?, _ clear: Bool, _ setName: String, _ clearName: String) throws(CLIError) -> FieldChange<V> {
        if clear && value != nil { throw .usage("Give \(setName) or \(clearName), not both.") }
        if clear { return .cleared }
        return value.map { .set($0) } ?? .unchanged
    }
}
