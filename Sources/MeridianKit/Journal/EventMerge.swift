/// De-duplicates events by `id` and puts them in merge order (SPEC §1). The same line seen in
/// several files (a conflict copy) counts once; one id with different content keeps the line
/// first by (`lc`, `by`, the line's bytes) and reports the others as problems.
public enum EventMerge {
    /// The merged, ordered events and the problems about clashing ids.
    public static func merge(_ events: [JournalEvent], lineBytes: (EventSource) -> [UInt8]) -> (events: [JournalEvent], problems: [Problem]) {
        var index: [String: Int] = [:]
        index.reserveCapacity(events.count)
        var kept: [JournalEvent] = []
        kept.reserveCapacity(events.count)
        var losers: [JournalEvent] = []
        for e in events {
            if let i = index[e.id] {
                let current = kept[i]
                if current.contentHash == e.contentHash && current.lc == e.lc && current.by == e.by { continue }
                if wins(e, over: current, lineBytes: lineBytes) {
                    kept[i] = e
                    losers.append(current)
                } else {
                    losers.append(e)
                }
            } else {
                index[e.id] = kept.count
                kept.append(e)
            }
        }
        kept.sort(by: JournalEvent.precedes)
        var problems: [Problem] = []
        var reported = Set<String>()
        for l in losers.sorted(by: { ($0.source.file, $0.source.line) < ($1.source.file, $1.source.line) }) {
            // Report each distinct losing line once, even when it is in several files.
            guard reported.insert("\(l.id)\u{0}\(l.contentHash)").inserted else { continue }
            problems.append(Problem(file: l.source.file, line: l.source.line,
                                    message: "event id '\(l.id)' appears with different content elsewhere; this line is ignored"))
        }
        return (kept, problems)
    }

    /// True when `a` comes first by (`lc`, `by`, line bytes).
    static func wins(_ a: JournalEvent, over b: JournalEvent, lineBytes: (EventSource) -> [UInt8]) -> Bool {
        if a.lc != b.lc { return a.lc < b.lc }
        if !a.by.utf8.elementsEqual(b.by.utf8) { return a.by.utf8.lexicographicallyPrecedes(b.by.utf8) }
        let x = lineBytes(a.source), y = lineBytes(b.source)
        if x != y { return x.lexicographicallyPrecedes(y) }
        return (a.source.file, a.source.line) < (b.source.file, b.source.line)
    }
}
