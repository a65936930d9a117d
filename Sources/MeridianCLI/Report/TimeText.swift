import Foundation
import MeridianKit

/// Wall-time wording shared by `clocks`, `overlap` and `slots`.
enum TimeText {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `14:05`.
    static func clock(_ t: LocalDateTime) -> String { String(format: "%02d:%02d", t.hour, t.minute) }

    /// `Wed 14:05`.
    static func dayClock(_ t: LocalDateTime) -> String { "\(weekdays[t.date.weekdayIndex]) \(clock(t))" }

    /// `Wed 25 Nov`.
    static func day(_ d: LocalDate) -> String { "\(weekdays[d.weekdayIndex]) \(d.day) \(months[d.month - 1])" }

    /// A cue for the hour of the day: night, morning, day or evening.
    static func cue(_ t: LocalDateTime) -> String {
        switch t.hour {
        case 6..<9: return "morning"
        case 9..<18: return "day"
        case 18..<22: return "evening"
        default: return "night"
        }
    }

    /// `2 h 30 min`, `45 min`, `3 h`.
    static func duration(_ seconds: TimeInterval) -> String {
        let m = Int(seconds) / 60
        if m < 60 { return "\(m) min" }
        return m % 60 == 0 ? "\(m / 60) h" : "\(m / 60) h \(m % 60) min"
    }

    /// "in 2 h 5 min", "in 3 days".
    static func until(_ t: Date, from now: Date) -> String {
        let s = t.timeIntervalSince(now)
        if s >= 2 * 86400 { return "in \(Int(s / 86400)) days" }
        return "in " + duration(s)
    }

    /// `start–end` of an interval in a zone: `09:00–17:30`, adding the weekday to the end when it
    /// falls on a later date, `24:00` for the next midnight and the offset when `withOffset`.
    static func span(_ i: InstantInterval, in zone: Zone, withOffset: Bool = false) -> String {
        let a = zone.local(i.start), b = zone.local(i.end)
        func off(_ t: Date) -> String { withOffset ? " " + Zone.formatOffset(zone.offset(at: t)) : "" }
        var end = clock(b)
        if b.date > a.date {
            end = b.date == a.date.adding(days: 1) && b.secondOfDay == 0 ? "24:00" : "\(weekdays[b.date.weekdayIndex]) \(clock(b))"
        }
        return "\(clock(a))\(off(i.start))–\(end)\(off(i.end))"
    }

    /// Comma-separated display names for member ids.
    static func names(_ ids: [String], _ snapshot: TeamSnapshot) -> String {
        ids.map { id in Sanitize.line(snapshot.member(id)?.name ?? id) }.joined(separator: ", ")
    }
}
