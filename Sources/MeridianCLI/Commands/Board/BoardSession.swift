import MeridianKit

/// What every board command shares: the resolved context, one snapshot of TEAM, and writing as me.
struct BoardSession {
    let ctx: Context
    let snapshot: TeamSnapshot
    /// Who I am when opened `writing` (checked: `--as` with a file in members/); empty otherwise.
    let me: String

    /// Opens TEAM; a command that writes passes `writing`, so a missing or unknown `--as` is exit 2
    /// before anything else is checked.
    init(_ global: GlobalOptions, writing: Bool = false) throws(CLIError) {
        ctx = try Context(global)
        snapshot = try ctx.openTeam().snapshot
        if writing { _ = try ctx.writer(for: snapshot) }
        me = writing ? ctx.member ?? "" : ""
    }

    var board: BoardState { snapshot.board }

    /// The task `id` names (unknown: exit 1 with its sentence).
    func task(_ id: String) throws(CLIError) -> BoardTask {
        try decide { () throws(BoardRefusal) in try BoardLookup.task(id, in: board) }
    }

    /// The whole of a one-task command: look up the task, decide the event (a refusal is exit 1,
    /// writing nothing), append it as me and print what `message` says.
    func perform(on id: String, _ decision: (BoardTask) throws(BoardRefusal) -> EventDraft,
                 message: (BoardTask, EventDraft) -> String) throws(CLIError) {
        let task = try task(id)
        let draft = try decide { () throws(BoardRefusal) in try decision(task) }
        try write(draft)
        Output.out(message(task, draft))
    }

    /// Runs a board decision, turning a refusal into exit 1 with its sentence.
    func decide<T>(_ body: () throws(BoardRefusal) -> T) throws(CLIError) -> T {
        do {
            return try body()
        } catch {
            throw .refused(Sanitize.line(error.message))
        }
    }

    /// Appends the event as me.
    @discardableResult
    func write(_ draft: EventDraft) throws(CLIError) -> String {
        try ctx.append(draft.op, draft.fields, to: snapshot)
    }

    /// `id “title”` for messages, sanitized.
    static func label(_ t: BoardTask) -> String { "\(t.id) “\(Sanitize.line(t.title))”" }
}

/// Parses the `--priority` and `--due` values of task commands (bad values: exit 2).
enum TaskOptionParsing {
    static func priority(_ text: String?) throws(CLIError) -> Priority? {
        guard let text else { return nil }
        guard let p = Priority(rawValue: text.lowercased()) else {
            throw .usage("--priority must be one of urgent, high, normal, low, not '\(Sanitize.line(text))'.")
        }
        return p
    }

    static func due(_ text: String?) throws(CLIError) -> DueDate? {
        guard let text else { return nil }
        guard let d = DueDate(text) else {
            throw .usage("--due must be a date (YYYY-MM-DD) or an ISO-8601 instant, not '\(Sanitize.line(text))'.")
        }
        return d
    }
}
