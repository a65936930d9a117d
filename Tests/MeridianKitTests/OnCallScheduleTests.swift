import Foundation
import Testing
@testable import MeridianKit

/// Shifts, windows, slots and gaps of SPEC §2 "On call", checked against Python's zoneinfo.
@Suite struct OnCallScheduleTests {
    typealias F = OnCallFixture
    typealias O = OnCallOracle

    @Test func weeklyBerlinHandoffKeepsWallTimeAcrossBothDSTChanges() throws {
        let members = ["alice", "bob", "chen"]
        let r = F.rotation(zone: "Europe/Berlin", start: "2026-03-02 09:00", shift: "1w", members: members)
        let s = OncallSchedule(rotation: r, overrides: [])
        // Weeks 0…40 run from March (CET) through summer (CEST) to November (CET again).
        let walls = (0...41).map { "\(O.day("2026-03-02", plus: 7 * $0)) 09:00" }
        let expected = O.instants("Europe/Berlin", walls)
        try #require(expected.count == walls.count)
        // The oracle itself shows the premise: 09:00 Berlin is 08:00Z in winter and 07:00Z in summer.
        let utcHours = expected.map { Int($0.timeIntervalSince1970) % 86400 / 3600 }
        #expect(utcHours[3] == 8 && utcHours[4] == 7, "2026-03-23 is before and 2026-03-30 after the March change")
        #expect(utcHours[33] == 7 && utcHours[34] == 8, "2026-10-19 is before and 2026-10-26 after the October change")
        for k in 0...40 {
            #expect(s.shifts.start(k) == expected[k], "shift \(k)")
            let slot = s.slot(at: expected[k].addingTimeInterval(3600))
            #expect(slot == OncallSlot(member: members[k % 3], start: expected[k], end: expected[k + 1], source: .shift(k)))
        }
        // now / next exactly at and just before the summer handoff.
        let st = s.status(at: expected[4])
        #expect(st.now?.member == members[4 % 3] && st.now?.start == expected[4] && st.now?.end == expected[5])
        #expect(st.next?.member == members[5 % 3] && st.next?.start == expected[5] && st.next?.end == expected[6])
        #expect(st.gaps.isEmpty)
        let before = s.status(at: expected[4].addingTimeInterval(-1))
        #expect(before.now?.member == members[3 % 3] && before.now?.end == expected[4])
        #expect(before.next?.start == expected[4])
    }

