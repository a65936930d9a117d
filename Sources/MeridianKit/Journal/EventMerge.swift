/// De-duplicates events by `id` and puts them in merge order (SPEC §1). The same line seen in
/// several files (a conflict copy) counts once; one id with different content keeps the line
/// first by (`lc`, `by`, the line's bytes) and reports each other content once, at its first
/// (file, line), as a problem.
///
/// The work is done on small keys (`lc` and a position) rather than on the events themselves, so
/// ordering 200,000 events moves 16-byte keys, never copies an event, and reads `by`/`id` only
/// where clocks tie.
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

    /// The merged, ordered events and the problems about clashing ids.
    public static func merge(_ events: [JournalEvent], lineBytes: (EventSource) -> [UInt8]) -> (events: [JournalEvent], problems: [Problem]) {
        let lists = [events]
        let o = order(lists, lineBytes: lineBytes)
        return (o.refs.map { events[Int($0.index)] }, o.problems)
    }

    /// Orders events held in several lists (one per journal file) without copying them.
    public static func order(_ lists: [[JournalEvent]], lineBytes: (EventSource) -> [UInt8]) -> Ordered {
        // Flat views in one pass: each event's place and id (the id's storage is shared, not copied).
        var places: [Ref] = []
        var ids: [String] = []
        let total = lists.reduce(0) { $0 + $1.count }
        places.reserveCapacity(total)
        ids.reserveCapacity(total)
        for (l, list) in lists.enumerated() {
            var i: Int32 = 0
            for e in list {
                places.append(Ref(list: Int32(l), index: i))
                ids.append(e.id)
                i += 1
            }
        }
        let sorted = sortedPlaces(lists, places)
        func event(_ p: Int) -> JournalEvent { lists[Int(places[p].list)][Int(places[p].index)] }
        var kept: [Ref] = []
        kept.reserveCapacity(total)
        var seen = Set<String>(minimumCapacity: total)
        var losers: [Int] = []
        var g = 0
        while g < sorted.count {
            // A group: the events with one (lc, by, id), adjacent after the sort.
            let first = sorted[g]
            var end = g + 1
            if end < sorted.count && ids[sorted[end]] == ids[first] {
                let a = event(first)
                while end < sorted.count, ids[sorted[end]] == ids[first] {
                    let b = event(sorted[end])
                    guard b.lc == a.lc, b.by == a.by else { break }
                    end += 1
                }
            }
            if seen.insert(ids[first]).inserted {
                var best = g
                if end - g > 1 {
                    // The id's first (lc, by): the winner is the group's line first by its bytes.
                    for k in (g + 1)..<end where event(sorted[k]).contentHash != event(sorted[best]).contentHash {
                        if lineBytes(event(sorted[k]).source).lexicographicallyPrecedes(lineBytes(event(sorted[best]).source)) { best = k }
                    }
                    let winner = event(sorted[best]).contentHash
                    for k in g..<end where event(sorted[k]).contentHash != winner { losers.append(sorted[k]) }
                }
                kept.append(places[sorted[best]])
            } else {
                // The id was kept with a smaller (lc, by): this content differs.
                losers.append(contentsOf: sorted[g..<end])
            }
            g = end
        }
        return Ordered(refs: kept, ids: seen, problems: problems(losers.map(event)))
    }

    /// Flat positions sorted by (`lc`, `by`, `id`), then by position so the order is total.
    /// Clocks and positions are packed into one integer, so the sort compares plain numbers and
    /// looks at `by` and `id` only within runs of equal clocks.
    static func sortedPlaces(_ lists: [[JournalEvent]], _ places: [Ref]) -> [Int] {
        let placeBits: UInt64 = 23
        var packed: [UInt64] = []
        packed.reserveCapacity(places.count)
        var maxLC: Int64 = 0
        var p: UInt64 = 0
        for list in lists {
            for e in list {
                maxLC = max(maxLC, e.lc)
                packed.append(UInt64(truncatingIfNeeded: e.lc) << placeBits | p)
                p += 1
            }
        }
        func precedes(_ a: Int, _ b: Int) -> Bool {
            let x = lists[Int(places[a].list)][Int(places[a].index)], y = lists[Int(places[b].list)][Int(places[b].index)]
            if x.lc != y.lc { return x.lc < y.lc }
            if x.by != y.by { return x.by.utf8.lexicographicallyPrecedes(y.by.utf8) }
            if x.id != y.id { return x.id.utf8.lexicographicallyPrecedes(y.id.utf8) }
            return a < b
        }
        guard maxLC < (1 << (64 - placeBits)), places.count < (1 << placeBits) else {
            return places.indices.sorted(by: precedes)
        }
        packed.sort()
        var out = packed.map { Int($0 & ((1 << placeBits) - 1)) }
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

    /// One problem per distinct losing line, at its first (file, line).
    static func problems(_ losers: [JournalEvent]) -> [Problem] {
        var problems: [Problem] = []
        var reported = Set<String>()
        for l in losers.sorted(by: { ($0.source.file, $0.source.line) < ($1.source.file, $1.source.line) }) {
            guard reported.insert("\(l.id)\u{0}\(l.contentHash)").inserted else { continue }
            problems.append(Problem(file: l.source.file, line: l.source.line,
                                    message: "event id '\(l.id)' appears with different content elsewhere; this line is ignored"))
        }
        return problems
    }
}
