import Foundation
import MeridianKit

/// A member's availability at an instant (SPEC §2).
public enum Availability: String, Sendable, CaseIterable {
    case working
    case offHours = "off_hours"
    case timeOff = "time_off"
    case away

    /// The word shown next to the glyph.
    public var word: String {
        switch self {
        case .working: return "working"
        case .offHours: return "off hours"
        case .timeOff: return "time off"
        case .away: return "away"
        }
    }
}

/// The time questions the panes ask about members. One seam: the answers come from MeridianKit's
/// time engine where it has them.
public enum MemberQueries {
    /// Inside the member's weekly hours at `t` (a range belongs to the day it starts on).
    public static func insideHours(_ member: MemberProfile, at t: Date) -> Bool {
        let local = member.zone.local(t)
        let minute = local.secondOfDay / 60
        let today = local.date.weekdayIndex
        for r in member.hours.days[today] {
            if r.crossesMidnight ? minute >= r.startMinute : (minute >= r.startMinute && minute < r.endMinute) { return true }
        }
        let yesterday = (today + 6) % 7
        for r in member.hours.days[yesterday] where r.crossesMidnight && minute < r.endMinute { return true }
        return false
    }

    /// Inside a time off of the member at `t` (dates are inclusive in the member's zone).
    public static func onTimeOff(_ member: MemberProfile, at t: Date, _ snapshot: TeamSnapshot) -> Bool {
        let today = member.zone.date(at: t)
        return snapshot.presence.timeOff(of: member.id).contains { off in
            switch off.span {
            case .dates(let from, let to): return from <= today && today <= to
            case .instants(let from, let to): return from <= t && t < to
            }
        }
    }

    /// SPEC §2: time off wins; away/ooo only inside hours; focus is working.
    public static func availability(_ member: MemberProfile, at t: Date, _ snapshot: TeamSnapshot) -> Availability {
        if onTimeOff(member, at: t, snapshot) { return .timeOff }
        guard insideHours(member, at: t) else { return .offHours }
        if let status = snapshot.presence.status(of: member.id, at: t), status.kind == .away || status.kind == .ooo { return .away }
        return .working
    }

    /// Counts for the overlap: inside hours and not on time off (statuses don't count).
    public static func isPlanned(_ member: MemberProfile, at t: Date, _ snapshot: TeamSnapshot) -> Bool {
        insideHours(member, at: t) && !onTimeOff(member, at: t, snapshot)
    }

    /// The next offset change of the member's zone within `days` days, with the new offset.
    public static func nextOffsetChange(_ member: MemberProfile, after t: Date, days: Int = 7) -> (at: Date, offset: Int)? {
        guard let next = member.zone.transitions(after: t, until: t.addingTimeInterval(Double(days) * 86_400)).first else { return nil }
        return (next, member.zone.offset(at: next.addingTimeInterval(1)))
    }
}