    @Test func dailyHandoffInsideTheSpringGapMovesForward() throws {
        let r = F.rotation(zone: "Europe/Berlin", start: "2026-03-25 02:30", shift: "1d", members: ["a", "b"])
        let s = OncallSchedule(rotation: r, overrides: [])
        let walls = (0...6).map { "\(O.day("2026-03-25", plus: $0)) 02:30" }
        let expected = O.instants("Europe/Berlin", walls)
        try #require(expected.count == walls.count)
        for k in 0...6 { #expect(s.shifts.start(k) == expected[k], "shift \(k) (\(walls[k]))") }
        // 2026-03-29 02:30 does not exist in Berlin: the shift starts at 03:30 CEST.
        #expect(O.walls("Europe/Berlin", [s.shifts.start(4)]) == ["2026-03-29 03:30"])
    }

    @Test func hourShiftsAreElapsedTimeAcrossDST() throws {
        let r = F.rotation(zone: "Europe/Berlin", start: "2026-10-24 22:00", shift: "8h", members: ["a", "b", "c"])
        let s = OncallSchedule(rotation: r, overrides: [])
        let origin = O.instant("Europe/Berlin", "2026-10-24 22:00")
        let starts = (0...6).map { origin.addingTimeInterval(Double($0) * 8 * 3600) }
        for k in 0...6 { #expect(s.shifts.start(k) == starts[k]) }
        // Elapsed hours: across the October change (25 Oct, 03:00 → 02:00) the wall times drift by an hour.
        let walls = O.walls("Europe/Berlin", starts)
        #expect(walls.prefix(4) == ["2026-10-24 22:00", "2026-10-25 05:00", "2026-10-25 13:00", "2026-10-25 21:00"])
        let mid = starts[1].addingTimeInterval(60)
        #expect(s.slot(at: mid) == OncallSlot(member: "b", start: starts[1], end: starts[2], source: .shift(1)))
        #expect(s.status(at: mid).next == OncallSlot(member: "c", start: starts[2], end: starts[3], source: .shift(2)))
    }

    @Test func weekdayWindowsInNewYorkLeaveNightAndWeekendGaps() throws {
        let members = ["x", "y"]
        let r = F.rotation(zone: "America/New_York", start: "2026-03-02 09:00", shift: "1d", members: members,
                           restrict: [("mon-fri", "09:00-17:00")])
        let s = OncallSchedule(rotation: r, overrides: [])
        // Friday evening before the US spring change (Sunday 2026-03-08).
        let now = O.instant("America/New_York", "2026-03-06 20:00")
        let weekdays = ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"]
        let opens = O.instants("America/New_York", weekdays.map { "\($0) 09:00" })
        let closes = O.instants("America/New_York", weekdays.map { "\($0) 17:00" })
        try #require(opens.count == 5 && closes.count == 5)
        let end = now.addingTimeInterval(7 * 86400)
        var expected = [OncallGap(start: now, end: opens[0])]
        for i in 0..<4 { expected.append(OncallGap(start: closes[i], end: opens[i + 1])) }
        expected.append(OncallGap(start: closes[4], end: end))
        let st = s.status(at: now)
        #expect(st.now == nil)
        #expect(st.gaps == expected)
        // Shift 7 (Monday 9 March) is y's; its slot is the window only.
        #expect(st.next == OncallSlot(member: members[7 % 2], start: opens[0], end: closes[0], source: .shift(7)))

        // Inside a window: the slot is the window; next is the following weekday's window.
        let wed = O.instant("America/New_York", "2026-03-11 10:15")
        let st2 = s.status(at: wed)
        #expect(st2.now == OncallSlot(member: members[9 % 2], start: opens[2], end: closes[2], source: .shift(9)))
        #expect(st2.next == OncallSlot(member: members[10 % 2], start: opens[3], end: closes[3], source: .shift(10)))
        #expect(st2.gaps.first == OncallGap(start: closes[2], end: opens[3]))
    }

    @Test func windowCrossingMidnightBelongsToTheDayItStarts() throws {
        // Friday 22:00 until Saturday 02:00 only; a weekly shift.
        let r = F.rotation(zone: "America/New_York", start: "2026-06-01 00:00", shift: "1w", members: ["n"],
                           restrict: [("fri", "22:00-02:00")])
        let s = OncallSchedule(rotation: r, overrides: [])
        let t = O.instants("America/New_York", ["2026-06-05 22:00", "2026-06-06 02:00", "2026-06-06 01:00", "2026-06-06 22:30", "2026-06-05 01:00", "2026-06-12 22:00"])
        try #require(t.count == 6)
        #expect(s.slot(at: t[2]) == OncallSlot(member: "n", start: t[0], end: t[1], source: .shift(0)))
        #expect(s.cover(at: t[3]) == nil, "Saturday 22:30: the window belongs to Friday only")
        #expect(s.cover(at: t[4]) == nil, "Friday 01:00: Thursday has no window")
        #expect(s.status(at: t[3]).next?.start == t[5])
    }

    @Test func beforeItsStartNobodyIsOnCall() throws {
        let r = F.rotation(zone: "Europe/Berlin", start: "2026-06-01 09:00", shift: "1w", members: ["a", "b"])
        let s = OncallSchedule(rotation: r, overrides: [])
        let starts = O.instants("Europe/Berlin", ["2026-06-01 09:00", "2026-06-08 09:00"])
        try #require(starts.count == 2)
        let now = F.at("2026-05-29T12:00:00Z")
        let st = s.status(at: now)
        #expect(st.now == nil)
        #expect(st.gaps == [OncallGap(start: now, end: starts[0])])
        #expect(st.next == OncallSlot(member: "a", start: starts[0], end: starts[1], source: .shift(0)))
        // More than 366 days before the start: no next at all, and the whole week is a gap.
        let early = F.at("2025-05-01T00:00:00Z")
        let st2 = s.status(at: early)
        #expect(st2.next == nil)
        #expect(st2.gaps == [OncallGap(start: early, end: early.addingTimeInterval(7 * 86400))])
    }

    @Test func singleMemberRotationKeepsOneSlotPerShift() throws {
        let r = F.rotation(zone: "Asia/Kolkata", start: "2026-01-05 10:00", shift: "1d", members: ["solo"])
        let s = OncallSchedule(rotation: r, overrides: [])
        let starts = O.instants("Asia/Kolkata", ["2026-01-07 10:00", "2026-01-08 10:00", "2026-01-09 10:00"])
        try #require(starts.count == 3)
        let st = s.status(at: starts[0].addingTimeInterval(5 * 3600))
        // SPEC: a shift's slot ends at its shift's end, even when the same member is on call next.
        #expect(st.now == OncallSlot(member: "solo", start: starts[0], end: starts[1], source: .shift(2)))
        #expect(st.next == OncallSlot(member: "solo", start: starts[1], end: starts[2], source: .shift(3)))
        #expect(st.gaps.isEmpty)
    }

    @Test func overridesLaterInEventOrderWinAndSplitSlots() throws {
        let r = F.rotation(zone: "UTC", start: "2026-01-05 00:00", shift: "1d", members: ["a", "b"])
        let day = "2026-01-07T"
        let o1 = OncallOverride(rotation: "primary", member: "c", from: F.at(day + "10:00:00Z"), to: F.at(day + "20:00:00Z"), event: "e1", order: 0)
        let o2 = OncallOverride(rotation: "primary", member: "d", from: F.at(day + "12:00:00Z"), to: F.at(day + "14:00:00Z"), event: "e2", order: 1)
        let s = OncallSchedule(rotation: r, overrides: [o1, o2])
        #expect(s.slot(at: F.at(day + "09:00:00Z")) == OncallSlot(member: "a", start: F.at(day + "00:00:00Z"), end: o1.from, source: .shift(2)))
        #expect(s.slot(at: F.at(day + "11:00:00Z")) == OncallSlot(member: "c", start: o1.from, end: o2.from, source: .override("e1")))
        #expect(s.slot(at: F.at(day + "13:00:00Z")) == OncallSlot(member: "d", start: o2.from, end: o2.to, source: .override("e2")))
        #expect(s.slot(at: F.at(day + "15:00:00Z")) == OncallSlot(member: "c", start: o2.to, end: o1.to, source: .override("e1")))
        #expect(s.slot(at: F.at(day + "21:00:00Z")) == OncallSlot(member: "a", start: o1.to, end: F.at("2026-01-08T00:00:00Z"), source: .shift(2)))
        let st = s.status(at: F.at(day + "11:00:00Z"))
        #expect(st.now?.isOverride == true && st.next == OncallSlot(member: "d", start: o2.from, end: o2.to, source: .override("e2")))
        // In the other event order the wider override hides the narrow one completely.
        let swapped = OncallSchedule(rotation: r, overrides: [o2, o1])
        #expect(swapped.slot(at: F.at(day + "13:00:00Z")) == OncallSlot(member: "c", start: o1.from, end: o1.to, source: .override("e1")))
    }

    @Test func overrideFillsAGapAndNextFollowsIt() throws {
        let r = F.rotation(zone: "UTC", start: "2026-01-05 00:00", shift: "1d", members: ["a"], restrict: [("mon-fri", "09:00-17:00")])
        let o = OncallOverride(rotation: "primary", member: "z", from: F.at("2026-01-10T10:00:00Z"), to: F.at("2026-01-10T12:00:00Z"), event: "e", order: 0)
        let s = OncallSchedule(rotation: r, overrides: [o])
        let now = F.at("2026-01-09T18:00:00Z") // Friday evening
        let st = s.status(at: now)
        #expect(st.now == nil)
        #expect(st.next == OncallSlot(member: "z", start: o.from, end: o.to, source: .override("e")))
        #expect(st.gaps.prefix(2) == [OncallGap(start: now, end: o.from), OncallGap(start: o.to, end: F.at("2026-01-12T09:00:00Z"))])
    }
}
