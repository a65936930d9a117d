import Foundation

/// De-duplicates events by `id` and puts them in merge order (SPEC §1). The same line seen in
/// several files (a conflict copy) counts once; one id with different content keeps the line
/// first by (`lc`, `by`, the line's bytes) and reports each other content once, at its first
/// (file, line), as a problem.
///
/// The work is done on the compact logs and on small keys (`lc` and a position) rather than on
/// events: ordering 200,000 events sorts 8-byte keys, compares ids as 128-bit numbers, and reads
/// `by` or an id's bytes only where clocks tie. A large merge shares its steps between two
/// cores (`MergeGroups`).
public enum EventMerge {
    /// Where an event sits in the per-file lists handed to `order`.
    public struct Ref: Hashable, Sendable {
        public var list: Int32
        public var index: Int32
    }

    /// The merge of per-file event lists: kept events in merge order, the ids kept, and the problems.
    public struct Ordered {
        public var refs: [Ref]
        public var ids: Set<String>
        public var problems: [Problem]
    }

    /// The merge of per-file logs: kept events in merge order, and the lines whose content lost.
    struct Merged {
        var refs: [Ref]
        var losers: [Ref]
        /// Per kept event, which part of a fold takes it: 0 or 1 a task event (by its task's
        /// half), 2 presence or on-call, 3 an op this version does not know.
        var parts: [UInt8] = []
    }

    /// The merged, ordered events and the problems about clashing ids.
    public static func merge(_ events: [JournalEvent], lineBytes: (EventSource) -> [UInt8]) -> (events: [JournalEvent], problems: [Problem]) {
        let o = order([events], lineBytes: lineBytes)
        return (o.refs.map { events[Int($0.index)] }, o.problems)
    }

    /// Orders events held in several lists (one per journal file).
    public static func order(_ lists: [[JournalEvent]], lineBytes: (EventSource) -> [UInt8]) -> Ordered {
        let logs = lists.map { list in
            var log = EventLog()
            for e in list { log.append(e) }
            return log
        }
        func event(_ r: Ref) -> JournalEvent { lists[Int(r.list)][Int(r.index)] }
        let m = withExtendedLifetime(logs) { merge(logs.map(\.view)) { l, i in lineBytes(lists[l][i].source) } }
        let losers = m.losers.map { r in
            let e = event(r)
            return Loser(file: e.source.file, line: e.source.line, id: e.id, bytes: lineBytes(e.source))
        }
        return Ordered(refs: m.refs, ids: Set(m.refs.map { event($0).id }), problems: problems(losers))
    }

    /// From this many events on, a merge sorts, groups and de-duplicates on two cores.
    static let parallelMinimum = 20_000

    /// Merges per-file logs (read through their views). `lineBytes(list, index)` reads an
    /// event's line, to choose between two contents of one id with equal (`lc`, `by`); it may be
    /// called from several threads at once. `ways` (default: 2 for a large merge on a machine
    /// with two cores or more, else 1) is how many parts the work is split in; the result is
    /// the same for any `ways`.
    static func merge(_ logs: [EventLogView], ways requested: Int? = nil, lineBytes: (Int, Int) -> [UInt8]) -> Merged {
        var places: [Ref] = []
        let total = logs.reduce(0) { $0 + $1.records.count }
        places.reserveCapacity(total)
        for l in logs.indices {
            for i in 0..<Int32(logs[l].records.count) { places.append(Ref(list: Int32(l), index: i)) }
        }
        let ways = max(1, requested ?? (total >= parallelMinimum && ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 1))
        let keys = MergeKeys(logs, count: total)
        let sorted = sortedPlaces(logs, places, keys: keys)
        return withoutActuallyEscaping(lineBytes) { lineBytes in
            MergeGroups.Context(logs: logs, places: places, sorted: sorted, keys: keys, lineBytes: lineBytes).merged(ways: ways)
        }
    }

