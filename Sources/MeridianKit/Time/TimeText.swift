import Foundation

/// Plain, locale-free time wording shared by the command line and the dashboard: English day and
/// month names, a 24-hour clock, and the two duration forms (compact for countdowns, prose for sentences).
public enum TimeText {
    public static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    public static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `14:03`
    public static func clock(_ t: LocalDateTime) -> String { DigitText.clock(t.hour, t.minute) }
    /// `14:03` in `zone`.
    public static func clock(_ instant: Date, _ zone: Zone) -> String { clock(zone.local(instant)) }
    /// `Thu`
    public static func weekday(_ d: LocalDate) -> String { weekdays[d.weekdayIndex] }
    /// `Thu 26 Nov`
    public static func day(_ d: LocalDate) -> String { "\(weekday(d)) \(d.day) \(months[d.month - 1])" }
    /// `Thu 14:03`
    public static func dayClock(_ t: LocalDateTime) -> String { "\(weekday(t.date)) \(clock(t))" }
    /// `Thu 14:03` in `zone`.
    public static func dayClock(_ instant: Date, _ zone: Zone) -> String { dayClock(zone.local(instant)) }
    /// `Mon 30 Nov 13:30` in `zone`.
    public static func dateClock(_ instant: Date, _ zone: Zone) -> String {
        let l = zone.local(instant)
        return "\(day(l.date)) \(clock(l))"
    }
    /// An interval in `zone`: `Thu 23:00–Fri 15:00`, with dates when it lasts a day or more.
    public static func span(_ start: Date, _ end: Date, _ zone: Zone, dash: String) -> String {
        if end.timeIntervalSince(start) >= 86_400 { return dateClock(start, zone) + dash + dateClock(end, zone) }
        return dayClock(start, zone) + dash + dayClock(end, zone)
    }

    /// Compact, for countdowns and narrow panes: `2d 3h`, `3h 05m`, `12m`, `<1m` (rounded down to
    /// the minute; zero or less is `<1m`).
    public static func duration(_ seconds: TimeInterval) -> String {
        let minutes = max(0, Int((seconds / 60).rounded(.down)))
        if minutes < 1 { return "<1m" }
        let d = minutes / 1440, h = minutes / 60 % 24, m = minutes % 60
        if d > 0 { return h > 0 ? "\(d)d \(h)h" : "\(d)d" }
        if h > 0 { return String(format: "%dh %02dm", h, m) }
        return "\(m)m"
    }

    /// Prose, for sentences and tables: `2 h 30 min`, `45 min`, `3 h` (whole minutes, sign dropped).
    public static func hoursAndMinutes(_ seconds: TimeInterval) -> String {
        let m = abs(Int(seconds)) / 60
        if m < 60 { return "\(m) min" }
        return m % 60 == 0 ? "\(m / 60) h" : "\(m / 60) h \(m % 60) min"
    }
}
