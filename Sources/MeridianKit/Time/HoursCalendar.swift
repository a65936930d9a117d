import Foundation

/// Weekly working hours laid out on the calendar: each range becomes concrete instants in the
/// member's zone (SPEC §1–2). A range belongs to the day it starts on; one that ends at or before
/// its start runs into the next day; `24:00` is the next midnight; a wall time in a DST gap moves
/// forward by the gap and a repeated one means its first occurrence (`Zone.instant`). A calendar
/// day the zone skipped entirely (Pacific/Apia, 2011-12-30) has no hours.
public enum HoursCalendar {
    /// The ranges that start on `date`, as instants, in the order written (not merged).
    public static func intervals(_ hours: WeeklyHours, zone: Zone, on date: LocalDate) -> [InstantInterval] {
        let ranges = hours.days[date.weekdayIndex]
        guard !ranges.isEmpty, dayExists(date, in: zone) else { return [] }
        return ranges.compactMap { r in
            let start = zone.instant(LocalDateTime(date: date, secondOfDay: r.startMinute * 60))
            let endDate = r.crossesMidnight ? date.adding(days: 1) : date
            let end = zone.instant(LocalDateTime(date: endDate, secondOfDay: r.endMinute * 60))
            let i = InstantInterval(start: start, end: end)
            return i.isEmpty ? nil : i
        }
    }

    /// Working time within `window`: sorted, disjoint (touching ranges joined) and clipped.
    public static func intervals(_ hours: WeeklyHours, zone: Zone, in window: InstantInterval) -> [InstantInterval] {
        guard !hours.isEmpty, !window.isEmpty else { return [] }
        // A range lasts at most a day and starts on its own date, so the day before the window's
        // first date is the earliest that can reach into it.
        let first = zone.date(at: window.start).adding(days: -1)
        let last = zone.date(at: window.end)
        var all: [InstantInterval] = []
        var d = first
        while d <= last {
            all.append(contentsOf: intervals(hours, zone: zone, on: d))
            d = d.adding(days: 1)
        }
        return InstantInterval.clip(InstantInterval.union(all), to: window)
    }

    /// The instants `[date 00:00, date+1 00:00)` in `zone`: 23 or 25 hours on DST days, empty
    /// for a date the zone skipped.
    public static func day(_ date: LocalDate, in zone: Zone) -> InstantInterval {
        InstantInterval(start: zone.startOfDay(date), end: zone.startOfDay(date.adding(days: 1)))
    }

    /// False for a calendar date that never happened in `zone`.
    public static func dayExists(_ date: LocalDate, in zone: Zone) -> Bool {
        !day(date, in: zone).isEmpty
    }
}
