import Foundation
import Testing
@testable import MeridianKit

/// SPEC §2 availability precedence, time off, statuses and `next_change`.
@Suite("Time: availability and next_change")
struct TimeAvailabilityTests {
    // Priya: Kolkata, Mon–Fri 09:00-17:00.
    static let weekdays = TimeFixture.member("Asia/Kolkata", ["mon": "09:00-17:00", "tue": "09:00-17:00", "wed": "09:00-17:00",
                                                             "thu": "09:00-17:00", "fri": "09:00-17:00"])
    func kolkata(_ wall: String) -> Date { TimeOracle.instant("Asia/Kolkata", wall) }

    func state(_ journal: [String], at now: Date, members: [String: String] = ["priya": weekdays]) -> MemberAvailability {
        let snap = TimeFixture(members: members, journal: journal).snapshot
        return Availability.of(member: snap.member("priya")!, snapshot: snap, at: now)
    }

    @Test("inside hours working, outside off_hours, with next_change at the hour edges")
    func plainHours() {
        let w = state([], at: kolkata("2026-03-10T10:00"))   // a Tuesday
        #expect(w.availability == .working)
        #expect(w.nextChange == kolkata("2026-03-10T17:00"))
        let o = state([], at: kolkata("2026-03-13T18:00"))   // Friday evening: next is Monday 09:00
        #expect(o.availability == .offHours)
        #expect(o.nextChange == kolkata("2026-03-16T09:00"))
        #expect(o.utcOffset == TimeOracle.locals("Asia/Kolkata", [secs(o.member.zone.instant(o.localTime))])[0].offset)
    }

    @Test("status kinds: away and ooo make hours away, focus and online stay working, outside hours is off_hours")
    func statusKinds() {
        for (kind, expected) in [("away", AvailabilityKind.away), ("ooo", .away), ("focus", .working), ("online", .working)] {
            let ev = "\"at\":\"2026-03-10T00:00:00Z\",\"by\":\"priya\",\"op\":\"status.set\",\"text\":\"t\",\"kind\":\"\(kind)\""
            let inside = state([ev], at: kolkata("2026-03-10T11:00"))
            #expect(inside.availability == expected, "\(kind)")
            #expect(inside.status?.kind.rawValue == kind)
            #expect(state([ev], at: kolkata("2026-03-10T20:00")).availability == .offHours, "\(kind) outside hours")
        }
    }

    @Test("time off wins over hours and statuses; dates are inclusive in the member's zone")
    func timeOffWins() {
        let off = "\"at\":\"2026-03-01T00:00:00Z\",\"by\":\"priya\",\"op\":\"timeoff.add\",\"from\":\"2026-03-10\",\"to\":\"2026-03-11\""
        let away = "\"at\":\"2026-03-01T00:00:01Z\",\"by\":\"priya\",\"op\":\"status.set\",\"text\":\"x\",\"kind\":\"away\""
        #expect(state([off, away], at: kolkata("2026-03-10T11:00")).availability == .timeOff)
        #expect(state([off], at: kolkata("2026-03-10T00:00")).availability == .timeOff)
        #expect(state([off], at: kolkata("2026-03-11T23:59")).availability == .timeOff)
        #expect(state([off], at: kolkata("2026-03-09T23:59")).availability == .offHours)
        #expect(state([off], at: kolkata("2026-03-12T00:00")).availability == .offHours)
        // Off from Monday 23:00 → time off from Tuesday 00:00 Kolkata, ends Thursday 00:00; Thursday 09:00 is working.
        let s = state([off], at: kolkata("2026-03-09T23:00"))
        #expect(s.nextChange == kolkata("2026-03-10T00:00"))
        #expect(state([off], at: kolkata("2026-03-10T12:00")).nextChange == kolkata("2026-03-12T00:00"))
    }

    @Test("time off by instants is [from, to); a cancel by its writer removes it, by anyone else does not")
    func instantsAndCancel() {
        let off = "\"at\":\"2026-03-01T00:00:00Z\",\"by\":\"priya\",\"op\":\"timeoff.add\",\"from\":\"2026-03-10T06:00:00Z\",\"to\":\"2026-03-10T08:00:00Z\""
        #expect(state([off], at: at("2026-03-10T06:00:00Z")).availability == .timeOff)
        #expect(state([off], at: at("2026-03-10T07:00:00Z")).nextChange == at("2026-03-10T08:00:00Z"))
        #expect(state([off], at: at("2026-03-10T08:00:00Z")).availability == .working)
        let mine = "\"at\":\"2026-03-02T00:00:00Z\",\"by\":\"priya\",\"op\":\"timeoff.cancel\",\"ref\":\"e1\""
        let theirs = "\"at\":\"2026-03-02T00:00:00Z\",\"by\":\"bob\",\"op\":\"timeoff.cancel\",\"ref\":\"e1\""
        #expect(state([off, mine], at: at("2026-03-10T07:00:00Z")).availability == .working)
        #expect(state([off, theirs], at: at("2026-03-10T07:00:00Z")).availability == .timeOff)
    }

