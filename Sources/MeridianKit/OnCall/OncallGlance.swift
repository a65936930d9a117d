import Foundation

/// Why the person on call may not answer: off their hours, on time off, or not a known member.
public enum OncallConcern: String, Sendable {
    case offHours = "off_hours"
    case timeOff = "time_off"
    case unknownMember = "unknown_member"
}

/// A warning about an on-call person at an instant: `now`, or the start of the next slot they take over.
public struct OncallWarning: Hashable, Sendable {
    /// Whether the warning is about the current slot or the coming handoff.
    public enum When: String, Sendable { case now, handoff }
    public var member: String
    public var at: Date
    public var when: When
    public var concern: OncallConcern
}

/// The next handoff of a rotation: when the cover changes next, who hands over and who takes over.
public struct OncallHandoff: Hashable, Sendable {
    public var at: Date
    /// On call until `at` (nil when nobody is on call now).
    public var from: String?
    /// On call from `at` (nil when nobody takes over).
    public var to: String?
}

/// What a glance at one rotation needs beyond SPEC's now/next/gaps: the coming handoff, warnings
/// about the people on call, and the viewer's own current or next slot.
public struct OncallGlance: Sendable {
    public var rotation: RotationConfig
    public var status: OncallStatus
    public var handoff: OncallHandoff?
    public var warnings: [OncallWarning]
    /// The viewer's slot in force now or the first one ahead (within 366 days); nil if none or no viewer.
    public var mine: OncallSlot?

    /// Looks at `rotation` in `snapshot` at `now` for `viewer` (a member id, or nil).
    public init(_ rotation: RotationConfig, in snapshot: TeamSnapshot, now: Date, viewer: String?) {
        let schedule = OncallSchedule(rotation, in: snapshot)
        self.rotation = rotation
        let status = schedule.status(at: now)
        self.status = status
        // The coming handoff: the end of the current slot, else the start of the next one.
        if let cur = status.now {
            handoff = OncallHandoff(at: cur.end, from: cur.member, to: schedule.cover(at: cur.end)?.member)
        } else if let next = status.next {
            handoff = OncallHandoff(at: next.start, from: nil, to: next.member)
        } else {
            handoff = nil
        }
        var warnings: [OncallWarning] = []
        if let cur = status.now, let c = Self.concern(cur.member, at: now, in: snapshot) {
            warnings.append(OncallWarning(member: cur.member, at: now, when: .now, concern: c))
        }
        // The coming handoff to someone: the next covered slot's start (the cover may lapse in between).
        if let next = status.next, let c = Self.concern(next.member, at: next.start, in: snapshot) {
            warnings.append(OncallWarning(member: next.member, at: next.start, when: .handoff, concern: c))
        }
        self.warnings = warnings
        if let viewer {
            if let cur = status.now, cur.member == viewer {
                mine = cur
            } else {
                mine = Self.firstSlot(of: viewer, in: schedule, after: now)
            }
        } else {
            mine = nil
        }
    }

    /// Time off wins over hours (SPEC §2); a member with no file cannot be checked at all.
    static func concern(_ member: String, at t: Date, in snapshot: TeamSnapshot) -> OncallConcern? {
        guard let profile = snapshot.member(member) else { return .unknownMember }
        switch MemberCalendar(member: profile, presence: snapshot.presence).availability(at: t) {
        case .timeOff: return .timeOff
        case .offHours: return .offHours
        case .working, .away: return nil
        }
    }

    /// The first slot of `member` starting after `now`, looking as far ahead as `next` does.
    static func firstSlot(of member: String, in schedule: OncallSchedule, after now: Date) -> OncallSlot? {
        // Someone outside the rotation can only be on call through an override that ends after now.
        guard schedule.rotation.members.contains(member)
                || schedule.overrides.contains(where: { $0.member == member && $0.to > now }) else { return nil }
        // The walk only looks at slots holding an instant at or after `now`. An override that ended
        // before `now` can only move such a slot's start to an instant before `now`, which the walk
        // treats like the true start (both come before any instant it asks from); dropping those
        // overrides leaves the slots it returns unchanged and makes each step cheaper.
        let ahead = OncallSchedule(rotation: schedule.rotation, overrides: schedule.overrides.filter { $0.to >= now })
        let limit = now.addingTimeInterval(OncallSchedule.nextHorizon)
        var x = now
        while let s = ahead.firstSlot(startingAtOrAfter: x, notAfter: limit) {
            if s.member == member { return s }
            x = s.end
        }
        return nil
    }
}
