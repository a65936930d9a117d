import Foundation

/// Validates the op-specific fields of an event (SPEC §1 op table).
enum Payload {
    typealias Failure = EventDecoder.DecodeFailure
    typealias Token = JSONParser.Token
    typealias Fields = EventDecoder.Fields

    /// The ops this version knows, as the strings events carry (shared, never re-allocated).
    static let knownOps: [String] = [
        "task.create", "task.edit", "task.move", "task.claim", "task.release", "task.assign", "task.comment",
        "task.delete", "status.set", "status.clear", "timeoff.add", "timeoff.cancel", "oncall.override", "oncall.cancel",
    ]

    /// The `op` field; a known op comes back as its shared string.
    static func op(_ t: Token?) throws(Failure) -> String {
        if case .raw(let b)? = t {
            switch b.count {
            case 9: if JournalBytes.equals(b, "task.edit") { return "task.edit" }; if JournalBytes.equals(b, "task.move") { return "task.move" }
            case 10:
                if JournalBytes.equals(b, "task.claim") { return "task.claim" }
                if JournalBytes.equals(b, "status.set") { return "status.set" }
            case 11:
                if JournalBytes.equals(b, "task.create") { return "task.create" }
                if JournalBytes.equals(b, "task.assign") { return "task.assign" }
                if JournalBytes.equals(b, "task.delete") { return "task.delete" }
                if JournalBytes.equals(b, "timeoff.add") { return "timeoff.add" }
            case 12:
                if JournalBytes.equals(b, "task.comment") { return "task.comment" }
                if JournalBytes.equals(b, "task.release") { return "task.release" }
                if JournalBytes.equals(b, "status.clear") { return "status.clear" }
            default: break
            }
        }
        return try string(t, "op")
    }

    static func decode(op: String, fields f: Fields) throws(Failure) -> EventPayload {
        switch op {
        case "task.create":
            let task = try taskID(f.task)
            let title = try string(f.title, "title")
            let column = try optionalString(f.column, "column")
            let priority = try optionalPriority(f.priority) ?? .normal
            let labels = try optionalLabels(f.labels) ?? []
            let due = try optionalDue(f.due)
            let notes = try optionalString(f.notes, "notes")
            return .taskCreate(TaskCreateFields(task: task, title: title, column: column, priority: priority, labels: labels, due: due, notes: notes))
        case "task.edit":
            var e = TaskEditFields(task: try taskID(f.task))
            e.title = try change(f.title) { v throws(Failure) in try asString(v, "title") }
            e.priority = try change(f.priority) { v throws(Failure) in try asPriority(v) }
            e.labels = try change(f.labels) { v throws(Failure) in try asLabels(v) }
            e.due = try change(f.due) { v throws(Failure) in try asDue(v) }
            e.notes = try change(f.notes) { v throws(Failure) in try asString(v, "notes") }
            return .taskEdit(e)
        case "task.move":
            return .taskMove(task: try taskID(f.task), column: try string(f.column, "column"))
        case "task.claim": return .taskClaim(task: try taskID(f.task))
        case "task.release": return .taskRelease(task: try taskID(f.task))
        case "task.assign":
            let task = try taskID(f.task)
            guard let to = f.to else { throw Failure("missing required field 'to'") }
            if isNull(to) { return .taskAssign(task: task, to: nil) }
            let who = try asString(to, "to")
            guard Identifiers.isValidName(who) else { throw Failure("field 'to' is not a valid member id") }
            return .taskAssign(task: task, to: who)
        case "task.comment": return .taskComment(task: try taskID(f.task), text: try string(f.text, "text"))
        case "task.delete": return .taskDelete(task: try taskID(f.task))
        case "status.set":
            let text = try string(f.text, "text")
            guard let kindToken = f.kind else { throw Failure("missing required field 'kind'") }
            let kind = try asKind(kindToken)
            let until: Date?
            if let u = f.until, !isNull(u) { until = try asInstant(u, "until") } else { until = nil }
            return .statusSet(text: text, kind: kind, until: until)
        case "status.clear": return .statusClear
        case "timeoff.add":
            let span = try timeSpan(f)
            return .timeoffAdd(span: span, note: try optionalString(f.note, "note"))
        case "timeoff.cancel": return .timeoffCancel(ref: try string(f.ref, "ref"))
        case "oncall.override":
            let rotation = try string(f.rotation, "rotation")
            let member = try string(f.member, "member")
            guard Identifiers.isValidName(member) else { throw Failure("field 'member' is not a valid member id") }
            guard let fromToken = f.from else { throw Failure("missing required field 'from'") }
            let from = try asInstant(fromToken, "from")
            guard let toToken = f.to else { throw Failure("missing required field 'to'") }
            let to = try asInstant(toToken, "to")
            guard from < to else { throw Failure("override 'to' must be after 'from'") }
            return .oncallOverride(rotation: rotation, member: member, from: from, to: to)
        case "oncall.cancel": return .oncallCancel(ref: try string(f.ref, "ref"))
        default: return .unknown(op: op)
        }
    }

    // MARK: - Field helpers

