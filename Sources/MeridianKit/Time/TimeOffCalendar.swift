import Foundation

/// Time off laid out as instants: a `from`/`to` pair of dates covers `[from 00:00, to+1 00:00)`
/// in the member's zone (inclusive dates); a pair of instants covers `[from, to)`.
public enum TimeOffCalendar {
    /// The instants one time-off span covers (empty when `to` comes before `from`).
    public static func interval(_ span: TimeSpan, zone: Zone) -> InstantInterval {
        switch span {
        case .dates(let from, let to):
            return InstantInterval(start: zone.startOfDay(from), end: zone.startOfDay(to.adding(days: 1)))
        case .instants(let from, let to):
            return InstantInterval(start: from, end: to)
        }
    }

    /// A member's time off that is not cancelled: sorted, disjoint, touching spans joined.
    public static func intervals(of member: MemberProfile, presence: PresenceState) -> [InstantInterval] {
        InstantInterval.union(presence.timeOff(of: member.id).map { interval($0.span, zone: member.zone) })
    }

    /// The same, clipped to `window`.
    public static func intervals(of member: MemberProfile, presence: PresenceState, in window: InstantInterval) -> [InstantInterval] {
        InstantInterval.clip(intervals(of: member, presence: presence), to: window)
    }
}
