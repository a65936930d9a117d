import Foundation

/// Where an event's line lives: the file (relative to TEAM), its 1-based line, and byte range.
public struct EventSource: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var offset: Int
    public var length: Int

    public init(file: String, line: Int, offset: Int, length: Int) {
        self.file = file
        self.line = line
        self.offset = offset
        self.length = length
    }
}

/// Task priority, ordered urgent first.
public enum Priority: String, CaseIterable, Sendable, Comparable {
    case urgent, high, normal, low
    /// 0 for urgent … 3 for low: the board's order.
    public var rank: Int {
        switch self {
        case .urgent: return 0
        case .high: return 1
        case .normal: return 2
        case .low: return 3
        }
    }
    public static func < (a: Priority, b: Priority) -> Bool { a.rank < b.rank }
}

/// The kind of a member's status.
public enum StatusKind: String, CaseIterable, Sendable {
    case online, focus, away, ooo
}

/// A due date as written: a calendar date or an instant; `text` is kept for output.
public struct DueDate: Hashable, Sendable {
    public var text: String
    public var date: LocalDate?
    public var instant: Date?

    public init?(_ text: String) {
        self.text = text
        if let d = LocalDate(iso: text) { date = d } else if let i = Instant.parse(text) { instant = i } else { return nil }
    }

    /// Already parsed (the journal decoder reads the date or instant from the line's bytes).
    init(text: String, date: LocalDate?, instant: Date?) {
        self.text = text
        self.date = date
        self.instant = instant
    }
}

/// A `from`/`to` pair: two inclusive dates in the writer's zone, or two instants (`to` exclusive).
public enum TimeSpan: Hashable, Sendable {
    case dates(LocalDate, LocalDate)
    case instants(Date, Date)
}

/// A field change carried by `task.edit`: absent, cleared (null) or set.
public enum FieldChange<Value: Hashable & Sendable>: Hashable, Sendable {
    case unchanged
    case cleared
    case set(Value)
}

/// The fields of `task.create`.
public struct TaskCreateFields: Hashable, Sendable {
    public var task: String
    public var title: String
    public var column: String?
    public var priority: Priority
    public var labels: [String]
    public var due: DueDate?
    public var notes: String?
}

/// The fields of `task.edit`.
public struct TaskEditFields: Hashable, Sendable {
    public var task: String
    public var title: FieldChange<String> = .unchanged
    public var priority: FieldChange<Priority> = .unchanged
    public var labels: FieldChange<[String]> = .unchanged
    public var due: FieldChange<DueDate> = .unchanged
    public var notes: FieldChange<String> = .unchanged
}

/// What an event does (SPEC §1 op table), already validated.
public enum EventPayload: Hashable, Sendable {
    // The two large cases are boxed so every event stays small in memory.
    indirect case taskCreate(TaskCreateFields)
    indirect case taskEdit(TaskEditFields)
    case taskMove(task: String, column: String)
    case taskClaim(task: String)
    case taskRelease(task: String)
    case taskAssign(task: String, to: String?)
    case taskComment(task: String, text: String)
    case taskDelete(task: String)
    case statusSet(text: String, kind: StatusKind, until: Date?)
    case statusClear
    case timeoffAdd(span: TimeSpan, note: String?)
    case timeoffCancel(ref: String)
    case oncallOverride(rotation: String, member: String, from: Date, to: Date)
    case oncallCancel(ref: String)
    /// An op this version does not know: ignored, so newer writers stay readable.
    case unknown(op: String)

    /// The task this event names, if any.
    public var taskID: String? {
        switch self {
        case .taskCreate(let f): return f.task
        case .taskEdit(let f): return f.task
        case .taskMove(let t, _), .taskClaim(let t), .taskRelease(let t), .taskAssign(let t, _),
             .taskComment(let t, _), .taskDelete(let t):
            return t
        default: return nil
        }
    }
}

/// One journal event: the common fields, the payload, where it came from and a hash of its bytes.
public struct JournalEvent: Sendable {
    public var id: String
    public var lc: Int64
    public var at: Date
    public var by: String
    public var op: String
    public var payload: EventPayload
    public var source: EventSource
    /// FNV-1a of the line's bytes: equal lines are the same event seen twice (a conflict copy).
    public var contentHash: UInt64

    /// The merge order of SPEC §1: (`lc`, `by`, `id`), byte-wise for the strings.
    @inline(__always)
    public static func precedes(_ a: JournalEvent, _ b: JournalEvent) -> Bool {
        if a.lc != b.lc { return a.lc < b.lc }
        if a.by != b.by { return a.by.utf8.lexicographicallyPrecedes(b.by.utf8) }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }
}
