import Foundation
import MeridianKit

/// One Clocks row at the shown instant: the member's availability and the texts made from it
/// (local time, weekday, UTC offset, next change), formatted once per minute rather than per frame.
struct ClocksRow: Sendable {
    var info: MemberAvailability
    var clock: String
    var weekday: String
    var offset: String
    /// The next change of availability as a clock time in the member's zone, if any.
    var nextChange: String?

    init(member: MemberProfile, snapshot: TeamSnapshot, at t: Date, viewerZone: Zone) {
        info = MeridianKit.Availability.of(member: member, snapshot: snapshot, at: t, viewerZone: viewerZone)
        clock = TimeText.clock(info.localTime)
        weekday = TimeText.weekday(info.localTime.date)
        offset = Zone.formatOffset(info.utcOffset)
        nextChange = info.nextChange.map { TimeText.clock(member.zone.local($0)) }
    }
}
