import Foundation
import Testing
@testable import MeridianKit

/// Overlap of a viewer's day (SPEC §2), against a minute-by-minute count built from Python's
/// zoneinfo: segments tile the 23/24/25-hour day, are maximal, and `all` is where everyone is in.
@Suite("Time: overlap")
struct TimeOverlapTests {
    /// id → (zone, daily range) for a team spread over awkward zones.
    static let people: [(id: String, zone: String, start: String, end: String)] = [
        ("kol", "Asia/Kolkata", "22:00", "02:00"),
        ("lh", "Australia/Lord_Howe", "07:30", "15:30"),
        ("lon", "Europe/London", "08:00", "16:00"),
        ("ny", "America/New_York", "09:00", "17:00"),
    ]
    static let journal = [
        // lon is off on one date (inclusive, London time); ny's away status must not matter.
        "\"at\":\"2026-01-01T00:00:00Z\",\"by\":\"lon\",\"op\":\"timeoff.add\",\"from\":\"2026-11-02\",\"to\":\"2026-11-02\"",
        "\"at\":\"2026-01-01T00:00:00Z\",\"by\":\"ny\",\"op\":\"status.set\",\"text\":\"x\",\"kind\":\"ooo\"",
    ]

    static var snapshot: TeamSnapshot {
        TimeFixture(members: Dictionary(uniqueKeysWithValues: people.map { ($0.id, TimeFixture.everyDay($0.zone, "\($0.start)-\($0.end)")) }),
                    journal: journal).snapshot
    }

    /// Each person's working intervals around `date`, from the oracle (time off removed by hand).
    static func oracleIntervals(around date: LocalDate) -> [String: [(Int, Int)]] {
        var out: [String: [(Int, Int)]] = [:]
        for p in people {
            var walls: [String] = []
            for k in -2...2 {
                let d = date.adding(days: k)
                let crosses = p.end <= p.start
                walls += ["\(d)T\(p.start)", "\(crosses ? d.adding(days: 1) : d)T\(p.end)"]
            }
            let t = TimeOracle.instants(p.zone, walls)
            var list = stride(from: 0, to: t.count, by: 2).map { (t[$0], t[$0 + 1]) }
            if p.id == "lon" {
                let off = TimeOracle.instants(p.zone, ["2026-11-02T00:00", "2026-11-03T00:00"])
                list = list.flatMap { i -> [(Int, Int)] in
                    [(i.0, min(i.1, off[0])), (max(i.0, off[1]), i.1)].filter { $0.0 < $0.1 }
                }
            }
            out[p.id] = list
        }
        return out
    }

    /// Expected segments: runs of minutes with the same set of people in.
    static func expectedSegments(_ zone: String, _ date: LocalDate) -> [(Int, Int, [String])] {
        let bounds = TimeOracle.instants(zone, ["\(date)T00:00", "\(date.adding(days: 1))T00:00"])
        let plans = oracleIntervals(around: date)
        var out: [(Int, Int, [String])] = []
        var t = bounds[0]
        while t < bounds[1] {
            let inside = people.map(\.id).filter { id in plans[id]!.contains { $0.0 <= t && t < $0.1 } }
            if let last = out.last, last.2 == inside { out[out.count - 1].1 = t + 60 } else { out.append((t, t + 60, inside)) }
            t += 60
        }
        return out
    }

