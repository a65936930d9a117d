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
        let refs = sortedRefs(lists)
        @inline(__always) func id(_ r: Ref) -> String { lists[Int(r.list)][Int(r.index)].id }
        @inline(__always) func lc(_ r: Ref) -> Int64 { lists[Int(r.list)][Int(r.index)].lc }
        @inline(__always) func by(_ r: Ref) -> String { lists[Int(r.list)][Int(r.index)].by }
        @inline(__always) func hash(_ r: Ref) -> UInt64 { lists[Int(r.list)][Int(r.index)].contentHash }
        @inline(__always) func source(_ r: Ref) -> EventSource { lists[Int(r.list)][Int(r.index)].source }
        var kept: [Ref] = []
        kept.reserveCapacity(refs.count)
        var ids = Set<String>(minimumCapacity: refs.count)
        var losers: [Ref] = []
        var g = 0
        while g < refs.count {
            // A group: the events with one (lc, by, id), adjacent after the sort.
            let first = refs[g]
            let firstID = id(first)
            var end = g + 1
            while end < refs.count, lc(refs[end]) == lc(first), by(refs[end]) == by(first), id(refs[end]) == firstID { end += 1 }
            if ids.insert(firstID).inserted {
                // The id's first (lc, by): the winner is the group's line first by its bytes.
                var best = g
                for k in (g + 1)..<end where hash(refs[k]) != hash(refs[best]) {
                    if lineBytes(source(refs[k])).lexicographicallyPrecedes(lineBytes(source(refs[best]))) { best = k }
                }
                kept.append(refs[best])
                let winner = hash(refs[best])
                for k in g..<end where hash(refs[k]) != winner { losers.append(refs[k]) }
            } else {
                // The id was kept with a smaller (lc, by): this content differs.
                losers.append(contentsOf: refs[g..<end])
            }
            g = end
        }
        return Ordered(refs: kept, ids: ids, problems: problems(losers.map { lists[Int($0.list)][Int($0.index)] }))
    }

    /// Every event's place, sorted by (`lc`, `by`, `id`), then by place so the order is total.
    /// Clocks and places are packed into one integer, so the sort compares plain numbers and
    /// looks at `by` and `id` only within runs of equal clocks.
    static func sortedRefs(_ lists: [[JournalEvent]]) -> [Ref] {
        var places: [Ref] = []
        places.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var maxLC: Int64 = 0
        for (l, list) in lists.enumerated() {
            for i in list.indices {
                places.append(Ref(list: Int32(l), index: Int32(i)))
                maxLC = max(maxLC, list[i].lc)
            }
        }
        let placeBits: UInt64 = 23
        func precedes(_ a: Ref, _ b: Ref) -> Bool {
            let x = lists[Int(a.list)][Int(a.index)], y = lists[Int(b.list)][Int(b.index)]
            if x.lc != y.lc { return x.lc < y.lc }
            if x.by != y.by { return x.by.utf8.lexicographicallyPrecedes(y.by.utf8) }
            if x.id != y.id { return x.id.utf8.lexicographicallyPrecedes(y.id.utf8) }
            return (a.list, a.index) < (b.list, b.index)
        }
        guard maxLC < (1 << (64 - placeBits)), places.count < (1 << placeBits) else {
            places.sort(by: precedes)
            return places
        }
        var packed: [UInt64] = []
        packed.reserveCapacity(places.count)
        var p: UInt64 = 0
        for list in lists {
            for e in list {
                packed.append(UInt64(e.lc) << placeBits | p)
                p += 1
            }
        }
        packed.sort()
        var out = packed.map { places[Int($0 & ((1 << placeBits) - 1))] }
        // Equal clocks: order the run by (by, id, place).
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
