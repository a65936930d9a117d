import Foundation

/// Validates the op-specific fields of an event (SPEC §1 op table).
enum Payload {
    typealias Failure = EventDecoder.DecodeFailure

    static func decode(op: String, fields f: [String: JSONValue]) throws(Failure) -> EventPayload {
        switch op {
        case "task.create":
            let task = try taskID(f)
            let title = try string(f, "title")
            let column = try optionalString(f, "column")
            let priority = try optionalString(f, "priority").map { p throws(Failure) in try parsePriority(p) } ?? .normal
            let labels = try optionalLabels(f) ?? []
            let due = try optionalDue(f)
            let notes = try optionalString(f, "notes")
            return .taskCreate(TaskCreateFields(task: task, title: title, column: column, priority: priority, labels: labels, due: due, notes: notes))
        case "task.edit":
            var e = TaskEditFields(task: try taskID(f))
            e.title = try change(f, "title") { v throws(Failure) in try asString(v, "title") }
            e.priority = try change(f, "priority") { v throws(Failure) in try parsePriority(try asString(v, "priority")) }
            e.labels = try change(f, "labels") { v throws(Failure) in try asLabels(v) }
            e.due = try change(f, "due") { v throws(Failure) in try asDue(v) }
            e.notes = try change(f, "notes") { v throws(Failure) in try asString(v, "notes") }
            return .taskEdit(e)
        case "task.move":
            return .taskMove(task: try taskID(f), column: try string(f, "column"))
        case "task.claim": return .taskClaim(task: try taskID(f))
        case "task.release": return .taskRelease(task: try taskID(f))
        case "task.assign":
            let task = try taskID(f)
            guard let to = f["to"] else { throw Failure("missing required field 'to'") }
            if to.isNull { return .taskAssign(task: task, to: nil) }
            let who = try asString(to, "to")
            guard Identifiers.isValidName(who) else { throw Failure("field 'to' is not a valid member id") }
            return .taskAssign(task: task, to: who)
        case "task.comment": return .taskComment(task: try taskID(f), text: try string(f, "text"))
        case "task.delete": return .taskDelete(task: try taskID(f))
        case "status.set":
            let text = try string(f, "text")
            let kindText = try string(f, "kind")
            guard let kind = StatusKind(rawValue: kindText) else {
                throw Failure("field 'kind' must be one of online, focus, away, ooo")
            }
            let until = try optionalString(f, "until").map { s throws(Failure) in try instant(s, "until") }
            return .statusSet(text: text, kind: kind, until: until)
        case "status.clear": return .statusClear
        case "timeoff.add":
            let span = try timeSpan(f)
            return .timeoffAdd(span: span, note: try optionalString(f, "note"))
        case "timeoff.cancel": return .timeoffCancel(ref: try string(f, "ref"))
        case "oncall.override":
            let rotation = try string(f, "rotation")
            let member = try string(f, "member")
            guard Identifiers.isValidName(member) else { throw Failure("field 'member' is not a valid member id") }
            let from = try instant(try string(f, "from"), "from")
            let to = try instant(try string(f, "to"), "to")
            guard from < to else { throw Failure("override 'to' must be after 'from'") }
            return .oncallOverride(rotation: rotation, member: member, from: from, to: to)
        case "oncall.cancel": return .oncallCancel(ref: try string(f, "ref"))
        default: return .unknown(op: op)
        }
    }

    // MARK: - Field helpers

    static func taskID(_ f: [String: JSONValue]) throws(Failure) -> String {
        let t = try string(f, "task")
        guard Identifiers.isValidTaskID(t) else { throw Failure("field 'task' is not a valid task id (1-32 of A-Z a-z 0-9 . _ -)") }
        return t
    }

    static func string(_ f: [String: JSONValue], _ name: String) throws(Failure) -> String {
        guard let v = f[name] else { throw Failure("missing required field '\(name)'") }
        return try asString(v, name)
    }

    static func asString(_ v: JSONValue, _ name: String) throws(Failure) -> String {
        guard case .string(let s) = v else { throw Failure("field '\(name)' must be a string, not \(v.typeName)") }
        return s
    }

    static func optionalString(_ f: [String: JSONValue], _ name: String) throws(Failure) -> String? {
        guard let v = f[name], !v.isNull else { return nil }
        return try asString(v, name)
    }

    static func parsePriority(_ s: String) throws(Failure) -> Priority {
        guard let p = Priority(rawValue: s) else { throw Failure("field 'priority' must be one of urgent, high, normal, low") }
        return p
    }

    static func asLabels(_ v: JSONValue) throws(Failure) -> [String] {
        guard case .array(let items) = v else { throw Failure("field 'labels' must be an array of strings, not \(v.typeName)") }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw Failure("field 'labels' must be an array of strings") }
            out.append(s)
        }
        return out
    }

    static func optionalLabels(_ f: [String: JSONValue]) throws(Failure) -> [String]? {
        guard let v = f["labels"], !v.isNull else { return nil }
        return try asLabels(v)
    }

    static func asDue(_ v: JSONValue) throws(Failure) -> DueDate {
        let s = try asString(v, "due")
        guard let d = DueDate(s) else { throw Failure("field 'due' must be a date (YYYY-MM-DD) or an ISO-8601 instant") }
        return d
    }

    static func optionalDue(_ f: [String: JSONValue]) throws(Failure) -> DueDate? {
        guard let v = f["due"], !v.isNull else { return nil }
        return try asDue(v)
    }

    static func instant(_ s: String, _ name: String) throws(Failure) -> Date {
        guard let d = Instant.parse(s) else { throw Failure("field '\(name)' is not an ISO-8601 instant") }
        return d
    }

    static func change<V>(_ f: [String: JSONValue], _ name: String, _ parse: (JSONValue) throws(Failure) -> V) throws(Failure) -> FieldChange<V> {
        guard let v = f[name] else { return .unchanged }
        if v.isNull { return .cleared }
        return .set(try parse(v))
    }

    static func timeSpan(_ f: [String: JSONValue]) throws(Failure) -> TimeSpan {
        let from = try string(f, "from")
        let to = try string(f, "to")
        if let a = LocalDate(iso: from), let b = LocalDate(iso: to) {
            guard a <= b else { throw Failure("time off 'to' is before 'from'") }
            return .dates(a, b)
        }
        if let a = Instant.parse(from), let b = Instant.parse(to) {
            guard a < b else { throw Failure("time off 'to' must be after 'from'") }
            return .instants(a, b)
        }
        throw Failure("'from' and 'to' must be two dates (YYYY-MM-DD) or two ISO-8601 instants")
    }
}
