import Foundation
import Testing
@testable import MeridianKit

/// `Zone` (offsets, wall → instant with SPEC's gap and repeat rules, offset changes) checked
/// against Python's zoneinfo and `zdump` around every transition of 2025–2028.
@Suite("Time: Zone against zdump and zoneinfo")
struct TimeZoneOracleTests {
    static let zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu",
                        "Pacific/Chatham", "Asia/Kolkata", "Europe/Berlin", "Australia/Sydney",
                        "America/St_Johns", "Africa/Casablanca", "Antarctica/Troll", "America/Sao_Paulo"]

    @Test("zdump lists the transitions the tests rely on")
    func oracleSanity() {
        let ny = TimeOracle.transitions("America/New_York", from: 2026, to: 2026)
        #expect(ny.count == 2)
        #expect(ny.first.map { ($0.before, $0.after) } ?? (0, 0) == (-18000, -14400))
        #expect(TimeOracle.transitions("Asia/Kathmandu", from: 2025, to: 2028).isEmpty)
    }

    @Test("offsets and local times agree around every transition", arguments: zones)
    func offsets(zone name: String) {
        let zone = Zone(name)!
        var probes: [Int] = [TimeOracle.naive("2026-01-15T12:00"), TimeOracle.naive("2026-07-15T12:00")]
        for t in TimeOracle.transitions(name, from: 2025, to: 2028) {
            probes += [t.at - 1, t.at, t.at + 1, t.at - 1800, t.at + 1800]
        }
        let expected = TimeOracle.locals(name, probes)
        for (p, e) in zip(probes, expected) {
            let d = Date(timeIntervalSince1970: Double(p))
            #expect(zone.offset(at: d) == e.offset, "\(name) at \(p)")
            #expect(zone.local(d).description == e.wall, "\(name) at \(p)")
        }
    }

    @Test("wall → instant: gaps move forward, repeats mean the first occurrence", arguments: zones)
    func wallToInstant(zone name: String) {
        let zone = Zone(name)!
        var walls: [String] = ["2026-01-15T09:00", "2026-07-15T23:59"]
        for t in TimeOracle.transitions(name, from: 2025, to: 2028) {
            // Every quarter hour for three hours either side of the transition's wall time.
            let wallBefore = t.at + t.before
            for k in stride(from: -12 * 900, through: 12 * 900, by: 900) { walls.append(TimeOracle.wall(naive: wallBefore + k)) }
        }
        let expected = TimeOracle.instants(name, walls)
        for (w, e) in zip(walls, expected) {
            let ldt = LocalDateTime(naiveSeconds: TimeOracle.naive(w))
            #expect(secs(zone.instant(ldt)) == e, "\(name) \(w)")
        }
    }

    @Test("offsetChanges finds exactly zdump's transitions", arguments: zones + ["Pacific/Apia"])
    func changes(zone name: String) {
        let zone = Zone(name)!
        let (from, to) = name == "Pacific/Apia" ? (2011, 2012) : (2025, 2028)
        let window = InstantInterval(start: at("\(from)-01-01T00:00:00Z"), end: at("\(to + 1)-01-01T00:00:00Z"))
        let found = zone.offsetChanges(in: window).map(secs)
        let expected = TimeOracle.transitions(name, from: from, to: to).map(\.at).filter { $0 < secs(window.end) }
        #expect(found == expected)
    }

    @Test("Pacific/Apia skipped 2011-12-30: its midnight is the next day's")
    func apiaSkippedDay() {
        let apia = Zone("Pacific/Apia")!
        let d30 = LocalDate(year: 2011, month: 12, day: 30)
        #expect(secs(apia.startOfDay(d30)) == TimeOracle.instants("Pacific/Apia", ["2011-12-30T00:00"])[0])
        #expect(apia.startOfDay(d30) == apia.startOfDay(d30.adding(days: 1)))
        #expect(HoursCalendar.dayExists(d30, in: apia) == false)
        #expect(HoursCalendar.dayExists(d30.adding(days: -1), in: apia))
    }
}
