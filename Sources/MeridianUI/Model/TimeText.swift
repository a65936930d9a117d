import Foundation
import MeridianKit

/// Short, locale-free time text for the panes (English names, 24-hour clock).
public enum TimeText {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `14:03`
    public static func clock(_ t: LocalDateTime) -> String { String(format: "%02d:%02d", t.hour, t.minute) }
    /// `Thu`
    public static func weekday(_ d: LocalDate) -> String { weekdays[d.weekdayIndex] }
    /// `Thu 26 Nov`
    public static func day(_ d: LocalDate) -> String { "\(weekday(d)) \(d.day) \(months[d.month - 1])" }
    /// `Thu 14:03` in `zone`.
    public static func dayClock(_ instant: Date, _ zone: Zone) -> String {
        let l = zone.local(instant)
        return "\(weekday(l.date)) \(clock(l))"
    }
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
    /// `2d 3h`, `3h 05m`, `12m`, `now` for a positive interval (rounded down to the minute).
    public static func duration(_ seconds: TimeInterval) -> String {
        let minutes = max(0, Int((seconds / 60).rounded(.down)))
        if minutes < 1 { return "<1m" }
        let d = minutes / 1440, h = minutes / 60 % 24, m = minutes % 60
        if d > 0 { return h > 0 ? "\(d)d \(h)h" : "\(d)d" }
        if h > 0 { return String(format: "%dh %02dm", h, m) }
        return "\(m)m"
    }
}
