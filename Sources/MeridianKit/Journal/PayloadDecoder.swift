import Foundation

/// Validates the op-specific fields of an event (SPEC §1 op table) into its record and log.
/// Checks run in a fixed order, so a line with several faults always reports the same one.
enum Payload {
    typealias Failure = EventDecoder.DecodeFailure
    typealias Token = FieldToken
    typealias Fields = EventDecoder.Fields

    /// The `op` field as an `EventOp`; an op this version does not know keeps its text in `r.task`.
    static func op(_ t: Token?, into r: inout EventRecord, log: inout EventLog) throws(Failure) -> EventOp {
        guard let t else { throw Failure("missing required field 'op'") }
        if let known = try withText(t, "op", knownOp) { return known }
        r.task = try text(t, "op", &log)
        return .unknown
    }

    /// The op these bytes spell, if this version knows it.
    static func knownOp(_ b: UnsafeBufferPointer<UInt8>) -> EventOp? {
        let eq = JournalBytes.equals
        switch b.count {
        case 9: if eq(b, "task.edit") { return .taskEdit }; if eq(b, "task.move") { return .taskMove }
        case 10: if eq(b, "task.claim") { return .taskClaim }; if eq(b, "status.set") { return .statusSet }
        case 11:
            if eq(b, "task.create") { return .taskCreate }
            if eq(b, "task.assign") { return .taskAssign }
            if eq(b, "task.delete") { return .taskDelete }
            if eq(b, "timeoff.add") { return .timeoffAdd }
        case 12:
            if eq(b, "task.comment") { return .taskComment }
            if eq(b, "task.release") { return .taskRelease }
            if eq(b, "status.clear") { return .statusClear }
        case 13: if eq(b, "oncall.cancel") { return .oncallCancel }
        case 14: if eq(b, "timeoff.cancel") { return .timeoffCancel }
        case 15: if eq(b, "oncall.override") { return .oncallOverride }
        default: break
        }
        return nil
    }

    static func decode(op opToken: Token?, fields f: Fields, into r: inout EventRecord, log: inout EventLog,
                       items: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) throws(Failure) {
        let op = try op(opToken, into: &r, log: &log)
        r.op = op
        switch op {
        case .taskCreate:
            r.task = try taskID(f.task, &log)
            let title = try string(f.title, "title", &log)
            let column = try optionalString(f.column, "column", &log)
            let priority = try optionalPriority(f.priority) ?? .normal
            let labels = try optionalLabels(f.labels, &log, items) ?? LabelList(start: UInt32(log.labels.count), count: 0)
            let due = try optionalDue(f.due, &log)
            let notes = try optionalString(f.notes, "notes", &log)
            r.detail = UInt32(log.creates.count)
            log.creates.append(CreateDetail(title: title, column: column, notes: notes, labels: labels, due: due, priority: priority))
        case .taskEdit:
            r.task = try taskID(f.task, &log)
            var e = EditDetail()
            if let t = f.title { e.title = isNull(t) ? .cleared : .set(try text(t, "title", &log)) }
            if let t = f.priority { e.priority = isNull(t) ? .cleared : .set(try asPriority(t)) }
            if let t = f.labels { e.labels = isNull(t) ? .cleared : .set(try asLabels(t, &log, items)) }
            if let t = f.due { e.due = isNull(t) ? .cleared : .set(try asDue(t, &log)) }
            if let t = f.notes { e.notes = isNull(t) ? .cleared : .set(try text(t, "notes", &log)) }
            r.detail = UInt32(log.edits.count)
            log.edits.append(e)
        case .taskMove:
            r.task = try taskID(f.task, &log)
            r.text = try string(f.column, "column", &log)
        case .taskClaim, .taskRelease, .taskDelete:
            r.task = try taskID(f.task, &log)
        case .taskAssign:
            r.task = try taskID(f.task, &log)
            guard let to = f.to else { throw Failure("missing required field 'to'") }
            if isNull(to) {
                r.text = .none
            } else {
                r.text = try text(to, "to", &log)
                guard log.text.withBytes(r.text, JournalBytes.isValidName) else { throw Failure("field 'to' is not a valid member id") }
            }
        case .taskComment:
            r.task = try taskID(f.task, &log)
            r.text = try string(f.text, "text", &log)
        case .statusSet:
            let text = try string(f.text, "text", &log)
            guard let kindToken = f.kind else { throw Failure("missing required field 'kind'") }
            let kind = try asKind(kindToken)
            let until: Date?
            if let u = f.until, !isNull(u) { until = try asInstant(u, "until") } else { until = nil }
            r.detail = UInt32(log.statuses.count)
            log.statuses.append(StatusDetail(text: text, kind: kind, until: until))
        case .statusClear:
            break
        case .timeoffAdd:
            let span = try timeSpan(f)
            let note = try optionalString(f.note, "note", &log)
            r.detail = UInt32(log.timeOffs.count)
            log.timeOffs.append(TimeOffDetail(span: span, note: note))
        case .timeoffCancel, .oncallCancel:
            r.task = try string(f.ref, "ref", &log)
        case .oncallOverride:
            let rotation = try string(f.rotation, "rotation", &log)
            let member = try string(f.member, "member", &log)
            guard log.text.withBytes(member, JournalBytes.isValidName) else { throw Failure("field 'member' is not a valid member id") }
            guard let fromToken = f.from else { throw Failure("missing required field 'from'") }
            let from = try asInstant(fromToken, "from")
            guard let toToken = f.to else { throw Failure("missing required field 'to'") }
            let to = try asInstant(toToken, "to")
            guard from < to else { throw Failure("override 'to' must be after 'from'") }
            r.detail = UInt32(log.overrides.count)
            log.overrides.append(OverrideDetail(rotation: rotation, member: member, from: from, to: to))
        case .unknown:
            break
        }
    }