    static func isNull(_ t: Token) -> Bool {
        if case .value(.null) = t { return true }
        return false
    }

    static func typeName(_ t: Token) -> String {
        switch t {
        case .raw: return "a string"
        case .value(let v): return v.typeName
        }
    }

    static func taskID(_ t: Token?) throws(Failure) -> String {
        if case .raw(let b)? = t {
            guard JournalBytes.isValidTaskID(b) else { throw Failure("field 'task' is not a valid task id (1-32 of A-Z a-z 0-9 . _ -)") }
            return String(decoding: b, as: UTF8.self)
        }
        let s = try string(t, "task")
        guard Identifiers.isValidTaskID(s) else { throw Failure("field 'task' is not a valid task id (1-32 of A-Z a-z 0-9 . _ -)") }
        return s
    }

    static func string(_ t: Token?, _ name: String) throws(Failure) -> String {
        guard let t else { throw Failure("missing required field '\(name)'") }
        return try asString(t, name)
    }

    static func asString(_ t: Token, _ name: String) throws(Failure) -> String {
        switch t {
        case .raw(let b): return String(decoding: b, as: UTF8.self)
        case .value(.string(let s)): return s
        case .value(let v): throw Failure("field '\(name)' must be a string, not \(v.typeName)")
        }
    }

    static func optionalString(_ t: Token?, _ name: String) throws(Failure) -> String? {
        guard let t, !isNull(t) else { return nil }
        return try asString(t, name)
    }

    static func asPriority(_ t: Token) throws(Failure) -> Priority {
        if case .raw(let b) = t {
            if JournalBytes.equals(b, "normal") { return .normal }
            if JournalBytes.equals(b, "high") { return .high }
            if JournalBytes.equals(b, "urgent") { return .urgent }
            if JournalBytes.equals(b, "low") { return .low }
        }
        guard let p = Priority(rawValue: try asString(t, "priority")) else {
            throw Failure("field 'priority' must be one of urgent, high, normal, low")
        }
        return p
    }

    static func optionalPriority(_ t: Token?) throws(Failure) -> Priority? {
        guard let t, !isNull(t) else { return nil }
        return try asPriority(t)
    }

    static func asKind(_ t: Token) throws(Failure) -> StatusKind {
        let text = try asString(t, "kind")
        guard let kind = StatusKind(rawValue: text) else { throw Failure("field 'kind' must be one of online, focus, away, ooo") }
        return kind
    }

    static func asLabels(_ t: Token) throws(Failure) -> [String] {
        guard case .value(.array(let items)) = t else { throw Failure("field 'labels' must be an array of strings, not \(typeName(t))") }
        var out: [String] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case .string(let s) = item else { throw Failure("field 'labels' must be an array of strings") }
            out.append(s)
        }
        return out
    }

    static func optionalLabels(_ t: Token?) throws(Failure) -> [String]? {
        guard let t, !isNull(t) else { return nil }
        return try asLabels(t)
    }

    static func asDue(_ t: Token) throws(Failure) -> DueDate {
        let failure = Failure("field 'due' must be a date (YYYY-MM-DD) or an ISO-8601 instant")
        if case .raw(let b) = t {
            let text = String(decoding: b, as: UTF8.self)
            if let d = JournalBytes.date(b) { return DueDate(text: text, date: d, instant: nil) }
            if let i = JournalBytes.instant(b) { return DueDate(text: text, date: nil, instant: i) }
            throw failure
        }
        guard let d = DueDate(try asString(t, "due")) else { throw failure }
        return d
    }

    static func optionalDue(_ t: Token?) throws(Failure) -> DueDate? {
        guard let t, !isNull(t) else { return nil }
        return try asDue(t)
    }

    static func asInstant(_ t: Token, _ name: String) throws(Failure) -> Date {
        if case .raw(let b) = t {
            guard let d = JournalBytes.instant(b) else { throw Failure("field '\(name)' is not an ISO-8601 instant") }
            return d
        }
        guard let d = Instant.parse(try asString(t, name)) else { throw Failure("field '\(name)' is not an ISO-8601 instant") }
        return d
    }

    static func change<V>(_ t: Token?, _ parse: (Token) throws(Failure) -> V) throws(Failure) -> FieldChange<V> {
        guard let t else { return .unchanged }
        if isNull(t) { return .cleared }
        return .set(try parse(t))
    }

    static func timeSpan(_ f: Fields) throws(Failure) -> TimeSpan {
        guard let fromToken = f.from else { throw Failure("missing required field 'from'") }
        let fromText = try asString(fromToken, "from")
        guard let toToken = f.to else { throw Failure("missing required field 'to'") }
        let toText = try asString(toToken, "to")
        if let a = LocalDate(iso: fromText), let b = LocalDate(iso: toText) {
            guard a <= b else { throw Failure("time off 'to' is before 'from'") }
            return .dates(a, b)
        }
        if let a = Instant.parse(fromText), let b = Instant.parse(toText) {
            guard a < b else { throw Failure("time off 'to' must be after 'from'") }
            return .instants(a, b)
        }
        throw Failure("'from' and 'to' must be two dates (YYYY-MM-DD) or two ISO-8601 instants")
    }
}
