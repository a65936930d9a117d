import Foundation

/// One event to append: its op and its fields in writing order (the common fields are the writer's).
public struct EventDraft: @unchecked Sendable {
    public var op: String
    public var fields: [(key: String, value: JSONValue)]

    public init(op: String, fields: [(key: String, value: JSONValue)]) {
        self.op = op
        self.fields = fields
    }
}

/// What a board action decided: write one event, or nothing needs writing (with why).
public enum BoardDecision: Sendable {
    case write(EventDraft)
    case unchanged(String)
}

/// The board's user actions (CLI commands and dashboard keys alike): each checks the action
/// against the board as TEAM shows it and returns the event to write, or refuses.
public enum BoardActions {
    /// `task.create` for a new task; `column` nil means the first column.
    public static func create(id: String, title: String, column: String?, priority: Priority?, labels: [String], due: DueDate?,
                              notes: String?, board: BoardState) throws(BoardRefusal) -> EventDraft {
        guard Identifiers.isValidTaskID(id) else { throw BoardRefusal("'\(id)' is not a valid task id (1-32 of A-Z a-z 0-9 . _ -).") }
        guard !board.knownIDs.contains(id) else { throw BoardRefusal("Task id '\(id)' is already used.") }
        let title = try checkedTitle(title)
        let col = try column.map { c throws(BoardRefusal) in try BoardLookup.column(c, in: board) } ?? board.columns[0]
        var fields: [(key: String, value: JSONValue)] = [("task", .string(id)), ("title", .string(title)), ("column", .string(col))]
        fields.append(("priority", .string((priority ?? .normal).rawValue)))
        if !labels.isEmpty { fields.append(("labels", .array(labels.map { .string($0) }))) }
        if let due { fields.append(("due", .string(due.text))) }
        if let notes { fields.append(("notes", .string(notes))) }
        return EventDraft(op: "task.create", fields: fields)
    }

    /// `task.edit` with only the fields that change (`.cleared` writes null).
    public static func edit(_ query: String, title: String?, priority: FieldChange<Priority>, labels: FieldChange<[String]>,
                            due: FieldChange<DueDate>, notes: FieldChange<String>, board: BoardState) throws(BoardRefusal) -> EventDraft {
        let t = try BoardLookup.task(query, in: board)
        var fields: [(key: String, value: JSONValue)] = [("task", .string(t.id))]
        if let title { fields.append(("title", .string(try checkedTitle(title)))) }
        func add<V>(_ key: String, _ change: FieldChange<V>, _ encode: (V) -> JSONValue) {
            switch change {
            case .unchanged: break
            case .cleared: fields.append((key, .null))
            case .set(let v): fields.append((key, encode(v)))
            }
        }
        add("priority", priority) { .string($0.rawValue) }
        add("labels", labels) { .array($0.map { .string($0) }) }
        add("due", due) { .string($0.text) }
        add("notes", notes) { .string($0) }
        guard fields.count > 1 else { throw BoardRefusal("Nothing to change: give at least one field to edit.") }
        return EventDraft(op: "task.edit", fields: fields)
    }

    /// `task.claim`: refused when TEAM shows another holder; nothing to write when I hold it already.
    public static func claim(_ query: String, by member: String, board: BoardState) throws(BoardRefusal) -> BoardDecision {
        let t = try BoardLookup.task(query, in: board)
        switch t.holder {
        case member?: return .unchanged("You already hold \(t.id).")
        case let other?:
            throw BoardRefusal("Task \(t.id) is held by \(other); ask them to release it, or take it over with `meridian assign \(t.id) \(member)`.")
        case nil: return .write(EventDraft(op: "task.claim", fields: [("task", .string(t.id))]))
        }
    }

    /// `task.release`: only the holder may release.
    public static func release(_ query: String, by member: String, board: BoardState) throws(BoardRefusal) -> EventDraft {
        let t = try BoardLookup.task(query, in: board)
        guard t.holder == member else {
            throw BoardRefusal("You don't hold \(t.id); \(t.holder.map { "\($0) does" } ?? "nobody does").")
        }
        return EventDraft(op: "task.release", fields: [("task", .string(t.id))])
    }

    /// `task.move` to a column named by the user.
    public static func move(_ query: String, to column: String, board: BoardState) throws(BoardRefusal) -> EventDraft {
        let t = try BoardLookup.task(query, in: board)
        let col = try BoardLookup.column(column, in: board)
        return EventDraft(op: "task.move", fields: [("task", .string(t.id)), ("column", .string(col))])
    }

    /// `task.move` one column left (-1) or right (+1) of where the task shows (the `<` `>` keys).
    public static func shift(_ query: String, by offset: Int, board: BoardState) throws(BoardRefusal) -> BoardDecision {
        let t = try BoardLookup.task(query, in: board)
        let here = board.columns.firstIndex(of: board.displayColumn(t)) ?? 0
        let there = here + offset
        guard board.columns.indices.contains(there) else {
            return .unchanged("Task \(t.id) is already in the \(offset < 0 ? "first" : "last") column.")
        }
        return .write(EventDraft(op: "task.move", fields: [("task", .string(t.id)), ("column", .string(board.columns[there]))]))
    }

    /// `task.move` to the last column.
    public static func done(_ query: String, board: BoardState) throws(BoardRefusal) -> EventDraft {
        let t = try BoardLookup.task(query, in: board)
        return EventDraft(op: "task.move", fields: [("task", .string(t.id)), ("column", .string(board.columns[board.columns.count - 1]))])
    }

    /// `task.assign`: sets the holder outright; `to` nil unassigns; `to` must be one of `members`.
    public static func assign(_ query: String, to: String?, members: [String], board: BoardState) throws(BoardRefusal) -> EventDraft {
        let t = try BoardLookup.task(query, in: board)
        if let to, !members.contains(to) {
            throw BoardRefusal("No member '\(to)'; members are: \(members.isEmpty ? "(none)" : members.joined(separator: ", ")).")
        }
        return EventDraft(op: "task.assign", fields: [("task", .string(t.id)), ("to", to.map { .string($0) } ?? .null)])
    }

    /// `task.comment` with non-blank text.
    public static func comment(_ query: String, text: String, board: BoardState) throws(BoardRefusal) -> EventDraft {
        let t = try BoardLookup.task(query, in: board)
        guard !text.allSatisfy(\.isWhitespace) else { throw BoardRefusal("A comment needs some text.") }
        return EventDraft(op: "task.comment", fields: [("task", .string(t.id)), ("text", .string(text))])
    }

    /// `task.delete`.
    public static func delete(_ query: String, board: BoardState) throws(BoardRefusal) -> EventDraft {
        let t = try BoardLookup.task(query, in: board)
        return EventDraft(op: "task.delete", fields: [("task", .string(t.id))])
    }

    private static func checkedTitle(_ title: String) throws(BoardRefusal) -> String {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw BoardRefusal("A task needs a title.") }
        return trimmed
    }
}
