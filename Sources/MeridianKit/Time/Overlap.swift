import Foundation

/// A maximal stretch of time in which the same members are planned in (sorted by id).
public struct OverlapSegment: Hashable, Sendable {
    public var interval: InstantInterval
    public var members: [String]

    public init(interval: InstantInterval, members: [String]) {
        self.interval = interval
        self.members = members
    }
}

/// The overlap of one date in one zone (SPEC §2): segments tiling the day, and the `all` band.
public struct OverlapDay: Sendable {
    public var date: LocalDate
    public var zone: Zone
    /// `[date 00:00, date+1 00:00)` in `zone`: 23 or 25 hours on DST days.
    public var day: InstantInterval
    /// The members `all` is about, sorted by id.
    public var selected: [String]
    /// Maximal intervals with a constant set of members in hours and not on time off, tiling `day`.
    public var segments: [OverlapSegment]
    /// The intervals in which every selected member is in (empty when none is selected).
    public var all: [InstantInterval]
}

/// Overlap of plans: who is inside their hours and not on time off (statuses don't count).
public enum Overlap {
    /// The overlap for `date` in `zone`. Segments cover every member; `all` covers `members`
    /// (every member when nil); ids that name no member are ignored.
    /// `calendars` (every member's, from `Availability.calendars(of:)`) saves laying them out again.
    public static func compute(snapshot: TeamSnapshot, date: LocalDate, zone: Zone, members: [String]? = nil,
                               calendars: [MemberCalendar]? = nil) -> OverlapDay {
        let day = HoursCalendar.day(date, in: zone)
        let everyone = snapshot.members.sorted { $0.id < $1.id }
        let known = Set(everyone.map(\.id))
        let selected = Array(Set(members ?? everyone.map(\.id)).intersection(known)).sorted()
        let segs = segments(of: calendars ?? Availability.calendars(of: snapshot), in: day)
        return OverlapDay(date: date, zone: zone, day: day, selected: selected, segments: segs,
                          all: intervalsWithAll(selected, in: segs))
    }

    /// `window` cut into maximal intervals where the set of `members` planned in is constant;
    /// they tile the window (segments with nobody in included).
    public static func segments(snapshot: TeamSnapshot, members: [MemberProfile], in window: InstantInterval) -> [OverlapSegment] {
        segments(of: members.sorted { $0.id < $1.id }.map { MemberCalendar(member: $0, presence: snapshot.presence) }, in: window)
    }

    /// The same from the members' calendars, sorted by member id.
    static func segments(of calendars: [MemberCalendar], in window: InstantInterval) -> [OverlapSegment] {
        guard !window.isEmpty else { return [] }
        let plans = TwoCoreMap.map(calendars) { c in (c.member.id, c.planned(in: window)) }
        var edges: Set<Date> = [window.start]
        for (_, p) in plans { for i in p { edges.insert(i.start); edges.insert(i.end) } }
        let cuts = edges.filter { $0 >= window.start && $0 < window.end }.sorted()
        var out: [OverlapSegment] = []
        for (k, edge) in cuts.enumerated() {
            let end = k + 1 < cuts.count ? cuts[k + 1] : window.end
            let inside = plans.filter { InstantInterval.covers($0.1, edge) }.map(\.0)
            if let last = out.last, last.members == inside {
                out[out.count - 1].interval.end = end
            } else {
                out.append(OverlapSegment(interval: InstantInterval(start: edge, end: end), members: inside))
            }
        }
        return out
    }

    /// Joined intervals of `segments` whose members include every one of `selected`.
    public static func intervalsWithAll(_ selected: [String], in segments: [OverlapSegment]) -> [InstantInterval] {
        guard !selected.isEmpty else { return [] }
        let need = Set(selected)
        return InstantInterval.union(segments.filter { need.isSubset(of: $0.members) }.map(\.interval))
    }
}
