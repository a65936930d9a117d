import Foundation

/// A meeting window: who of the selected members is planned in throughout, and who is not.
public struct Slot: Hashable, Sendable {
    public var interval: InstantInterval
    /// Selected members in hours and not on time off for the whole window, sorted by id.
    public var members: [String]
    /// The other selected members, sorted by id.
    public var missing: [String]
}

/// Finds the best meeting windows for a few members over the coming days.
public enum Slots {
    /// Windows in `[from, from + days × 24 h)` at least `minimumMinutes` long in which a fixed
    /// group of the selected members is planned in, ranked by how many (most first), then
    /// soonest, then longest. A window is left out when another one with at least the same
    /// people covers it; at most `limit` are returned.
    public static func find(snapshot: TeamSnapshot, members ids: [String], from: Date, days: Int,
                            minimumMinutes: Int, limit: Int = 10) -> [Slot] {
        let chosen = snapshot.members.filter { ids.contains($0.id) }
        guard !chosen.isEmpty, days > 0 else { return [] }
        let window = InstantInterval(start: from, end: from.addingTimeInterval(Double(days) * 86400))
        let segs = Overlap.segments(snapshot: snapshot, members: chosen, in: window)
        let all = chosen.map(\.id).sorted()
        // For each group that is ever in together, the maximal runs of segments containing it.
        var candidates: [(group: Set<String>, interval: InstantInterval)] = []
        for group in Set(segs.map { Set($0.members) }) where !group.isEmpty {
            for run in InstantInterval.union(segs.filter { group.isSubset(of: $0.members) }.map(\.interval))
            where run.duration >= Double(minimumMinutes) * 60 {
                candidates.append((group, run))
            }
        }
        let kept = candidates.filter { c in
            !candidates.contains { o in
                o.group.isSuperset(of: c.group) && o.interval.start <= c.interval.start && o.interval.end >= c.interval.end
                    && (o.group != c.group || o.interval != c.interval)
            }
        }
        let ranked = kept.sorted { a, b in
            if a.group.count != b.group.count { return a.group.count > b.group.count }
            if a.interval.start != b.interval.start { return a.interval.start < b.interval.start }
            return a.interval.duration > b.interval.duration
        }
        return ranked.prefix(max(0, limit)).map { c in
            Slot(interval: c.interval, members: c.group.sorted(), missing: all.filter { !c.group.contains($0) })
        }
    }
}
