import Foundation
import Testing
@testable import MeridianKit

/// Randomized rotations (fixed seed, bounded count): slots and gaps must tile [now, now + 7 days),
/// every slot must hold one cover from one source, and be maximal.
@Suite struct OnCallInvariantTests {
    static let zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC", "America/Santiago"]

    func randomRotation(_ g: inout SeededRandom) -> (RotationConfig, [OncallOverride]) {
        let zone = Zone(Self.zones.randomElement(using: &g)!)!
        let date = LocalDate(year: 2026, month: Int.random(in: 1...12, using: &g), day: Int.random(in: 1...28, using: &g))
        let start = LocalDateTime(date: date, hour: Int.random(in: 0...23, using: &g), minute: [0, 30].randomElement(using: &g)!)
        let shift: ShiftLength = Bool.random(using: &g) ? .days(Int.random(in: 1...14, using: &g)) : .hours(Int.random(in: 1...48, using: &g))
        let members = Array(["a", "b", "c", "d"].prefix(Int.random(in: 1...4, using: &g)))
        var windows: [RestrictWindow] = []
        for _ in 0..<Int.random(in: 0...2, using: &g) {
            let s = Int.random(in: 0...47, using: &g) * 30
            var e = Int.random(in: 1...48, using: &g) * 30
            if e == s { e = (s + 60) % 1440 }
            let days = (0..<7).filter { _ in Bool.random(using: &g) }
            if !days.isEmpty { windows.append(RestrictWindow(days: days, range: HourRange(startMinute: s, endMinute: e))) }
        }
        let r = RotationConfig(id: "r", name: "R", zone: zone, start: start, shift: shift, members: members, restrict: windows)
        var overrides: [OncallOverride] = []
        let base = zone.instant(start).timeIntervalSince1970
        for i in 0..<Int.random(in: 0...4, using: &g) {
            let from = base + Double(Int.random(in: -3 * 86400...20 * 86400, using: &g) / 900 * 900)
            let to = from + Double(Int.random(in: 1...(4 * 96), using: &g) * 900)
            overrides.append(OncallOverride(rotation: "r", member: ["x", "y"].randomElement(using: &g)!, from: Date(timeIntervalSince1970: from),
                                            to: Date(timeIntervalSince1970: to), event: "o\(i)", order: i))
        }
        return (r, overrides)
    }

    @Test func slotsAndGapsTileTheWeekAndSlotsAreMaximal() {
        var g = SeededRandom(seed: 20261125)
        for case_ in 0..<60 {
            let (r, overrides) = randomRotation(&g)
            let s = OncallSchedule(rotation: r, overrides: overrides)
            let now = s.shifts.origin.addingTimeInterval(Double(Int.random(in: -5 * 86400...15 * 86400, using: &g) / 60 * 60))
            let end = now.addingTimeInterval(7 * 86400)
            let st = s.status(at: now)
            let slots = s.slots(overlapping: now, end)
            // Slots and gaps together tile [now, end) with no overlap.
            var pieces = slots.map { (max($0.start, now), min($0.end, end)) } + st.gaps.map { ($0.start, $0.end) }
            pieces.sort { $0.0 < $1.0 }
            var x = now
            for p in pieces {
                #expect(p.0 == x, "case \(case_): tiling broken at \(Instant.format(x)) (\(r.zone.identifier), \(r.shift))")
                x = p.1
            }
            #expect(x == end, "case \(case_)")
            #expect(st.now == slots.first.flatMap { $0.start <= now ? $0 : nil })
            for slot in slots {
                #expect(slot.start < slot.end)
                // One cover from one source throughout (sampled), and a different one on both sides.
                for f in stride(from: 0.0, to: 1.0, by: 0.125) {
                    let t = slot.start.addingTimeInterval((slot.end.timeIntervalSince(slot.start) * f).rounded(.down))
                    let c = s.cover(at: t)
                    #expect(c?.member == slot.member && c?.source == slot.source, "case \(case_) at \(Instant.format(t))")
                }
                #expect(s.cover(at: slot.end)?.source != slot.source, "case \(case_): slot not maximal at its end")
                #expect(s.cover(at: slot.start.addingTimeInterval(-1))?.source != slot.source, "case \(case_): slot not maximal at its start")
                if case .shift(let k) = slot.source {
                    #expect(slot.start >= s.shifts.start(k) && slot.end <= s.shifts.start(k + 1))
                    #expect(slot.member == r.members[k % r.members.count])
                }
            }
            // next: the first covered slot starting at or after now.end (or after now).
            let after = st.now?.end ?? now
            if let next = st.next {
                #expect(next.start >= after)
                #expect(s.slots(overlapping: after, next.start).allSatisfy { $0.start < after } || s.slots(overlapping: after, next.start).isEmpty)
            }
            for gap in st.gaps { #expect(s.cover(at: gap.start) == nil) }
        }
    }
}