    @Test("segments tile the viewer's day and match a minute-by-minute count",
          arguments: [("America/New_York", "2026-03-08", 23 * 60), ("America/New_York", "2026-11-01", 25 * 60),
                      ("Europe/London", "2026-03-29", 23 * 60), ("Europe/London", "2026-10-25", 25 * 60),
                      ("Australia/Lord_Howe", "2026-10-04", 23 * 60 + 30), ("Asia/Kathmandu", "2026-11-02", 24 * 60),
                      ("Pacific/Chatham", "2026-09-27", 23 * 60)])
    func tiling(zone: String, date: String, minutes: Int) {
        let d = LocalDate(iso: date)!
        let day = Overlap.compute(snapshot: Self.snapshot, date: d, zone: Zone(zone)!)
        let expected = Self.expectedSegments(zone, d)
        #expect(day.segments.map { [secs($0.interval.start), secs($0.interval.end)] } == expected.map { [$0.0, $0.1] })
        #expect(day.segments.map(\.members) == expected.map(\.2))
        let total = day.segments.reduce(0) { $0 + secs($1.interval.end) - secs($1.interval.start) }
        #expect(total == minutes * 60 && total == expected.last!.1 - expected.first!.0)
        for (a, b) in zip(day.segments, day.segments.dropFirst()) {
            #expect(a.interval.end == b.interval.start)
            #expect(a.members != b.members)
        }
        // `all` for everyone: nobody-overlap is possible; check against the count.
        let everyone = expected.filter { $0.2.count == Self.people.count }.map { [$0.0, $0.1] }
        #expect(day.all.map { [secs($0.start), secs($0.end)] } == Self.join(everyone))
    }

    @Test("all for selected members, statuses ignored, time off counted")
    func selected() {
        let d = LocalDate(iso: "2026-11-02")!
        for zone in ["Europe/London", "America/New_York"] {
            let day = Overlap.compute(snapshot: Self.snapshot, date: d, zone: Zone(zone)!, members: ["ny", "kol", "nobody"])
            #expect(day.selected == ["kol", "ny"])
            let both = Self.expectedSegments(zone, d).filter { Set(["ny", "kol"]).isSubset(of: $0.2) }.map { [$0.0, $0.1] }
            #expect(day.all.map { [secs($0.start), secs($0.end)] } == Self.join(both))
            #expect(day.segments.contains { $0.members.contains("ny") })      // ny's ooo status does not count
            #expect(!day.segments.contains { $0.members.contains("lon") })    // lon is on time off all day
        }
        let lonOnly = Overlap.compute(snapshot: Self.snapshot, date: d, zone: Zone("Europe/London")!, members: ["lon"])
        #expect(lonOnly.all.isEmpty)
        let none = Overlap.compute(snapshot: Self.snapshot, date: d, zone: Zone("Europe/London")!, members: [])
        #expect(none.all.isEmpty)
    }

    @Test("Pacific/Apia: 2011-12-30 never happened; the day before lasts 24 h and ends at the skip")
    func apia() {
        let snap = TimeFixture(members: ["a": TimeFixture.everyDay("Pacific/Apia", "09:00-17:00")]).snapshot
        let apia = Zone("Pacific/Apia")!
        let skipped = Overlap.compute(snapshot: snap, date: LocalDate(iso: "2011-12-30")!, zone: apia)
        #expect(skipped.segments.isEmpty && skipped.all.isEmpty && skipped.day.isEmpty)
        let before = Overlap.compute(snapshot: snap, date: LocalDate(iso: "2011-12-29")!, zone: apia)
        let bounds = TimeOracle.instants("Pacific/Apia", ["2011-12-29T00:00", "2011-12-30T00:00", "2011-12-29T09:00", "2011-12-29T17:00"])
        #expect(secs(before.day.start) == bounds[0] && secs(before.day.end) == bounds[1])
        #expect(bounds[1] - bounds[0] == 86400)
        #expect(before.all.map { [secs($0.start), secs($0.end)] } == [[bounds[2], bounds[3]]])
        let after = Overlap.compute(snapshot: snap, date: LocalDate(iso: "2011-12-31")!, zone: apia)
        #expect(after.all.map { [secs($0.start), secs($0.end)] } == [TimeOracle.instants("Pacific/Apia", ["2011-12-31T09:00", "2011-12-31T17:00"])])
    }

    static func join(_ xs: [[Int]]) -> [[Int]] {
        var out: [[Int]] = []
        for x in xs { if let l = out.last, l[1] == x[0] { out[out.count - 1][1] = x[1] } else { out.append(x) } }
        return out
    }
}
