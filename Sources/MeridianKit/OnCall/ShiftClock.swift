import Foundation

/// Where a rotation's shifts begin: shift k starts at `start(k)`; `Nd`/`Nw` shifts keep the handoff's
/// wall time in the rotation's zone (so their length in hours changes across DST), `Nh` shifts are
/// N hours of elapsed time from the first handoff. Before shift 0 nobody is on call.
public struct ShiftClock: Sendable {
    public let zone: Zone
    public let first: LocalDateTime
    public let length: ShiftLength
    /// The instant shift 0 starts.
    public let origin: Date

    public init(zone: Zone, first: LocalDateTime, length: ShiftLength) {
        self.zone = zone
        self.first = first
        self.length = length
        self.origin = zone.instant(first)
    }

    public init(_ rotation: RotationConfig) {
        self.init(zone: rotation.zone, first: rotation.start, length: rotation.shift)
    }

    /// The instant shift `k` starts (k may be any integer; negative ones lie before the rotation starts).
    public func start(_ k: Int) -> Date {
        switch length {
        case .days(let n):
            // Same wall time k*n days later; a wall time in a DST gap moves forward (Zone.instant).
            return zone.instant(LocalDateTime(date: first.date.adding(days: k * n), secondOfDay: first.secondOfDay))
        case .hours(let n):
            return origin.addingTimeInterval(Double(k) * Double(n) * 3600)
        }
    }

    /// The shift in force at `t`, or nil before the first handoff.
    public func index(at t: Date) -> Int? {
        guard t >= origin else { return nil }
        let elapsed = t.timeIntervalSince(origin)
        switch length {
        case .hours(let n):
            var k = Int((elapsed / (Double(n) * 3600)).rounded(.down))
            // Guard against floating-point edges so that start(k) <= t < start(k + 1) holds exactly.
            while k > 0, start(k) > t { k -= 1 }
            while start(k + 1) <= t { k += 1 }
            return k
        case .days(let n):
            // A day is 23 to 25 hours; the estimate is off by at most one shift, corrected below.
            var k = max(0, Int((elapsed / (Double(n) * 86400)).rounded(.down)))
            while k > 0, start(k) > t { k -= 1 }
            while start(k + 1) <= t { k += 1 }
            return k
        }
    }

    /// The first handoff strictly after `t` (shift 0's start when `t` is before the rotation starts).
    public func nextStart(after t: Date) -> Date {
        guard let k = index(at: t) else { return origin }
        return start(k + 1)
    }
}
