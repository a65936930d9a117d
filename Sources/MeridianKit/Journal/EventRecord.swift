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
/// 80 bytes, all of them integers (no padding, no enum tags), so the journal cache can write and
/// read records as they lie in memory. Strings are `TextRef`s into its log's arena; the fields of
/// the larger ops live in the log's detail lists, at `detail`.
struct EventRecord: Sendable {
    var lc: Int64
    var at: Date
    var id: EventID
    /// Byte offset of the line in its file.
    var offset: Int
    /// The 1-based line number (high 40 bits) and the line's length in bytes (low 24).
    var lineAndLength: UInt64
    var by: TextRef
    /// Task ops: the task id. `timeoff.cancel`, `oncall.cancel`: `ref`. `unknown`: the op's text.
    var task: TextRef
    /// `task.move`: column. `task.comment`: text. `task.assign`: `to` (`none` for null).
    var text: TextRef
    /// Index into the log's list for the op: creates, edits, statuses, time off, overrides.
    var detail: UInt32
    /// `EventOp.rawValue`.
    var opCode: UInt8
    var flags: UInt8
    /// Fills the record's last two bytes, so every byte of it is defined.
    var reserved: UInt16 = 0

    init(lc: Int64, at: Date, id: EventID, offset: Int, lineAndLength: UInt64, by: TextRef,
         task: TextRef, text: TextRef, detail: UInt32, op: EventOp, flags: UInt8) {
        self.lc = lc
        self.at = at
        self.id = id
        self.offset = offset
        self.lineAndLength = lineAndLength
        self.by = by
        self.task = task
        self.text = text
        self.detail = detail
        self.opCode = op.rawValue
        self.flags = flags
    }

    @inline(__always)
    var op: EventOp {
        get { EventOp(rawValue: opCode) ?? .unknown }
        set { opCode = newValue.rawValue }
    }

    static let textIDFlag: UInt8 = 1
    /// Set on a task event whose task id hashes to the second half, for folding the board in two parts.
    static let taskHalfFlag: UInt8 = 2

    @inline(__always) var line: Int { Int(lineAndLength >> 24) }
    @inline(__always) var length: Int { Int(lineAndLength & 0xFF_FFFF) }
    @inline(__always) var hasTextID: Bool { flags & Self.textIDFlag != 0 }

    /// Which half of the board a task event's task falls in (0 or 1), by a hash of its id.
    @inline(__always) var taskHalf: Int { flags & Self.taskHalfFlag != 0 ? 1 : 0 }

    /// `taskHalfFlag` for a task id.
    @inline(__always)
    static func halfFlag(_ task: UnsafeBufferPointer<UInt8>) -> UInt8 {
        JournalBytes.hash(task) >> 17 & 1 != 0 ? taskHalfFlag : 0
    }

    @inline(__always)
    static func lineAndLength(line: Int, length: Int) -> UInt64 { UInt64(line) << 24 | UInt64(length) }
}

/// A list of labels: `count` `TextRef`s from `start` in the log's label list.
struct LabelList: Hashable, Sendable {
    var start: UInt32
    var count: UInt32
}

/// A due date: its text, and the date or instant it names.
struct DueValue: Hashable, Sendable {
    var text: TextRef
    var date: LocalDate?
    var instant: Date?
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

/// The fields of `task.edit` beyond the task id.
struct EditDetail: Sendable {
    var title: FieldChange<TextRef> = .unchanged
    var priority: FieldChange<Priority> = .unchanged
    var labels: FieldChange<LabelList> = .unchanged
    var due: FieldChange<DueValue> = .unchanged
    var notes: FieldChange<TextRef> = .unchanged
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
