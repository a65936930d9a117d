import Foundation

/// The weekly `restrict` windows of a rotation as instants: each window is a wall-time range in the
/// rotation's zone on the days it names; a range whose end is at or before its start crosses midnight
/// and belongs to the day it starts on. Overlapping or touching windows form one covered run.
public struct RestrictCalendar: Sendable {
    public let zone: Zone
    public let windows: [RestrictWindow]

    public init(zone: Zone, windows: [RestrictWindow]) {
        self.zone = zone
        self.windows = windows
    }

    /// True when the rotation has no `restrict` windows: its shifts cover all the time.
    public var isUnrestricted: Bool { windows.isEmpty }

    /// The window intervals that start on the dates `first...last` (rotation zone), merged and sorted.
    /// Empty intervals (a window lying wholly in a DST gap) are dropped.
    public func intervals(fromDay first: Int, throughDay last: Int) -> [(start: Date, end: Date)] {
        var raw: [(start: Date, end: Date)] = []
        guard first <= last else { return raw }
        for day in first...last {
            let date = LocalDate(daysSinceEpoch: day)
            let weekday = date.weekdayIndex
            for w in windows where w.days.contains(weekday) {
                let s = zone.instant(LocalDateTime(date: date, secondOfDay: w.range.startMinute * 60))
                let endDate = w.range.crossesMidnight ? date.adding(days: 1) : date
                let e = zone.instant(LocalDateTime(date: endDate, secondOfDay: w.range.endMinute * 60))
                if s < e { raw.append((s, e)) }
            }
        }
        raw.sort { $0.start < $1.start }
        var merged: [(start: Date, end: Date)] = []
        for r in raw {
            if let last = merged.last, r.start <= last.end {
                merged[merged.count - 1].end = max(last.end, r.end)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    private func day(_ t: Date) -> Int { zone.date(at: t).daysSinceEpoch }

    /// The merged run of windows containing `t`, looked for no earlier than `lo` and no later than `hi`
    /// (the run is clipped to [lo, hi]); nil when `t` is outside every window.
    public func run(containing t: Date, within lo: Date, _ hi: Date) -> (start: Date, end: Date)? {
        guard !windows.isEmpty else { return (lo, hi) }
        let d = day(t)
        // A window starts at most one day before the date it covers; widen the range until the run
        // found no longer touches its edges (windows covering whole days chain across many dates).
        var back = 2, ahead = 2
        while true {
            let list = intervals(fromDay: d - back, throughDay: d + ahead)
            guard let r = list.first(where: { $0.start <= t && t < $0.end }) else { return nil }
            let edgeLo = zone.startOfDay(LocalDate(daysSinceEpoch: d - back + 1))
            let edgeHi = zone.startOfDay(LocalDate(daysSinceEpoch: d + ahead))
            let openLo = r.start <= edgeLo && r.start > lo
            let openHi = r.end >= edgeHi && r.end < hi
            if !openLo && !openHi { return (max(r.start, lo), min(r.end, hi)) }
            if openLo { back *= 2 }
            if openHi { ahead *= 2 }
            if back > 1 << 20 || ahead > 1 << 20 { return (max(r.start, lo), min(r.end, hi)) }
        }
    }

    /// Whether `t` lies inside a window (always true without windows).
    public func contains(_ t: Date) -> Bool {
        guard !windows.isEmpty else { return true }
        let d = day(t)
        return intervals(fromDay: d - 1, throughDay: d).contains { $0.start <= t && t < $0.end }
    }

    /// The first window edge (a start or an end) strictly after `t`; nil without windows.
    public func nextEdge(after t: Date) -> Date? {
        guard !windows.isEmpty else { return nil }
        let d = day(t)
        var edges: [Date] = []
        for r in intervals(fromDay: d - 1, throughDay: d + 8) {
            if r.start > t { edges.append(r.start) }
            if r.end > t { edges.append(r.end) }
        }
        return edges.min()
    }
}
