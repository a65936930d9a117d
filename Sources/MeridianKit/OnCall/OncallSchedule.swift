import Foundation

/// Who is on call for one rotation at any instant, built from its shifts, its `restrict` windows and
/// its live overrides (SPEC §2 "On call"). At each instant the cover is the override in effect that is
/// latest in event order, else the shift's member if the instant lies in a window (or there are
/// none), else nobody. Slots are kept per shift: consecutive shifts of the same member are separate
/// slots, because a shift's slot ends at its shift's end.
public struct OncallSchedule: Sendable {
    public let rotation: RotationConfig
    /// Live overrides of this rotation in event order (a later one wins where they overlap).
    public let overrides: [OncallOverride]
    public let shifts: ShiftClock
    public let windows: RestrictCalendar

    /// How far `next` looks ahead (SPEC: 366 days).
    public static let nextHorizon: TimeInterval = 366 * 86400
    /// The window `gaps` covers (SPEC: 7 days).
    public static let gapHorizon: TimeInterval = 7 * 86400

    public init(rotation: RotationConfig, overrides: [OncallOverride]) {
        self.rotation = rotation
        self.overrides = overrides.filter { $0.rotation == rotation.id && $0.from < $0.to }
        self.shifts = ShiftClock(rotation)
        self.windows = RestrictCalendar(zone: rotation.zone, windows: rotation.restrict)
    }

    /// The schedule of `rotation` with the overrides folded into `snapshot`.
    public init(_ rotation: RotationConfig, in snapshot: TeamSnapshot) {
        self.init(rotation: rotation, overrides: snapshot.overrides.overrides(for: rotation.id))
    }

    // MARK: - Cover at an instant

    /// Index into `overrides` of the override in effect at `t` that is latest in event order.
    private func overrideIndex(at t: Date) -> Int? {
        overrides.lastIndex { $0.from <= t && t < $0.to }
    }

    /// The member on call at `t` and where that cover comes from; nil when nobody is on call.
    public func cover(at t: Date) -> (member: String, source: CoverSource)? {
        if let i = overrideIndex(at: t) { return (overrides[i].member, .override(overrides[i].event)) }
        guard let k = shifts.index(at: t), windows.contains(t) else { return nil }
        return (member(ofShift: k), .shift(k))
    }

    /// Shift k is members[k mod n].
    public func member(ofShift k: Int) -> String {
        let n = rotation.members.count
        return rotation.members[((k % n) + n) % n]
    }

    /// The first instant after `t` at which the cover may change (a handoff, a window edge or an
    /// override's start or end); nil when none lies ahead.
    public func nextBoundary(after t: Date) -> Date? {
        var best = shifts.nextStart(after: t)
        if let e = windows.nextEdge(after: t), e < best { best = e }
        for o in overrides {
            if o.from > t, o.from < best { best = o.from }
            if o.to > t, o.to < best { best = o.to }
        }
        return best > t ? best : nil
    }

    // MARK: - Slots

    /// The slot containing `t` in full (it may have started before `t`); nil when nobody is on call.
    public func slot(at t: Date) -> OncallSlot? {
        if let i = overrideIndex(at: t) {
            let o = overrides[i]
            // Ends where it ends or a later override takes over; starts where it began or a later
            // override last gave way.
            var start = o.from, end = o.to
            for p in overrides[(i + 1)...] {
                if p.to <= t, p.to > start { start = p.to }
                if p.from > t, p.from < end { end = p.from }
            }
            return OncallSlot(member: o.member, start: start, end: end, source: .override(o.event))
        }
        guard let k = shifts.index(at: t), windows.contains(t) else { return nil }
        var start = shifts.start(k), end = shifts.start(k + 1)
        // No override is in effect at t: every override either ended by t or starts after it.
        for o in overrides {
            if o.to <= t, o.to > start { start = o.to }
            if o.from > t, o.from < end { end = o.from }
        }
        if let run = windows.run(containing: t, within: start, end) {
            start = run.start
            end = run.end
        }
        return OncallSlot(member: member(ofShift: k), start: start, end: end, source: .shift(k))
    }

    /// The first covered slot starting at or after `t`, provided it starts no later than `limit`.
    public func firstSlot(startingAtOrAfter t: Date, notAfter limit: Date) -> OncallSlot? {
        var x = t
        while x <= limit {
            if let s = slot(at: x) {
                // `x` is `t` or a boundary where the cover changed, so a slot containing x that
                // began earlier can only be the one in force at t itself: skip to its end.
                if s.start >= t { return s }
                x = s.end
                continue
            }
            guard let b = nextBoundary(after: x) else { return nil }
            x = b
        }
        return nil
    }

    /// Covered slots that overlap [from, to), in time order, each in full (not clipped).
    public func slots(overlapping from: Date, _ to: Date) -> [OncallSlot] {
        var out: [OncallSlot] = []
        var x = from
        while x < to {
            if let s = slot(at: x) {
                out.append(s)
                x = s.end
            } else {
                guard let b = nextBoundary(after: x) else { break }
                x = b
            }
        }
        return out
    }

    /// The intervals within [from, to) where nobody is on call, clipped to it.
    public func gaps(from: Date, to: Date) -> [OncallGap] {
        var out: [OncallGap] = []
        var x = from
        while x < to {
            if let s = slot(at: x) {
                x = s.end
                continue
            }
            let end = min(nextBoundary(after: x) ?? to, to)
            if let last = out.last, last.end == x {
                out[out.count - 1].end = end
            } else {
                out.append(OncallGap(start: x, end: end))
            }
            x = end
        }
        return out
    }

    /// `now`, `next` and `gaps` as SPEC §2 defines them.
    public func status(at now: Date) -> OncallStatus {
        let current = slot(at: now)
        let next = firstSlot(startingAtOrAfter: current?.end ?? now, notAfter: now.addingTimeInterval(Self.nextHorizon))
        return OncallStatus(now: current, next: next, gaps: gaps(from: now, to: now.addingTimeInterval(Self.gapHorizon)))
    }
}
