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

extension Availability {
    /// The UI's availability for MeridianKit's.
    public init(_ kind: AvailabilityKind) {
        switch kind {
        case .working: self = .working
        case .offHours: self = .offHours
        case .timeOff: self = .timeOff
        case .away: self = .away
        }
    }
}

/// The time questions the panes ask about members, answered by MeridianKit's time engine
/// (`MemberCalendar`: hours, time off and statuses laid out as instants).
public enum MemberQueries {
    public static func availability(_ member: MemberProfile, at t: Date, _ snapshot: TeamSnapshot) -> Availability {
        Availability(MemberCalendar(member: member, presence: snapshot.presence).availability(at: t))
    }

    /// A member's day in the timeline: working hours, time off and the plan (hours minus time off).
    public struct Day: Sendable {
        public var hours: [InstantInterval]
        public var timeOff: [InstantInterval]
        public var planned: [InstantInterval]

        public init(_ member: MemberProfile, _ snapshot: TeamSnapshot, window: InstantInterval) {
            let calendar = MemberCalendar(member: member, presence: snapshot.presence)
            hours = calendar.hours(in: window)
            timeOff = calendar.timeOff(in: window)
            planned = calendar.planned(in: window)
        }

        public func inHours(_ t: Date) -> Bool { hours.contains { $0.contains(t) } }
        public func onTimeOff(_ t: Date) -> Bool { timeOff.contains { $0.contains(t) } }
        public func isPlanned(_ t: Date) -> Bool { planned.contains { $0.contains(t) } }
    }
}
