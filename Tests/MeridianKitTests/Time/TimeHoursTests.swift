import Foundation
import Testing
@testable import MeridianKit

/// Weekly hours laid out as instants, with every expected instant from Python's zoneinfo.
@Suite("Time: hours on the calendar")
struct TimeHoursTests {
    /// The instants `HoursCalendar` gives the ranges starting on `date`.
    func laid(_ zone: String, _ spec: String, on date: String) -> [[Int]] {
        let hours = try! WeeklyHours.parseSpec(spec).get()
        return HoursCalendar.intervals(hours, zone: Zone(zone)!, on: LocalDate(iso: date)!).map { [secs($0.start), secs($0.end)] }
    }

    func oracle(_ zone: String, _ pairs: [(String, String)]) -> [[Int]] {
        let flat = TimeOracle.instants(zone, pairs.flatMap { [$0.0, $0.1] })
        // A range whose start and end both fall in one gap resolve to the same instant: no time.
        return stride(from: 0, to: flat.count, by: 2).map { [flat[$0], flat[$0 + 1]] }.filter { $0[0] < $0[1] }
    }

    @Test("Kolkata Friday 22:00-02:00 runs into Saturday and belongs to Friday")
    func kolkataFriday() {
        #expect(laid("Asia/Kolkata", "fri 22:00-02:00", on: "2026-03-06") == oracle("Asia/Kolkata", [("2026-03-06T22:00", "2026-03-07T02:00")]))
        #expect(laid("Asia/Kolkata", "fri 22:00-02:00", on: "2026-03-07").isEmpty)
        // Seen from a Saturday window, Friday's range is still there.
        let hours = try! WeeklyHours.parseSpec("fri 22:00-02:00").get()
        let sat = HoursCalendar.intervals(hours, zone: Zone("Asia/Kolkata")!, in: HoursCalendar.day(LocalDate(iso: "2026-03-07")!, in: Zone("Asia/Kolkata")!))
        #expect(sat.map { [secs($0.start), secs($0.end)] } == oracle("Asia/Kolkata", [("2026-03-07T00:00", "2026-03-07T02:00")]))
    }

    @Test("a range starting inside the spring gap starts at the wall time moved forward")
    func startInGap() {
        let got = laid("America/New_York", "sun 02:30-04:00", on: "2026-03-08")
        #expect(got == oracle("America/New_York", [("2026-03-08T02:30", "2026-03-08T04:00")]))
        #expect(got.first.map { $0[1] - $0[0] } == 1800)  // 03:30 EDT to 04:00 EDT
        #expect(got.first?[0] == TimeOracle.instants("America/New_York", ["2026-03-08T03:30"])[0])
    }

    @Test("a range starting in the repeated hour starts at its first occurrence")
    func startInRepeat() {
        let got = laid("America/New_York", "sun 01:30-03:00", on: "2026-11-01")
        #expect(got == oracle("America/New_York", [("2026-11-01T01:30", "2026-11-01T03:00")]))
        #expect(got.first.map { $0[1] - $0[0] } == 9000)  // 2 h 30 min of elapsed time
        let london = laid("Europe/London", "sun 01:15-01:45", on: "2026-10-25")
        #expect(london == oracle("Europe/London", [("2026-10-25T01:15", "2026-10-25T01:45")]))
    }

    @Test("Lord Howe's 30-minute shift and Chatham's 02:45 change")
    func halfHourZones() {
        #expect(laid("Australia/Lord_Howe", "sun 01:00-03:00", on: "2026-10-04")
            == oracle("Australia/Lord_Howe", [("2026-10-04T01:00", "2026-10-04T03:00")]))
        #expect(laid("Australia/Lord_Howe", "sun 02:10-02:40", on: "2026-10-04")
            == oracle("Australia/Lord_Howe", [("2026-10-04T02:10", "2026-10-04T02:40")]))
        #expect(laid("Australia/Lord_Howe", "sun 02:10-02:50", on: "2026-10-04")
            == oracle("Australia/Lord_Howe", [("2026-10-04T02:10", "2026-10-04T02:50")]))
        #expect(laid("Australia/Lord_Howe", "sun 01:40-02:20", on: "2026-04-05")
            == oracle("Australia/Lord_Howe", [("2026-04-05T01:40", "2026-04-05T02:20")]))
        #expect(laid("Pacific/Chatham", "sun 02:00-04:00", on: "2026-09-27")
            == oracle("Pacific/Chatham", [("2026-09-27T02:00", "2026-09-27T04:00")]))
        #expect(laid("Pacific/Chatham", "sun 03:00-04:00", on: "2026-04-05")
            == oracle("Pacific/Chatham", [("2026-04-05T03:00", "2026-04-05T04:00")]))
    }

    @Test("00:00-24:00 is the whole day, 23 or 25 hours on DST days")
    func wholeDay() {
        for d in ["2026-03-08", "2026-11-01", "2026-06-10"] {
            let next = LocalDate(iso: d)!.adding(days: 1).description
            #expect(laid("America/New_York", "mon-sun 00:00-24:00", on: d) == oracle("America/New_York", [("\(d)T00:00", "\(next)T00:00")]))
        }
    }

    @Test("several ranges a day; touching ranges of consecutive days join")
    func joined() {
        let zone = Zone("Asia/Kathmandu")!
        let hours = try! WeeklyHours.parseSpec("mon 09:00-12:00,13:00-18:00; mon 22:00-00:00; tue 00:00-02:00").get()
        let window = InstantInterval(start: at("2026-03-01T00:00:00Z"), end: at("2026-03-04T00:00:00Z"))
        let got = HoursCalendar.intervals(hours, zone: zone, in: window).map { [secs($0.start), secs($0.end)] }
        #expect(got == oracle("Asia/Kathmandu", [("2026-03-02T09:00", "2026-03-02T12:00"), ("2026-03-02T13:00", "2026-03-02T18:00"),
                                                  ("2026-03-02T22:00", "2026-03-03T02:00")]))
    }

    @Test("Apia: no hours on the skipped Friday 2011-12-30; Thursday's late range runs into Saturday")
    func apia() {
        #expect(laid("Pacific/Apia", "fri 09:00-17:00", on: "2011-12-30").isEmpty)
        #expect(laid("Pacific/Apia", "fri 09:00-17:00", on: "2011-12-23") == oracle("Pacific/Apia", [("2011-12-23T09:00", "2011-12-23T17:00")]))
        let thu = laid("Pacific/Apia", "thu 22:00-02:00", on: "2011-12-29")
        #expect(thu == oracle("Pacific/Apia", [("2011-12-29T22:00", "2011-12-31T02:00")]))
        #expect(thu.first.map { $0[1] - $0[0] } == 4 * 3600)
    }
}