    @Test("status until, expiry and clear drive next_change only inside hours")
    func statusEdges() {
        let away = "\"at\":\"2026-03-10T04:00:00Z\",\"by\":\"priya\",\"op\":\"status.set\",\"text\":\"dentist\",\"kind\":\"away\",\"until\":\"2026-03-10T06:00:00Z\""
        let s = state([away], at: at("2026-03-10T05:00:00Z"))   // 10:30 in Kolkata
        #expect(s.availability == .away)
        #expect(s.status?.until == at("2026-03-10T06:00:00Z"))
        #expect(s.nextChange == at("2026-03-10T06:00:00Z"))
        #expect(state([away], at: at("2026-03-10T06:00:00Z")).status == nil)
        let clear = "\"at\":\"2026-03-10T05:30:00Z\",\"by\":\"priya\",\"op\":\"status.clear\""
        #expect(state([away, clear], at: at("2026-03-10T05:00:00Z")).nextChange == at("2026-03-10T05:30:00Z"))
        // A status ending at night changes nothing: next change is the morning.
        let night = "\"at\":\"2026-03-10T13:00:00Z\",\"by\":\"priya\",\"op\":\"status.set\",\"text\":\"zz\",\"kind\":\"away\",\"until\":\"2026-03-10T20:00:00Z\""
        #expect(state([night], at: at("2026-03-10T14:00:00Z")).nextChange == kolkata("2026-03-11T09:00"))
    }

    @Test("next_change is null when nothing can change, and found far ahead when something does")
    func nullAndFar() {
        let none = TimeFixture.member("Europe/Berlin", [:])
        #expect(state([], at: at("2026-03-10T05:00:00Z"), members: ["priya": none]).nextChange == nil)
        #expect(state([], at: at("2026-03-10T05:00:00Z"), members: ["priya": none]).availability == .offHours)
        let off = "\"at\":\"2026-03-01T00:00:00Z\",\"by\":\"priya\",\"op\":\"timeoff.add\",\"from\":\"2026-09-01\",\"to\":\"2026-09-02\""
        #expect(state([off], at: at("2026-03-10T05:00:00Z"), members: ["priya": none]).nextChange
            == TimeOracle.instant("Europe/Berlin", "2026-09-01T00:00"))
        let always = TimeFixture.everyDay("Europe/Berlin", "00:00-24:00")
        let s = state([off], at: at("2026-03-10T05:00:00Z"), members: ["priya": always])
        #expect(s.availability == .working)
        #expect(s.nextChange == TimeOracle.instant("Europe/Berlin", "2026-09-01T00:00"))
        #expect(state([], at: at("2026-03-10T05:00:00Z"), members: ["priya": always]).nextChange == nil)
    }

    @Test("a Friday 22:00-02:00 range: working after Saturday midnight, off at 02:00")
    func overnight() {
        let m = TimeFixture.member("Asia/Kolkata", ["fri": "22:00-02:00"])
        let s = state([], at: kolkata("2026-03-07T01:00"), members: ["priya": m])
        #expect(s.availability == .working)
        #expect(s.nextChange == kolkata("2026-03-07T02:00"))
        #expect(state([], at: kolkata("2026-03-07T02:00"), members: ["priya": m]).nextChange == kolkata("2026-03-13T22:00"))
    }

    @Test("timeline tiles a window and agrees with availability at every quarter hour")
    func timeline() {
        let away = "\"at\":\"2026-03-10T04:00:00Z\",\"by\":\"priya\",\"op\":\"status.set\",\"text\":\"x\",\"kind\":\"ooo\",\"until\":\"2026-03-11T06:10:00Z\""
        let off = "\"at\":\"2026-03-01T00:00:00Z\",\"by\":\"priya\",\"op\":\"timeoff.add\",\"from\":\"2026-03-12\",\"to\":\"2026-03-12\""
        let snap = TimeFixture(members: ["priya": Self.weekdays], journal: [away, off]).snapshot
        let cal = MemberCalendar(member: snap.member("priya")!, presence: snap.presence)
        let window = InstantInterval(start: at("2026-03-09T00:00:00Z"), end: at("2026-03-14T00:00:00Z"))
        let segs = cal.timeline(in: window)
        #expect(segs.first?.interval.start == window.start)
        #expect(segs.last?.interval.end == window.end)
        for (a, b) in zip(segs, segs.dropFirst()) {
            #expect(a.interval.end == b.interval.start)
            #expect(a.availability != b.availability)
        }
        var t = window.start
        while t < window.end {
            let seg = segs.first { $0.interval.contains(t) }
            #expect(seg?.availability == cal.availability(at: t), "\(Instant.format(t))")
            t = t.addingTimeInterval(900)
        }
        #expect(segs.map(\.availability).contains(.away) && segs.map(\.availability).contains(.timeOff))
    }
}
