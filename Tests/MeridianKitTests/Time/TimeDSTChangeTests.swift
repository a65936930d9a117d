import Foundation
import Testing
@testable import MeridianKit

/// DST warnings: the next change (within 14 days) of a member's offset from the viewer's, with
/// the instants and offsets taken from `zdump`.
@Suite("Time: DST warnings")
struct TimeDSTChangeTests {
    func transition(_ zone: String, year: Int, index: Int) -> (at: Int, before: Int, after: Int) {
        TimeOracle.transitions(zone, from: year, to: year)[index]
    }

    @Test("New York springs forward first: London is 4 h ahead, not 5, for three weeks of March 2026")
    func newYorkLondonMarch() {
        let us = transition("America/New_York", year: 2026, index: 0)
        let uk = transition("Europe/London", year: 2026, index: 0)
        let ny = Zone("America/New_York")!, lon = Zone("Europe/London")!
        let now = Date(timeIntervalSince1970: Double(us.at - 5 * 86400))
        let c = DSTChange.next(member: lon, viewer: ny, after: now)
        #expect(c.map { secs($0.at) } == us.at)
        #expect(c?.differenceBefore == 0 - us.before && c?.differenceAfter == 0 - us.after)
        #expect(c?.differenceBefore == 5 * 3600 && c?.differenceAfter == 4 * 3600)
        #expect(c?.message(now: now).contains("London is 4 h ahead of New York, not 5 h") == true)
        // During the four-hour weeks, the next change is London's, back to 5 h.
        let mid = Date(timeIntervalSince1970: Double(uk.at - 86400))
        let back = DSTChange.next(member: lon, viewer: ny, after: mid)
        #expect(back.map { secs($0.at) } == uk.at)
        #expect(back?.differenceAfter == uk.after - (-14400))
        // From London's side it reads the other way.
        #expect(DSTChange.next(member: ny, viewer: lon, after: now)?.message(now: now).contains("New York is 4 h behind London, not 5 h") == true)
    }

    @Test("autumn: Europe changes a week before the US; nothing within 14 days is null")
    func autumn() {
        let eu = transition("Europe/Berlin", year: 2026, index: 1)
        let us = transition("America/New_York", year: 2026, index: 1)
        let berlin = Zone("Europe/Berlin")!, ny = Zone("America/New_York")!
        let c = DSTChange.next(member: berlin, viewer: ny, after: Date(timeIntervalSince1970: Double(eu.at - 3600)))
        #expect(c.map { secs($0.at) } == eu.at)
        let later = DSTChange.next(member: berlin, viewer: ny, after: Date(timeIntervalSince1970: Double(eu.at)))
        #expect(later.map { secs($0.at) } == us.at)
        #expect(DSTChange.next(member: berlin, viewer: ny, after: at("2026-06-01T00:00:00Z")) == nil)
        // Zones that change together never warn.
        #expect(DSTChange.next(member: Zone("Europe/Paris")!, viewer: berlin, after: Date(timeIntervalSince1970: Double(eu.at - 3600))) == nil)
    }

    @Test("New York and Los Angeles switch hours apart on the same night: no warning for those hours")
    func sameNightSwitches() {
        let ny = transition("America/New_York", year: 2027, index: 0)
        let la = transition("America/Los_Angeles", year: 2027, index: 0)
        // zdump: the two switches are three hours apart, so the cities are 4 h apart only briefly.
        #expect(la.at - ny.at == 3 * 3600)
        let now = Date(timeIntervalSince1970: Double(ny.at - 9 * 86400))
        #expect(DSTChange.next(member: Zone("America/New_York")!, viewer: Zone("America/Los_Angeles")!, after: now) == nil)
        #expect(DSTChange.next(member: Zone("America/Los_Angeles")!, viewer: Zone("America/New_York")!, after: now) == nil)
        // Berlin against Los Angeles still warns, at Los Angeles' switch.
        let c = DSTChange.next(member: Zone("Europe/Berlin")!, viewer: Zone("America/Los_Angeles")!, after: now)
        #expect(c.map { secs($0.at) } == la.at)
    }

    @Test("Lord Howe's 30-minute change and Chatham's hour against Kathmandu's +05:45")
    func oddOffsets() {
        let lh = transition("Australia/Lord_Howe", year: 2026, index: 1)
        let c = DSTChange.next(member: Zone("Australia/Lord_Howe")!, viewer: Zone("Asia/Kathmandu")!,
                               after: Date(timeIntervalSince1970: Double(lh.at - 86400)))
        #expect(c.map { secs($0.at) } == lh.at)
        #expect(c.map { $0.differenceAfter - $0.differenceBefore } == lh.after - lh.before)
        #expect(lh.after - lh.before == 1800)
        let ch = transition("Pacific/Chatham", year: 2026, index: 0)
        let d = DSTChange.next(member: Zone("Pacific/Chatham")!, viewer: Zone("Asia/Kathmandu")!,
                               after: Date(timeIntervalSince1970: Double(ch.at - 10 * 86400)))
        #expect(d.map { secs($0.at) } == ch.at)
        #expect(d?.memberOffsetBefore == ch.before && d?.memberOffsetAfter == ch.after)
        #expect(d?.viewerOffsetBefore == 20700)
        #expect(DSTChange.next(member: Zone("Pacific/Chatham")!, viewer: Zone("Asia/Kathmandu")!,
                               after: Date(timeIntervalSince1970: Double(ch.at - 15 * 86400))) == nil)
    }
}