    // MARK: - Field helpers

    static func isNull(_ t: Token) -> Bool { t.isNull }

    /// A string field's bytes handed to `body`.
    static func withText<R>(_ t: Token, _ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) throws(Failure) -> R {
        guard case .string(let b) = t else { throw Failure("field '\(name)' must be a string, not \(t.typeName)") }
        return body(b)
    }

    /// A string field, copied into the log's arena.
    static func text(_ t: Token, _ name: String, _ log: inout EventLog) throws(Failure) -> TextRef {
        guard case .string(let b) = t else { throw Failure("field '\(name)' must be a string, not \(t.typeName)") }
        return log.text.append(b)
    }

    /// The `by` field, copied into the arena unless it spells the last line's `by` (then shared).
    static func member(_ t: Token, _ log: inout EventLog) throws(Failure) -> TextRef {
        guard case .string(let b) = t else { throw Failure("field 'by' must be a string, not \(t.typeName)") }
        if !log.recentBy.isNone, log.text.withBytes(log.recentBy, { TextView.compare($0, b) == 0 }) { return log.recentBy }
        log.recentBy = log.text.append(b)
        return log.recentBy
    }

    /// A required string field as a `String` (for the few fields that are only looked at).
    static func string(_ t: Token?, _ name: String) throws(Failure) -> String {
        guard let t else { throw Failure("missing required field '\(name)'") }
        return try withText(t, name) { String(decoding: $0, as: UTF8.self) }
    }

    static func string(_ t: Token?, _ name: String, _ log: inout EventLog) throws(Failure) -> TextRef {
        guard let t else { throw Failure("missing required field '\(name)'") }
        return try text(t, name, &log)
    }

    static func optionalString(_ t: Token?, _ name: String, _ log: inout EventLog) throws(Failure) -> TextRef {
        guard let t, !isNull(t) else { return .none }
        return try text(t, name, &log)
    }

    static func taskID(_ t: Token?, _ log: inout EventLog) throws(Failure) -> TextRef {
        let ref = try string(t, "task", &log)
        guard log.text.withBytes(ref, JournalBytes.isValidTaskID) else {
            throw Failure("field 'task' is not a valid task id (1-32 of A-Z a-z 0-9 . _ -)")
        }
        return ref
    }

    static func asPriority(_ t: Token) throws(Failure) -> Priority {
        let p: Priority? = try withText(t, "priority") { b in
            if JournalBytes.equals(b, "normal") { return .normal }
            if JournalBytes.equals(b, "high") { return .high }
            if JournalBytes.equals(b, "urgent") { return .urgent }
            if JournalBytes.equals(b, "low") { return .low }
            return nil
        }
        guard let p else { throw Failure("field 'priority' must be one of urgent, high, normal, low") }
        return p
    }

    static func optionalPriority(_ t: Token?) throws(Failure) -> Priority? {
        guard let t, !isNull(t) else { return nil }
        return try asPriority(t)
    }

    static func asKind(_ t: Token) throws(Failure) -> StatusKind {
        let kind: StatusKind? = try withText(t, "kind") { b in
            if JournalBytes.equals(b, "online") { return .online }
            if JournalBytes.equals(b, "focus") { return .focus }
            if JournalBytes.equals(b, "away") { return .away }
            if JournalBytes.equals(b, "ooo") { return .ooo }
            return nil
        }
        guard let kind else { throw Failure("field 'kind' must be one of online, focus, away, ooo") }
        return kind
    }

    static func asLabels(_ t: Token, _ log: inout EventLog, _ items: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) throws(Failure) -> LabelList {
        switch t {
        case .strings(let start, let count):
            let first = UInt32(log.labels.count)
            for k in Int(start)..<Int(start + count) { log.labels.append(log.text.append(items[k])) }
            return LabelList(start: first, count: UInt32(count))
        case .array: throw Failure("field 'labels' must be an array of strings")
        default: throw Failure("field 'labels' must be an array of strings, not \(t.typeName)")
        }
    }

    static func optionalLabels(_ t: Token?, _ log: inout EventLog, _ items: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) throws(Failure) -> LabelList? {
        guard let t, !isNull(t) else { return nil }
        return try asLabels(t, &log, items)
    }

    static func asDue(_ t: Token, _ log: inout EventLog) throws(Failure) -> DueValue {
        let ref = try text(t, "due", &log)
        let value: DueValue? = log.text.withBytes(ref) { b in
            if let d = JournalBytes.date(b) { return DueValue(text: ref, date: d, instant: nil) }
            if let i = JournalBytes.instant(b) { return DueValue(text: ref, date: nil, instant: i) }
            return nil
        }
        guard let value else { throw Failure("field 'due' must be a date (YYYY-MM-DD) or an ISO-8601 instant") }
        return value
    }

    static func optionalDue(_ t: Token?, _ log: inout EventLog) throws(Failure) -> DueValue? {
        guard let t, !isNull(t) else { return nil }
        return try asDue(t, &log)
    }

    static func asInstant(_ t: Token, _ name: String) throws(Failure) -> Date {
        guard let d = try withText(t, name, JournalBytes.instant) else { throw Failure("field '\(name)' is not an ISO-8601 instant") }
        return d
    }

    static func timeSpan(_ f: Fields) throws(Failure) -> TimeSpan {
        guard let fromToken = f.from else { throw Failure("missing required field 'from'") }
        let fromText = try string(fromToken, "from")
        guard let toToken = f.to else { throw Failure("missing required field 'to'") }
        let toText = try string(toToken, "to")
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
