/// De-duplicates events by `id` and puts them in merge order (SPEC §1). The same line seen in
/// several files (a conflict copy) counts once; one id with different content keeps the line
/// first by (`lc`, `by`, the line's bytes) and reports each other content once, at its first
/// (file, line), as a problem.
///
/// The work is done on the compact logs and on small keys (`lc` and a position) rather than on
/// events: ordering 200,000 events sorts 8-byte keys, compares ids as 128-bit numbers, and reads
/// `by` or an id's bytes only where clocks tie.
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

    /// Merges per-file logs (read through their views). `lineBytes(list, index)` reads an
    /// event's line, to choose between two contents of one id with equal (`lc`, `by`).
    static func merge(_ logs: [EventLogView], lineBytes: (Int, Int) -> [UInt8]) -> Merged {
        var places: [Ref] = []
        let total = logs.reduce(0) { $0 + $1.records.count }
        places.reserveCapacity(total)
        for l in logs.indices {
            for i in 0..<Int32(logs[l].records.count) { places.append(Ref(list: Int32(l), index: i)) }
        }
        let sorted = sortedPlaces(logs, places)
        @inline(__always) func list(_ p: Int32) -> Int { Int(places[Int(p)].list) }
        @inline(__always) func record(_ p: Int32) -> EventRecord {
            let r = places[Int(p)]
            return logs[Int(r.list)].records[Int(r.index)]
        }
        func bytes(_ p: Int32) -> [UInt8] { lineBytes(Int(places[Int(p)].list), Int(places[Int(p)].index)) }

        var kept: [Ref] = []
        kept.reserveCapacity(total)
        var parts: [UInt8] = []
        parts.reserveCapacity(total)
        var seen = KeptIDs(capacity: total)
        var losers: [Ref] = []
        var g = 0
        while g < sorted.count {
            // A group: the events with one (lc, by, id), adjacent after the sort.
            let first = sorted[g]
            let a = record(first)
            let aLog = logs[list(first)]
            var end = g + 1
            while end < sorted.count {
                let b = record(sorted[end])
                let bLog = logs[list(sorted[end])]
                guard b.lc == a.lc, aLog.sameID(a, bLog, b), aLog.text.same(a.by, bLog.text, b.by) else { break }
                end += 1
            }
            if seen.insert(first, fingerprint: aLog.idFingerprint(a), same: { aLog.sameID(a, logs[list($0)], record($0)) }) {
                var best = g
                if end - g > 1 {
                    // The id's first (lc, by): the winner is the group's line first by its bytes;
                    // lines with other bytes lose (the same bytes again is a copy, not a clash).
                    let lines = (g..<end).map { bytes(sorted[$0]) }
                    var first = 0
                    for k in 1..<lines.count where lines[k].lexicographicallyPrecedes(lines[first]) { first = k }
                    best = g + first
                    for k in lines.indices where lines[k] != lines[first] { losers.append(places[Int(sorted[g + k])]) }
                }
                kept.append(places[Int(sorted[best])])
                let r = record(sorted[best])
                parts.append(r.op.isTaskOp ? UInt8(r.taskHalf) : r.op == .unknown ? 3 : 2)
            } else {
                // The id was kept with a smaller (lc, by): this content differs.
                for k in g..<end { losers.append(places[Int(sorted[k])]) }
            }
            g = end
        }
        return Merged(refs: kept, losers: losers, parts: parts)
    }

    /// Flat positions sorted by (`lc`, `by`, `id`), then by position so the order is total.
    /// Clocks and positions are packed into one integer, so the sort compares plain numbers and
    /// looks at `by` and `id` only within runs of equal clocks.
    static func sortedPlaces(_ logs: [EventLogView], _ places: [Ref]) -> [Int32] {
        let placeBits: UInt64 = 23
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
        var maxLC: Int64 = 0
        for log in logs { for r in log.records { maxLC = max(maxLC, r.lc) } }
        guard maxLC < (1 << (64 - placeBits)), places.count < (1 << placeBits) else {
            return (0..<Int32(places.count)).sorted(by: precedes)
        }
        var packed: [UInt64] = []
        packed.reserveCapacity(places.count)
        var p: UInt64 = 0
        for log in logs {
            for r in log.records {
                packed.append(UInt64(truncatingIfNeeded: r.lc) << placeBits | p)
                p += 1
            }
        }
        packed.sort()
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