    /// Flat positions sorted by (`lc`, `by`, `id`), then by position so the order is total.
    /// Clocks (less the smallest, from `keys`) and positions are packed into one integer and
    /// radix sorted, and `by` and `id` are looked at only within runs of equal clocks.
    static func sortedPlaces(_ logs: [EventLogView], _ places: [Ref], keys: MergeKeys) -> [Int32] {
        func precedes(_ a: Int32, _ b: Int32) -> Bool {
            let pa = places[Int(a)], pb = places[Int(b)]
            let xl = logs[Int(pa.list)], yl = logs[Int(pb.list)]
            let x = xl.records[Int(pa.index)], y = yl.records[Int(pb.index)]
            if x.lc != y.lc { return x.lc < y.lc }
            let by = xl.text.compare(x.by, yl.text, y.by)
            if by != 0 { return by < 0 }
            let id = xl.compareIDs(x, yl, y)
            if id != 0 { return id < 0 }
            return a < b
        }
        let n = places.count
        // Just enough low bits for a position; the clocks' spread must fit above them.
        let placeBits = UInt64(max(1, Int.bitWidth - max(n - 1, 1).leadingZeroBitCount))
        guard keys.minLC >= 0, UInt64(keys.maxLC - keys.minLC) < (1 << (64 - placeBits)) else {
            return (0..<Int32(n)).sorted(by: precedes)
        }
        var packed = keys.keys.withUnsafeBufferPointer { k in
            [UInt64](unsafeUninitializedCapacity: n) { buffer, made in
                for p in 0..<n { buffer[p] = UInt64(k[p].lc - keys.minLC) << placeBits | UInt64(p) }
                made = n
            }
        }
        RadixSort.sort(&packed)
        var out = packed.map { Int32(truncatingIfNeeded: $0 & ((1 << placeBits) - 1)) }
        // Equal clocks: order the run by (by, id, position).
        var i = 0
        while i < packed.count {
            var j = i + 1
            while j < packed.count, packed[j] >> placeBits == packed[i] >> placeBits { j += 1 }
            if j - i > 1 { out[i..<j].sort(by: precedes) }
            i = j
        }
        return out
    }

    /// A line whose content lost to another line with the same id.
    struct Loser {
        var file: String
        var line: Int
        var id: String
        /// The line's bytes.
        var bytes: [UInt8]
    }

    /// One problem per distinct losing line, at its first (file, line).
    static func problems(_ losers: [Loser]) -> [Problem] {
        var problems: [Problem] = []
        var reported = Set<[UInt8]>()
        for l in losers.sorted(by: { ($0.file, $0.line) < ($1.file, $1.line) }) {
            guard reported.insert(Array(l.id.utf8) + [0] + l.bytes).inserted else { continue }
            problems.append(Problem(file: l.file, line: l.line,
                                    message: "event id '\(l.id)' appears with different content elsewhere; this line is ignored"))
        }
        return problems
    }
}

/// The ids kept so far by a merge, exactly: open addressing keyed by fingerprint, each slot the
/// flat position of the event that holds the id (compared in full when fingerprints meet).
struct KeptIDs {
    private var tags: [UInt32]
    private var owners: [Int32]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity + capacity / 3 { size <<= 1 }
        tags = Array(repeating: 0, count: size)
        owners = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Adds the id of the event at `position`; false when an event with the same id (`same`) is in.
    mutating func insert(_ position: Int32, fingerprint: UInt64, same: (Int32) -> Bool) -> Bool {
        let tag = UInt32(truncatingIfNeeded: fingerprint >> 32) | 1
        var i = Int(truncatingIfNeeded: (fingerprint &* 0x9E37_79B9_7F4A_7C15) >> 24) & mask
        while true {
            let t = tags[i]
            if t == 0 {
                tags[i] = tag
                owners[i] = position
                return true
            }
            if t == tag && same(owners[i]) { return false }
            i = (i + 1) & mask
        }
    }
}
