import Foundation

extension Zone {
    /// Instants in `window` where this zone's UTC offset changes (the first instant of the new
    /// offset), found by sampling every `step` seconds and bisecting to the second. Any change of
    /// offset counts, DST or not (Pacific/Apia's 2011 jump across the date line included).
    public func offsetChanges(in window: InstantInterval, step: TimeInterval = 3 * 3600) -> [Date] {
        guard !window.isEmpty else { return [] }
        var out: [Date] = []
        var a = window.start.timeIntervalSince1970.rounded(.down)
        let limit = window.end.timeIntervalSince1970
        // Every probe below lies in [a, limit rounded up]: when the offset holds over all of it
        // (as it does for most zones in most weeks) none can find a change.
        if offsets.isConstant(from: a, through: max(a, limit.rounded(.up))) { return [] }
        var oa = offset(at: Date(timeIntervalSince1970: a))
        while a < limit {
            let b = min(a + step, limit.rounded(.up))
            let ob = offset(at: Date(timeIntervalSince1970: b))
            if ob != oa {
                // Invariant: offset(lo) == oa, offset(hi) != oa.
                var lo = a, hi = b
                while hi - lo > 1 {
                    let mid = ((lo + hi) / 2).rounded(.down)
                    if offset(at: Date(timeIntervalSince1970: mid)) == oa { lo = mid } else { hi = mid }
                }
                let t = Date(timeIntervalSince1970: hi)
                if window.contains(t) { out.append(t) }
                a = hi
                oa = offset(at: t)
            } else {
                a = b
            }
        }
        return out
    }
}
