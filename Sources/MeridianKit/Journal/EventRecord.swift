import Foundation

/// An event's `id` in 16 bytes: 32 lowercase hex digits (what Meridian writes) packed as a
/// 128-bit number, whose numeric order is the ids' byte-wise order; any other id is text in the
/// log's arena (`hi` a hash of its bytes, `lo` its `TextRef`). One spelling, one form: an id is
/// packed exactly when it is 32 lowercase hex digits, so equal ids always look alike.
struct EventID: Hashable, Sendable {
    var hi: UInt64
    var lo: UInt64

    /// The packed form of 32 lowercase hex digits, or nil.
    @inline(__always)
    static func packed(_ u: UnsafeBufferPointer<UInt8>) -> EventID? {
        guard u.count == 32, let base = u.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        guard let a = hexDigits(raw.loadUnaligned(as: UInt64.self)), let b = hexDigits(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
              let c = hexDigits(raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)), let d = hexDigits(raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        else { return nil }
        return EventID(hi: a << 32 | b, lo: c << 32 | d)
    }

    /// The value of eight lowercase hex digits loaded little-endian (first digit in the lowest
    /// byte), or nil when any byte is not `0-9` or `a-f`. Eight bytes at a time: each byte is
    /// range-checked with carries that cannot cross into its neighbour (every byte is below 0x80).
    @inline(__always)
    static func hexDigits(_ w: UInt64) -> UInt64? {
        let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080
        guard w & tops == 0 else { return nil }
        let digit = (w &+ ones &* (0x80 - 0x30)) & ~(w &+ ones &* (0x80 - 0x3A))
        let letter = (w &+ ones &* (0x80 - 0x61)) & ~(w &+ ones &* (0x80 - 0x67))
        guard (digit | letter) & tops == tops else { return nil }
        // Each byte's value: its low nibble, plus 9 for a letter.
        let v = (w & (ones &* 0x0F)) &+ ((letter & tops) >> 7) &* 9
        // Pack the eight nibbles, first digit most significant.
        let pairs = (v & 0x000F_000F_000F_000F) << 4 | (v >> 8) & 0x000F_000F_000F_000F
        let quads = (pairs & 0x0000_00FF_0000_00FF) << 8 | (pairs >> 16) & 0x0000_00FF_0000_00FF
        return (quads & 0xFFFF) << 16 | (quads >> 32) & 0xFFFF
    }

    /// The 32 hex digits of a packed id.
    func withHexDigits<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buf in
            let digits: StaticString = "0123456789abcdef"
            for k in 0..<16 {
                let shift = UInt64(60 - 4 * k)
                buf[k] = digits.utf8Start[Int((hi >> shift) & 0xF)]
                buf[16 + k] = digits.utf8Start[Int((lo >> shift) & 0xF)]
            }
            return body(UnsafeBufferPointer(buf))
        }
    }

    /// The 32 hex digits of a packed id as a `String`.
    var hexString: String {
        String(unsafeUninitializedCapacity: 32) { buf in
            let digits: StaticString = "0123456789abcdef"
            for k in 0..<16 {
                let shift = UInt64(60 - 4 * k)
                buf[k] = digits.utf8Start[Int((hi >> shift) & 0xF)]
                buf[16 + k] = digits.utf8Start[Int((lo >> shift) & 0xF)]
            }
            return 32
        }
    }

    /// A 64-bit fingerprint of a packed id (its digits are random already: mixing suffices).
    @inline(__always)
    var packedFingerprint: UInt64 {
        var h = (hi ^ (lo &* 0x9E37_79B9_7F4A_7C15))
        h ^= h >> 32
        return h
    }
}

/// The op of an event, as a byte (SPEC §1 op table; `unknown` keeps its text in the arena).
enum EventOp: UInt8, Sendable {
    case taskCreate = 1, taskEdit, taskMove, taskClaim, taskRelease, taskAssign, taskComment, taskDelete
    case statusSet, statusClear, timeoffAdd, timeoffCancel, oncallOverride, oncallCancel, unknown

