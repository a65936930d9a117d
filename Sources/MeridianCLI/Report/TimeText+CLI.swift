import Foundation
import MeridianKit

/// Wall-time wording only `clocks`, `overlap` and `slots` use (the shared forms are MeridianKit's).
extension TimeText {
    /// A cue for the hour of the day: night, morning, day or evening.
    static func cue(_ t: LocalDateTime) -> String {
        switch t.hour {
        case 6..<9: return "morning"
        case 9..<18: return "day"
        case 18..<22: return "evening"
        default: return "night"
        }
    }

    /// "in 2 h 5 min", "in 3 days".
    static func until(_ t: Date, from now: Date) -> String {
        let s = t.timeIntervalSince(now)
        if s >= 2 * 86400 { return "in \(Int(s / 86400)) days" }
        return "in " + hoursAndMinutes(s)
    }

    /// `start–end` of an interval in a zone: `09:00–17:30`, adding the weekday to the end when it
    /// falls on a later date, `24:00` for the next midnight and the offset when `withOffset`.
    static func span(_ i: InstantInterval, in zone: Zone, withOffset: Bool = false) -> String {
        let a = zone.local(i.start), b = zone.local(i.end)
        func off(_ t: Date) -> String { withOffset ? " " + Zone.formatOffset(zone.offset(at: t)) : "" }
        var end = clock(b)
        if b.date > a.date {
            end = b.date == a.date.adding(days: 1) && b.secondOfDay == 0 ? "24:00" : dayClock(b)
        }
        return "\(clock(a))\(off(i.start))–\(end)\(off(i.end))"
    }

    /// Comma-separated display names for member ids.
    static func names(_ ids: [String], _ snapshot: TeamSnapshot) -> String {
        ids.map { id in Sanitize.line(snapshot.member(id)?.name ?? id) }.joined(separator: ", ")
    }
}
