import Foundation

/// What a member is doing at an instant (SPEC §2); the raw values are the JSON words.
public enum AvailabilityKind: String, Sendable, CaseIterable {
    case working
    case offHours = "off_hours"
    case timeOff = "time_off"
    case away
}

/// One stretch of a member's day with a single availability, for drawing a timeline.
public struct AvailabilitySegment: Hashable, Sendable {
    public var interval: InstantInterval
    public var availability: AvailabilityKind

    public init(interval: InstantInterval, availability: AvailabilityKind) {
        self.interval = interval
        self.availability = availability
    }
}

/// A member's state at `now`: everything the Clocks pane and `status --json` members[] show.
public struct MemberAvailability: Sendable {
    public var member: MemberProfile
    public var availability: AvailabilityKind
    /// The status in effect at `now` (its `until` is the expiry), nil when none.
    public var status: MemberStatus?
    /// The next instant at which `availability` changes; nil when it never does within the horizon.
    public var nextChange: Date?
    /// Seconds east of UTC at `now`.
    public var utcOffset: Int
    public var localTime: LocalDateTime
    /// The next change (within 14 days) of this member's offset from the viewer's, if any.
    public var dstChange: DSTChange?
}

/// Availability questions about one member: hours, time off and statuses laid out as instants.
public struct MemberCalendar: Sendable {
    public let member: MemberProfile
    /// All of the member's time off that is not cancelled, sorted and joined.
    public let timeOff: [InstantInterval]
    let presence: PresenceState

    public init(member: MemberProfile, presence: PresenceState) {
        self.member = member
        self.presence = presence
        self.timeOff = TimeOffCalendar.intervals(of: member, presence: presence)
    }

    /// Inside weekly hours within `window` (time off not removed).
    public func hours(in window: InstantInterval) -> [InstantInterval] {
        HoursCalendar.intervals(member.hours, zone: member.zone, in: window)
    }

    /// Time off within `window`.
    public func timeOff(in window: InstantInterval) -> [InstantInterval] {
        InstantInterval.clip(timeOff, to: window)
    }

    /// The plan: inside hours and not on time off (what overlap counts; statuses don't).
    public func planned(in window: InstantInterval) -> [InstantInterval] {
        InstantInterval.subtract(hours(in: window), timeOff(in: window))
    }

    /// SPEC §2 precedence: time off wins; `away`/`ooo` make hours `away`; `focus` is working.
    func availability(at t: Date, hours: [InstantInterval]) -> AvailabilityKind {
        if InstantInterval.covers(timeOff, t) { return .timeOff }
        guard InstantInterval.covers(hours, t) else { return .offHours }
        switch presence.status(of: member.id, at: t)?.kind {
        case .away?, .ooo?: return .away
        default: return .working
        }
    }

    /// The availability at one instant.
    public func availability(at t: Date) -> AvailabilityKind {
        availability(at: t, hours: hours(in: InstantInterval(start: t, end: t.addingTimeInterval(1))))
    }

    /// `window` cut into maximal stretches of one availability, in order, tiling it.
    public func timeline(in window: InstantInterval) -> [AvailabilitySegment] {
        guard !window.isEmpty else { return [] }
        let (cuts, hours) = cuts(in: window)
        var out: [AvailabilitySegment] = []
        for (k, edge) in cuts.enumerated() {
            let end = k + 1 < cuts.count ? cuts[k + 1] : window.end
            let kind = availability(at: edge, hours: hours)
            if let last = out.last, last.availability == kind {
                out[out.count - 1].interval.end = end
            } else {
                out.append(AvailabilitySegment(interval: InstantInterval(start: edge, end: end), availability: kind))
            }
        }
        return out
    }

    /// The instants of `window` where the availability may change, sorted (its start first), and
    /// the hours within it.
    private func cuts(in window: InstantInterval) -> (cuts: [Date], hours: [InstantInterval]) {
        let hours = hours(in: window)
        var edges: [Date] = [window.start]
        for i in hours { edges.append(i.start); edges.append(i.end) }
        for i in timeOff where i.end > window.start && i.start < window.end { edges.append(i.start); edges.append(i.end) }
        edges.append(contentsOf: presence.statusEdges(of: member.id, after: window.start))
        return (Array(Set(edges.filter { $0 >= window.start && $0 < window.end })).sorted(), hours)
    }

    /// The first instant after `now` at which the availability differs from that at `now`,
    /// searching `horizonDays` ahead in growing windows; nil when it does not change.
    public func nextChange(after now: Date, horizonDays: Int = 400) -> Date? {
        let horizon = now.addingTimeInterval(Double(horizonDays) * 86400)
        if member.hours.isEmpty && !timeOff.contains(where: { $0.end > now }) { return nil }
        var start = now
        var span: TimeInterval = 2 * 86400
        var current: AvailabilityKind?
        while start < horizon {
            let window = InstantInterval(start: start, end: min(horizon, start.addingTimeInterval(span)))
            // The timeline of the window, read cut by cut only as far as the first change: the
            // first cut whose availability differs is where the differing segment starts.
            let (cuts, hours) = cuts(in: window)
            for edge in cuts {
                let kind = availability(at: edge, hours: hours)
                guard let c = current else { current = kind; continue }
                if kind != c { return edge }
            }
            start = window.end
            span *= 4
        }
        return nil
    }
}

/// Entry points for the Clocks pane, `clocks` and `status --json` members[].
public enum Availability {
    /// A member's state at `now`; `viewerZone` (when given) enables the DST warning.
    public static func of(member: MemberProfile, snapshot: TeamSnapshot, at now: Date, viewerZone: Zone? = nil) -> MemberAvailability {
        of(MemberCalendar(member: member, presence: snapshot.presence), snapshot: snapshot, at: now, viewerZone: viewerZone)
    }

    /// The same from the member's calendar already laid out (a report shares one between sections).
    public static func of(_ calendar: MemberCalendar, snapshot: TeamSnapshot, at now: Date, viewerZone: Zone? = nil) -> MemberAvailability {
        let member = calendar.member
        return MemberAvailability(
            member: member,
            availability: calendar.availability(at: now),
            status: snapshot.presence.status(of: member.id, at: now),
            nextChange: calendar.nextChange(after: now),
            utcOffset: member.zone.offset(at: now),
            localTime: member.zone.local(now),
            dstChange: viewerZone.flatMap { DSTChange.next(member: member.zone, viewer: $0, after: now) }
        )
    }

    /// Every member (sorted by id) at `now`; `calendars` (from `calendars(of:)`) saves laying them out again.
    public static func all(snapshot: TeamSnapshot, at now: Date, viewerZone: Zone? = nil, calendars: [MemberCalendar]? = nil) -> [MemberAvailability] {
        // Each member is worked out on its own, half of them on each core.
        TwoCoreMap.map(calendars ?? Self.calendars(of: snapshot)) { of($0, snapshot: snapshot, at: now, viewerZone: viewerZone) }
    }

    /// Every member's calendar, sorted by member id.
    public static func calendars(of snapshot: TeamSnapshot) -> [MemberCalendar] {
        TwoCoreMap.map(snapshot.members.sorted { $0.id < $1.id }) { MemberCalendar(member: $0, presence: snapshot.presence) }
    }
}