    /// The op's text as events carry it (shared, never re-allocated); nil for `unknown`.
    var name: String? {
        switch self {
        case .taskCreate: return "task.create"
        case .taskEdit: return "task.edit"
        case .taskMove: return "task.move"
        case .taskClaim: return "task.claim"
        case .taskRelease: return "task.release"
        case .taskAssign: return "task.assign"
        case .taskComment: return "task.comment"
        case .taskDelete: return "task.delete"
        case .statusSet: return "status.set"
        case .statusClear: return "status.clear"
        case .timeoffAdd: return "timeoff.add"
        case .timeoffCancel: return "timeoff.cancel"
        case .oncallOverride: return "oncall.override"
        case .oncallCancel: return "oncall.cancel"
        case .unknown: return nil
        }
    }

    /// Whether the op names a task (`task` holds its id).
    @inline(__always)
    var isTaskOp: Bool { rawValue <= EventOp.taskDelete.rawValue }
}

/// One decoded journal event with no reference-counted parts: copying it is a plain copy of
/// 72 bytes, all of them integers (no padding, no enum tags), so the journal cache can write and
/// read records as they lie in memory. Strings are `TextRef`s into its log's arena; the fields of
/// the larger ops live in the log's detail lists, at `detail`.
struct EventRecord: Sendable {
    var lc: Int64
    var at: Date
    var id: EventID
    /// Byte offset of the line in its file.
    var offset: Int
    /// The 1-based line number (bits 0-39), the line's length in bytes (40-56), `op` (57-60) and
    /// `flags` (61-62).
    var meta: UInt64
    var by: TextRef
    /// Task ops: the task id. `timeoff.cancel`, `oncall.cancel`: `ref`. `unknown`: the op's text.
    var task: TextRef
    /// `task.move`: column. `task.comment`: text. `task.assign`: `to` (`none` for null). The ops
    /// with a detail list (create, edit, status.set, timeoff.add, oncall.override) keep their index
    /// into it here instead (`detail`).
    var text: TextRef

    static let textIDFlag: UInt8 = 1
    /// Set on a task event whose task id hashes to the second half, for folding the board in two parts.
    static let taskHalfFlag: UInt8 = 2

    private static let lengthShift: UInt64 = 40, opShift: UInt64 = 57, flagsShift: UInt64 = 61
    private static let lineMask: UInt64 = (1 << 40) - 1, lengthMask: UInt64 = (1 << 17) - 1

    init(lc: Int64, at: Date, id: EventID, offset: Int, by: TextRef, task: TextRef, text: TextRef, op: EventOp, flags: UInt8) {
        self.lc = lc
        self.at = at
        self.id = id
        self.offset = offset
        meta = 0
        self.by = by
        self.task = task
        self.text = text
        self.op = op
        self.flags = flags
    }

    @inline(__always) var line: Int { Int(meta & Self.lineMask) }
    @inline(__always) var length: Int { Int(meta >> Self.lengthShift & Self.lengthMask) }

    /// Sets where the line is: its number (below 2^40) and length (at most 64 KiB and a `\r`).
    @inline(__always)
    mutating func setPlace(line: Int, length: Int) {
        meta = meta & ~((Self.lengthMask << Self.lengthShift) | Self.lineMask)
            | UInt64(line) & Self.lineMask | (UInt64(length) & Self.lengthMask) << Self.lengthShift
    }

    @inline(__always)
    var op: EventOp {
        get { EventOp(rawValue: UInt8(meta >> Self.opShift & 0xF)) ?? .unknown }
        set { meta = meta & ~(0xF << Self.opShift) | UInt64(newValue.rawValue) << Self.opShift }
    }

    @inline(__always)
    var flags: UInt8 {
        get { UInt8(meta >> Self.flagsShift & 0x3) }
        set { meta = meta & ~(0x3 << Self.flagsShift) | UInt64(newValue & 0x3) << Self.flagsShift }
    }

    /// The op's `EventOp.rawValue` in a record's `meta`, for checking a record read from the cache.
    static func opCode(ofMeta meta: UInt64) -> UInt8 { UInt8(meta >> opShift & 0xF) }

    /// Index into the log's list for the op: creates, edits, statuses, time off, overrides.
    @inline(__always)
    var detail: UInt32 {
        get { UInt32(truncatingIfNeeded: text.bits) }
        set { text = TextRef(bits: UInt64(newValue)) }
    }

    @inline(__always) var hasTextID: Bool { flags & Self.textIDFlag != 0 }

