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
        struct Key {
            var lc: Int64
            var list: Int32
            var index: Int32
        }
        var keys: [Key] = []
        keys.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for (l, list) in lists.enumerated() {
            for (i, e) in list.enumerated() { keys.append(Key(lc: e.lc, list: Int32(l), index: Int32(i))) }
        }
        return lists.withUnsafeBufferPointer { lists in
            @inline(__always) func event(_ k: Key) -> JournalEvent { lists[Int(k.list)][Int(k.index)] }
            // (lc, by, id), then position so equal keys keep a fixed order.
            keys.sort { a, b in
                if a.lc != b.lc { return a.lc < b.lc }
                let x = event(a), y = event(b)
                if x.by != y.by { return x.by.utf8.lexicographicallyPrecedes(y.by.utf8) }
                if x.id != y.id { return x.id.utf8.lexicographicallyPrecedes(y.id.utf8) }
                return (a.list, a.index) < (b.list, b.index)
            }
            var refs: [Ref] = []
            refs.reserveCapacity(keys.count)
            var ids = Set<String>(minimumCapacity: keys.count)
            var losers: [JournalEvent] = []
            var g = 0
            while g < keys.count {
                // A group: the keys with one (lc, by, id), adjacent after the sort.
                let first = event(keys[g])
                var end = g + 1
                while end < keys.count, keys[end].lc == first.lc {
                    let e = event(keys[end])
                    guard e.by == first.by, e.id == first.id else { break }
                    end += 1
                }
                if ids.insert(first.id).inserted {
                    // The id's first (lc, by): the winner is the group's line first by its bytes.
                    var best = g
                    for k in (g + 1)..<end where event(keys[k]).contentHash != event(keys[best]).contentHash {
                        let x = lineBytes(event(keys[k]).source), y = lineBytes(event(keys[best]).source)
                        if x.lexicographicallyPrecedes(y) { best = k }
                    }
                    refs.append(Ref(list: keys[best].list, index: keys[best].index))
                    let winner = event(keys[best]).contentHash
                    for k in g..<end where event(keys[k]).contentHash != winner { losers.append(event(keys[k])) }
                } else {
                    // The id was kept with a smaller (lc, by): this content differs.
                    for k in g..<end { losers.append(event(keys[k])) }
                }
                g = end
            }
            return Ordered(refs: refs, ids: ids, problems: problems(losers))
        }
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
