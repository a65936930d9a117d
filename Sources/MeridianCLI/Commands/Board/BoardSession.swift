import MeridianKit

/// What every board command shares: the resolved context, one snapshot of TEAM, and writing as me.
struct BoardSession {
    let ctx: Context
    let snapshot: TeamSnapshot

    init(_ global: GlobalOptions) throws(CLIError) {
        ctx = try Context(global)
        snapshot = try ctx.openTeam().snapshot
    }

    var board: BoardState { snapshot.board }

    /// Who I am, for a command that writes: `--as` with a file in members/ (else exit 2).
    func writer() throws(CLIError) -> String {
        _ = try ctx.writer(for: snapshot)
        return ctx.member ?? ""
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