    /// Which half of the board a task event's task falls in (0 or 1), by a hash of its id.
    @inline(__always) var taskHalf: Int { flags & Self.taskHalfFlag != 0 ? 1 : 0 }

    /// `taskHalfFlag` for a task id.
    @inline(__always)
    static func halfFlag(_ task: UnsafeBufferPointer<UInt8>) -> UInt8 {
        TaskTable.half(ofHash: JournalBytes.hash(task)) != 0 ? taskHalfFlag : 0
    }
}

/// A list of labels: `count` `TextRef`s from `start` in the log's label list.
struct LabelList: Hashable, Sendable {
    var start: UInt32
    var count: UInt32
}

/// A due date: its text, and the date (as a day number) or instant (as its bits) it names.
struct DueValue: Hashable, Sendable {
    var text: TextRef
    private var value: UInt64
    private var isInstant: Bool

    init(text: TextRef, date: LocalDate?, instant: Date?) {
        self.text = text
        if let instant {
            value = instant.timeIntervalSince1970.bitPattern
            isInstant = true
        } else {
            value = UInt64(bitPattern: Int64(date?.daysSinceEpoch ?? 0))
            isInstant = false
        }
    }

    var date: LocalDate? { isInstant ? nil : LocalDate(daysSinceEpoch: Int(Int64(bitPattern: value))) }
    var instant: Date? { isInstant ? Date(timeIntervalSince1970: Double(bitPattern: value)) : nil }
}

/// The fields of `task.create` beyond the task id.
struct CreateDetail: Sendable {
    var title: TextRef
    var column: TextRef
    var notes: TextRef
    var labels: LabelList
    var due: DueValue?
    var priority: Priority
}

/// The fields of `task.edit` beyond the task id: each absent, cleared or set. Kept as values
/// plus two bits per field, which is half the room five `FieldChange`s would take.
struct EditDetail: Sendable {
    private var titleValue = TextRef.none
    private var notesValue = TextRef.none
    private var labelsValue = LabelList(start: 0, count: 0)
    private var dueValue = DueValue(text: .none, date: nil, instant: nil)
    private var priorityValue = Priority.normal
    /// Two bits per field (title, priority, labels, due, notes): 0 unchanged, 1 cleared, 2 set.
    private var changes: UInt16 = 0

    init() {}

    private func state(_ field: UInt16) -> UInt16 { changes >> (2 * field) & 3 }

    private mutating func set<V>(_ field: UInt16, _ c: FieldChange<V>, _ store: (inout EditDetail, V) -> Void) {
        let code: UInt16
        switch c {
        case .unchanged: code = 0
        case .cleared: code = 1
        case .set(let v): code = 2; store(&self, v)
        }
        changes = changes & ~(3 << (2 * field)) | code << (2 * field)
    }

    private func get<V>(_ field: UInt16, _ value: V) -> FieldChange<V> {
        switch state(field) {
        case 1: return .cleared
        case 2: return .set(value)
        default: return .unchanged
        }
    }

    var title: FieldChange<TextRef> {
        get { get(0, titleValue) }
        set { set(0, newValue) { $0.titleValue = $1 } }
    }

    var priority: FieldChange<Priority> {
        get { get(1, priorityValue) }
        set { set(1, newValue) { $0.priorityValue = $1 } }
    }

    var labels: FieldChange<LabelList> {
        get { get(2, labelsValue) }
        set { set(2, newValue) { $0.labelsValue = $1 } }
    }

    var due: FieldChange<DueValue> {
        get { get(3, dueValue) }
        set { set(3, newValue) { $0.dueValue = $1 } }
    }

    var notes: FieldChange<TextRef> {
        get { get(4, notesValue) }
        set { set(4, newValue) { $0.notesValue = $1 } }
    }
}

/// The fields of `status.set`.
struct StatusDetail: Sendable {
    var text: TextRef
    var kind: StatusKind
    var until: Date?
}

/// The fields of `timeoff.add`.
struct TimeOffDetail: Sendable {
    var span: TimeSpan
    var note: TextRef
}

/// The fields of `oncall.override`.
struct OverrideDetail: Sendable {
    var rotation: TextRef
    var member: TextRef
    var from: Date
    var to: Date
}
