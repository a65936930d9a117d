import Foundation

/// Interim answers to "is this member inside their working hours / on time off at this instant?",
/// kept private to on-call until the time engineer's availability API lands (then fold onto it).
/// A range belongs to the day it starts on; one whose end is at or before its start crosses midnight.
struct MemberAvailabilityProbe {
    let profile: MemberProfile
    let timeOff: [TimeOff]

    /// Whether `t` falls inside one of the member's weekly ranges, wall time in their zone.
    func insideHours(at t: Date) -> Bool {
        let zone = profile.zone
        let today = zone.date(at: t)
        // Ranges that started yesterday may still run (crossing midnight).
        for date in [today.adding(days: -1), today] {
            for r in profile.hours.days[date.weekdayIndex] {
                let s = zone.instant(LocalDateTime(date: date, secondOfDay: r.startMinute * 60))
                let e = zone.instant(LocalDateTime(date: r.crossesMidnight ? date.adding(days: 1) : date, secondOfDay: r.endMinute * 60))
                if s <= t && t < e { return true }
            }
        }
        return false
    }

    /// Whether `t` falls inside a time off: inclusive dates in the member's zone, or [from, to).
    func onTimeOff(at t: Date) -> Bool {
        let day = profile.zone.date(at: t)
        return timeOff.contains { off in
            switch off.span {
            case .dates(let a, let b): return a <= day && day <= b
            case .instants(let a, let b): return a <= t && t < b
            }
        }
    }
}
