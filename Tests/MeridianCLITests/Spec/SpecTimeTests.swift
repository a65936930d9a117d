import Foundation
import Testing

/// SPEC §1 members/rotations and §2 time rules, with instants from Python's zoneinfo.
@Suite struct SpecTimeTests {
    static let week = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static func everyDay(_ range: String) -> [String: String] { Dictionary(uniqueKeysWithValues: week.map { ($0, range) }) }

    func availability(_ t: SpecTeam, _ m: String, _ now: String) -> String? { t.status(now: now).member(m)?["availability"] as? String }

    // All zones are IANA names; an unknown name is a problem, not a crash.
    @Test func unknownZonesAreProblemsNotCrashes() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob", zone: "Europe/Atlantis")
        t.write("oncall/r.toml", "name = \"R\"\ntimezone = \"Moon/Base\"\nstart = \"2026-11-02 09:00\"\nshift = \"1d\"\nmembers = [\"ann\"]\n")
        let r = t.run(["status", "--json"])
        #expect(r.code == 0)
        let s = SpecStatus(r.json)
        #expect(s.memberIDs == ["ann"])
        #expect(!s.problems(in: "members/bob.toml").isEmpty)
        #expect(!s.problems(in: "oncall/r.toml").isEmpty)
        // An unknown viewer zone in $TZ does not crash either.
        #expect(t.run(["status", "--json"], env: ["TZ": "Nowhere/Special"]).code == 0)
    }

    // members/<member>.toml: hours as a string or a list; a missing day is not working.
    @Test func hoursStringListAndMissingDay() {
        let t = SpecTeam()
        // 2026-11-25 is a Wednesday, 2026-11-26 a Thursday.
        t.member("ann", hours: ["wed": "[\"09:30-13:00\", \"14:00-18:00\"]", "thu": "\"09:30-18:00\""])
        #expect(availability(t, "ann", "2026-11-25T09:29:59Z") == "off_hours")
        #expect(availability(t, "ann", "2026-11-25T09:30:00Z") == "working")
        #expect(availability(t, "ann", "2026-11-25T12:59:59Z") == "working")
        #expect(availability(t, "ann", "2026-11-25T13:30:00Z") == "off_hours")
        #expect(availability(t, "ann", "2026-11-25T14:00:00Z") == "working")
        #expect(availability(t, "ann", "2026-11-25T18:00:00Z") == "off_hours")
        #expect(availability(t, "ann", "2026-11-26T17:59:00Z") == "working")
        #expect(availability(t, "ann", "2026-11-27T12:00:00Z") == "off_hours", "friday is missing")
    }

    // end <= start crosses midnight; a range belongs to the day it starts on; 00:00-24:00 is a whole day.
    @Test func rangesAcrossMidnightBelongToTheirStartDay() {
        let t = SpecTeam()
        t.member("ann", zone: "Asia/Kolkata", hours: ["fri": "\"22:00-02:00\"", "sun": "\"00:00-24:00\""])
        // Friday 2026-11-27 22:00 IST → Saturday 02:00 IST.
        let start = oracleInstant("Asia/Kolkata", "2026-11-27T22:00"), end = oracleInstant("Asia/Kolkata", "2026-11-28T02:00")
        let s = TimeCLI.seconds(start), e = TimeCLI.seconds(end)
        #expect(availability(t, "ann", TimeCLI.iso(s - 1)) == "off_hours")
        #expect(availability(t, "ann", start) == "working")
        #expect(availability(t, "ann", TimeCLI.iso(e - 1)) == "working", "saturday 01:59 belongs to friday's range")
        #expect(availability(t, "ann", end) == "off_hours")
        // Thursday night 00:00-02:00 (the early hours of Friday) is not working: the range starts on Friday.
        #expect(availability(t, "ann", oracleInstant("Asia/Kolkata", "2026-11-27T01:00")) == "off_hours")
        // Sunday 00:00-24:00: the whole day.
        #expect(availability(t, "ann", oracleInstant("Asia/Kolkata", "2026-11-29T00:00")) == "working")
        #expect(availability(t, "ann", oracleInstant("Asia/Kolkata", "2026-11-29T23:59")) == "working")
        #expect(availability(t, "ann", oracleInstant("Asia/Kolkata", "2026-11-30T00:00")) == "off_hours")
    }

    // utc_offset and local_time in the member's offset, for odd offsets on both sides of UTC (oracle: zoneinfo).
    @Test func offsetsAndLocalTimesInManyZones() {
        let zones = ["UTC", "Asia/Kathmandu", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "Australia/Lord_Howe",
                     "Pacific/Kiritimati", "Pacific/Marquesas", "America/Los_Angeles", "Europe/Berlin"]
        let t = SpecTeam()
        for (i, z) in zones.enumerated() { t.member("m\(i)", zone: z) }
        for now in ["2026-11-25T10:00:00Z", "2026-07-01T23:30:00Z", "2026-03-08T07:15:00Z"] {
            let s = t.status(now: now)
            let answers = TimeCLI.oracle(zones.map { "o \($0) \(TimeCLI.seconds(now))" })
            for (i, z) in zones.enumerated() {
                let parts = answers.count > i ? answers[i].split(separator: " ").map(String.init) : []
                let m = s.member("m\(i)")
                #expect(m?["utc_offset"] as? String == parts.first, "\(z) at \(now)")
                #expect(m?["local_time"] as? String == parts.last, "\(z) at \(now)")
            }
        }
    }

    // Availability that never changes has no next change.
    @Test func nextChangeIsNullWhenNothingChanges() {
        let t = SpecTeam()
        t.member("ann", hours: Self.everyDay("\"00:00-24:00\""))
        t.member("bob", zone: "America/St_Johns", hours: ["fri": "\"22:00-02:00\"", "sat": "\"02:00-10:00\""])
        t.member("cy")
        let s = t.status(now: "2026-11-28T03:00:00Z")
        #expect(s.member("ann")?["availability"] as? String == "working")
        #expect(isNull(s.member("ann")?["next_change"]))
        #expect(isNull(s.member("cy")?["next_change"]))
        // bob's Friday night range runs into Saturday's at 02:00 without a change.
        #expect(s.member("bob")?["next_change"] as? String == oracleInstant("America/St_Johns", "2026-11-28T10:00"))
    }

    // Equal start and end is an error.
    @Test func equalStartAndEndIsAProblem() {
        let t = SpecTeam()
        t.member("ann", hours: ["mon": "\"09:00-09:00\""])
        t.member("bob", hours: ["mon": "\"25:00-26:00\""])
        let s = t.status()
        #expect(s.problems(in: "members/ann.toml").first?.line == 4)
        #expect(!s.problems(in: "members/bob.toml").isEmpty)
        #expect(t.run(["check"]).code == 1)
    }

    // A wall time in a DST gap moves forward by the gap's length (02:30 → 03:30).
    @Test func wallTimeInAGapMovesForward() {
        let t = SpecTeam()
        // 2026-03-08 is the US spring-forward Sunday: 02:00-03:00 does not exist in New York.
        t.member("ann", zone: "America/New_York", hours: ["sun": "\"02:30-05:00\""])
        let start = oracleInstant("America/New_York", "2026-03-08T02:30")
        #expect(oracleLocal("America/New_York", start) == "2026-03-08T03:30:00-04:00")
        let s = TimeCLI.seconds(start)
        #expect(availability(t, "ann", TimeCLI.iso(s - 1)) == "off_hours")
        #expect(availability(t, "ann", start) == "working")
        #expect(t.status(now: TimeCLI.iso(s - 60)).member("ann")?["next_change"] as? String == start)
    }

    // A wall time that occurs twice means its first occurrence.
    @Test func repeatedWallTimeMeansTheFirstOccurrence() {
        let t = SpecTeam()
        // 2026-11-01: New York falls back at 02:00 EDT to 01:00 EST; 01:30 happens twice.
        t.member("ann", zone: "America/New_York", hours: ["sun": "\"01:30-01:45\""])
        let first = oracleInstant("America/New_York", "2026-11-01T01:30")
        #expect(first == "2026-11-01T05:30:00Z")
        #expect(availability(t, "ann", "2026-11-01T05:35:00Z") == "working")
        #expect(availability(t, "ann", "2026-11-01T06:35:00Z") == "off_hours", "the second 01:35 is outside")
    }

    // Availability: time_off wins; away only inside hours; focus is still working.
    @Test func availabilityPrecedence() {
        let t = SpecTeam()
        t.member("ann", hours: ["wed": "\"09:00-17:00\""])
        func at(_ lines: [String], _ now: String) -> String? {
            let x = SpecTeam()
            x.member("ann", hours: ["wed": "\"09:00-17:00\""])
            x.journal("journal/ann/x.jsonl", lines)
            return availability(x, "ann", now)
        }
        let focus = ev("s1", lc: 1, by: "ann", "status.set", at: "2026-11-25T06:00:00Z", "\"text\":\"deep\",\"kind\":\"focus\"")
        let away = ev("s1", lc: 1, by: "ann", "status.set", at: "2026-11-25T06:00:00Z", "\"text\":\"out\",\"kind\":\"away\"")
        let ooo = ev("s1", lc: 1, by: "ann", "status.set", at: "2026-11-25T06:00:00Z", "\"text\":\"sick\",\"kind\":\"ooo\"")
        let online = ev("s1", lc: 1, by: "ann", "status.set", at: "2026-11-25T06:00:00Z", "\"text\":\"here\",\"kind\":\"online\"")
        let off = ev("t1", lc: 2, by: "ann", "timeoff.add", "\"from\":\"2026-11-25\",\"to\":\"2026-11-25\"")
        #expect(at([], "2026-11-25T10:00:00Z") == "working")
        #expect(at([focus], "2026-11-25T10:00:00Z") == "working")
        #expect(at([online], "2026-11-25T10:00:00Z") == "working")
        #expect(at([away], "2026-11-25T10:00:00Z") == "away")
        #expect(at([ooo], "2026-11-25T10:00:00Z") == "away")
        #expect(at([away], "2026-11-25T18:00:00Z") == "off_hours", "away applies only inside hours")
        #expect(at([online], "2026-11-25T08:00:00Z") == "off_hours", "a status does not make hours")
        #expect(at([away, off], "2026-11-25T10:00:00Z") == "time_off")
        #expect(at([off], "2026-11-25T20:00:00Z") == "time_off", "time_off wins over off_hours too")
        #expect(availability(t, "ann", "2026-11-25T10:00:00Z") == "working")
    }

    // next_change is the next instant at which the availability changes.
    @Test func nextChange() {
        let t = SpecTeam()
        t.member("ann", hours: ["wed": "\"09:00-17:00\"", "thu": "\"09:00-17:00\""])
        func next(_ now: String) -> String? { t.status(now: now).member("ann")?["next_change"] as? String }
        #expect(next("2026-11-25T10:00:00Z") == "2026-11-25T17:00:00Z")
        #expect(next("2026-11-25T17:00:00Z") == "2026-11-26T09:00:00Z")
        t.journal("journal/ann/x.jsonl", [ev("s1", lc: 1, by: "ann", "status.set", at: "2026-11-25T09:30:00Z",
                                             "\"text\":\"lunch\",\"kind\":\"away\",\"until\":\"2026-11-25T12:00:00Z\"")])
        #expect(next("2026-11-25T10:00:00Z") == "2026-11-25T12:00:00Z")
        t.journal("journal/ann/x.jsonl", [ev("t1", lc: 2, by: "ann", "timeoff.add", "\"from\":\"2026-11-25T13:00:00Z\",\"to\":\"2026-11-25T14:00:00Z\"")])
        #expect(next("2026-11-25T12:30:00Z") == "2026-11-25T13:00:00Z")
        #expect(next("2026-11-25T13:30:00Z") == "2026-11-25T14:00:00Z")
        // A focus status that ends does not change availability: no change at its until.
        let f = SpecTeam()
        f.member("ann", hours: ["wed": "\"09:00-17:00\""])
        f.journal("journal/ann/x.jsonl", [ev("s1", lc: 1, by: "ann", "status.set", at: "2026-11-25T09:30:00Z",
                                             "\"text\":\"deep\",\"kind\":\"focus\",\"until\":\"2026-11-25T12:00:00Z\"")])
        #expect(f.status(now: "2026-11-25T10:00:00Z").member("ann")?["next_change"] as? String == "2026-11-25T17:00:00Z")
    }

    // Stale claim: a held task whose latest event (by `at`, any op naming it) is stale_claim_days × 24 h or more before now.
    @Test func staleClaims() {
        let t = SpecTeam("name = \"S\"\n[board]\nstale_claim_days = 2\n")
        t.member("ann")
        t.journal("journal/ann/x.jsonl", [
            ev("c1", lc: 1, by: "ann", "task.create", at: "2026-11-20T10:00:00Z", "\"task\":\"HELD\",\"title\":\"h\""),
            ev("c2", lc: 2, by: "ann", "task.claim", at: "2026-11-23T10:00:00Z", "\"task\":\"HELD\""),
            // A higher lc with an older `at` does not refresh the task: `at` decides here.
            ev("c3", lc: 3, by: "ann", "task.comment", at: "2026-11-01T10:00:00Z", "\"task\":\"HELD\",\"text\":\"old\""),
            ev("c4", lc: 4, by: "ann", "task.create", at: "2026-11-01T10:00:00Z", "\"task\":\"FREE\",\"title\":\"f\""),
        ])
        func stale(_ id: String, _ now: String) -> Bool? { t.status(now: now).task(id)?["stale"] as? Bool }
        #expect(stale("HELD", "2026-11-25T09:59:59Z") == false)
        #expect(stale("HELD", "2026-11-25T10:00:00Z") == true, "exactly 48 hours is stale")
        #expect(stale("FREE", "2026-11-25T10:00:00Z") == false, "only held tasks are stale")
        // Any op naming the task refreshes it.
        t.journal("journal/ann/x.jsonl", [ev("c5", lc: 5, by: "ann", "task.comment", at: "2026-11-24T10:00:00Z", "\"task\":\"HELD\",\"text\":\"still on it\"")])
        #expect(stale("HELD", "2026-11-25T10:00:00Z") == false)
        #expect(stale("HELD", "2026-11-26T10:00:00Z") == true)
    }

    // stale_claim_days is optional: without it no claim is stale (our reading of SPEC).
    @Test func noStaleClaimDaysMeansNeverStale() {
        let t = SpecTeam()
        t.member("ann")
        t.journal("journal/ann/x.jsonl", [ev("c1", lc: 1, by: "ann", "task.create", at: "2025-01-01T00:00:00Z", "\"task\":\"T1\",\"title\":\"t\""),
                                          ev("c2", lc: 2, by: "ann", "task.claim", at: "2025-01-01T00:00:00Z", "\"task\":\"T1\"")])
        #expect(t.status().task("T1")?["stale"] as? Bool == false)
    }

    // Overlap for a date D in the viewer's zone covers [D 00:00, D+1 00:00) there (23 hours here); plans only.
    @Test func overlapOnA23HourDay() {
        let t = SpecTeam()
        t.member("ann", hours: Self.everyDay("\"12:00-20:00\""))
        t.member("bob", zone: "America/New_York", hours: ["sun": "\"10:00-14:00\""])
        // bob's status doesn't count; ann's time off does.
        t.journal("journal/bob/x.jsonl", [ev("s1", lc: 1, by: "bob", "status.set", at: "2026-03-08T00:00:00Z", "\"text\":\"away\",\"kind\":\"ooo\"")])
        t.journal("journal/ann/x.jsonl", [ev("t1", lc: 2, by: "ann", "timeoff.add", "\"from\":\"2026-03-08T15:00:00Z\",\"to\":\"2026-03-08T16:00:00Z\"")])
        let ny = "America/New_York"
        let d0 = oracleInstant(ny, "2026-03-08T00:00"), d1 = oracleInstant(ny, "2026-03-09T00:00")
        #expect(TimeCLI.seconds(d1) - TimeCLI.seconds(d0) == 23 * 3600)
        let b0 = oracleInstant(ny, "2026-03-08T10:00"), b1 = oracleInstant(ny, "2026-03-08T14:00")
        let o = t.status(now: "2026-03-08T12:00:00Z", ["--date", "2026-03-08"], env: ["TZ": ny]).overlap
        #expect(o["date"] as? String == "2026-03-08")
        #expect(o["timezone"] as? String == ny)
        let segs = (o["segments"] as? [[String: Any]] ?? []).map {
            [$0["start"] as? String ?? "", $0["end"] as? String ?? "", (($0["members"] as? [String]) ?? []).sorted().joined(separator: ",")]
        }
        #expect(segs == [
            [d0, "2026-03-08T12:00:00Z", ""],
            ["2026-03-08T12:00:00Z", b0, "ann"],
            [b0, "2026-03-08T15:00:00Z", "ann,bob"],
            ["2026-03-08T15:00:00Z", "2026-03-08T16:00:00Z", "bob"],
            ["2026-03-08T16:00:00Z", b1, "ann,bob"],
            [b1, "2026-03-08T20:00:00Z", "ann"],
            ["2026-03-08T20:00:00Z", d1, ""],
        ])
        let all = (o["all"] as? [[String: Any]] ?? []).map { [$0["start"] as? String ?? "", $0["end"] as? String ?? ""] }
        #expect(all == [[b0, "2026-03-08T15:00:00Z"], ["2026-03-08T16:00:00Z", b1]])
        // --members names whom `all` is about.
        let onlyAnn = t.status(now: "2026-03-08T12:00:00Z", ["--date", "2026-03-08", "--members", "ann"], env: ["TZ": ny]).overlap
        let allAnn = (onlyAnn["all"] as? [[String: Any]] ?? []).map { [$0["start"] as? String ?? "", $0["end"] as? String ?? ""] }
        #expect(allAnn == [["2026-03-08T12:00:00Z", "2026-03-08T15:00:00Z"], ["2026-03-08T16:00:00Z", "2026-03-08T20:00:00Z"]])
    }

    @Test func overlapOnA25HourDayTilesTheWholeDay() {
        let t = SpecTeam()
        t.member("ann", zone: "Asia/Kathmandu", hours: Self.everyDay("\"09:00-17:00\""))
        let ny = "America/New_York"
        let o = t.status(now: "2026-11-01T12:00:00Z", ["--date", "2026-11-01", "--as", "ann"], env: ["TZ": ny]).overlap
        // --as wins over $TZ for the viewer's zone.
        #expect(o["timezone"] as? String == "Asia/Kathmandu")
        let p = t.status(now: "2026-11-01T12:00:00Z", ["--date", "2026-11-01"], env: ["TZ": ny]).overlap
        let segs = p["segments"] as? [[String: Any]] ?? []
        let d0 = oracleInstant(ny, "2026-11-01T00:00"), d1 = oracleInstant(ny, "2026-11-02T00:00")
        #expect(TimeCLI.seconds(d1) - TimeCLI.seconds(d0) == 25 * 3600)
        #expect(segs.first?["start"] as? String == d0)
        #expect(segs.last?["end"] as? String == d1)
        for (a, b) in zip(segs, segs.dropFirst()) {
            #expect(a["end"] as? String == b["start"] as? String, "segments tile the day")
            #expect((a["members"] as? [String])?.sorted() != (b["members"] as? [String])?.sorted(), "segments are maximal")
        }
    }

    @Test func overlapDateDefaultsToTodayInTheViewersZone() {
        let t = SpecTeam()
        t.member("ann")
        // 03:00Z on the 25th is still the 24th in New York.
        let o = t.status(now: "2026-11-25T03:00:00Z", env: ["TZ": "America/New_York"]).overlap
        #expect(o["date"] as? String == "2026-11-24")
    }

    // oncall/<rotation>.toml: Nd/Nw keep the wall time; Nh is elapsed; members[k mod n].
    @Test func weeklyRotationKeepsWallTimeAcrossDST() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.write("oncall/primary.toml", "name = \"Primary\"\ntimezone = \"Europe/Berlin\"\nstart = \"2026-03-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\", \"bob\"]\n")
        let s = t.status(now: "2026-03-28T12:00:00Z")
        let r = s.rotation("primary")
        #expect(r?["name"] as? String == "Primary")
        #expect(r?["timezone"] as? String == "Europe/Berlin")
        let now = r?["now"] as? [String: Any], next = r?["next"] as? [String: Any]
        // Shift k=3 started Mon 23 Mar 09:00 CET; k=4 starts Mon 30 Mar 09:00 CEST (after the change).
        #expect(now?["member"] as? String == "bob")
        #expect(now?["start"] as? String == oracleInstant("Europe/Berlin", "2026-03-23T09:00"))
        #expect(now?["end"] as? String == oracleInstant("Europe/Berlin", "2026-03-30T09:00"))
        #expect(now?["override"] as? Bool == false)
        #expect(next?["member"] as? String == "ann")
        #expect(next?["start"] as? String == oracleInstant("Europe/Berlin", "2026-03-30T09:00"))
        #expect(next?["end"] as? String == oracleInstant("Europe/Berlin", "2026-04-06T09:00"))
        #expect((r?["gaps"] as? [Any])?.isEmpty == true)
    }

    @Test func hourShiftsAreElapsedTime() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.write("oncall/r.toml", "name = \"R\"\ntimezone = \"Europe/Berlin\"\nstart = \"2026-03-28 12:00\"\nshift = \"12h\"\nmembers = [\"ann\", \"bob\"]\n")
        let start = TimeCLI.seconds(oracleInstant("Europe/Berlin", "2026-03-28T12:00"))
        let now = (t.status(now: "2026-03-29T12:00:00Z").rotation("r")?["now"] as? [String: Any])
        // (12:00Z on the 29th − start) / 12 h = 2 → ann, a 12-hour slot whatever the wall clock did.
        #expect(now?["member"] as? String == "ann")
        #expect(now?["start"] as? String == TimeCLI.iso(start + 24 * 3600))
        #expect(now?["end"] as? String == TimeCLI.iso(start + 36 * 3600))
    }

    @Test func dayShiftsKeepTheWallTimeAndStartMayBeATOMLDatetime() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.member("cy")
        t.write("oncall/r.toml", "name = \"R\"\ntimezone = \"Europe/Berlin\"\nstart = 2026-03-26T09:00:00\nshift = \"1d\"\nmembers = [\"ann\", \"bob\", \"cy\"]\n")
        let now = t.status(now: "2026-03-28T12:00:00Z").rotation("r")?["now"] as? [String: Any]
        // k = 2 → cy; the shift spanning the spring change is 23 hours long.
        #expect(now?["member"] as? String == "cy")
        #expect(now?["start"] as? String == oracleInstant("Europe/Berlin", "2026-03-28T09:00"))
        #expect(now?["end"] as? String == oracleInstant("Europe/Berlin", "2026-03-29T09:00"))
    }

    // Before start, and outside every restrict window, nobody is on call: that is a gap.
    @Test func restrictWindowsGapsAndNext() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.write("oncall/biz.toml", """
            name = "Business"
            timezone = "America/New_York"
            start = "2026-11-02 09:00"
            shift = "1d"
            members = ["ann", "bob"]
            [[restrict]]
            days = "mon-fri"
            time = "09:00-17:00"

            """)
        let ny = "America/New_York"
        let now = "2026-11-28T12:00:00Z"   // Saturday 07:00 in New York
        let r = t.status(now: now).rotation("biz")
        #expect(isNull(r?["now"]))
        let next = r?["next"] as? [String: Any]
        // Monday 30 Nov is day 28 since the start: members[28 mod 2] = ann, until the window's edge at 17:00.
        #expect(next?["member"] as? String == "ann")
        #expect(next?["start"] as? String == oracleInstant(ny, "2026-11-30T09:00"))
        #expect(next?["end"] as? String == oracleInstant(ny, "2026-11-30T17:00"))
        #expect(next?["override"] as? Bool == false)
        let gaps = (r?["gaps"] as? [[String: Any]] ?? []).map { [$0["start"] as? String ?? "", $0["end"] as? String ?? ""] }
        var expected = [[now, oracleInstant(ny, "2026-11-30T09:00")]]
        for (d, n) in [("2026-11-30", "2026-12-01"), ("2026-12-01", "2026-12-02"), ("2026-12-02", "2026-12-03"), ("2026-12-03", "2026-12-04")] {
            expected.append([oracleInstant(ny, d + "T17:00"), oracleInstant(ny, n + "T09:00")])
        }
        expected.append([oracleInstant(ny, "2026-12-04T17:00"), "2026-12-05T12:00:00Z"])   // clipped to now + 7 days
        #expect(gaps == expected)
    }

    // The override in effect wins, even outside every restrict window.
    @Test func anOverrideCoversOutsideRestrictWindows() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.write("oncall/biz.toml", "name = \"B\"\ntimezone = \"UTC\"\nstart = \"2026-11-02 09:00\"\nshift = \"1d\"\nmembers = [\"ann\"]\n[[restrict]]\ndays = \"mon-fri\"\ntime = \"09:00-17:00\"\n")
        t.journal("journal/ann/x.jsonl", [ev("o1", lc: 1, by: "ann", "oncall.override",
                                             "\"rotation\":\"biz\",\"member\":\"bob\",\"from\":\"2026-11-28T10:00:00Z\",\"to\":\"2026-11-28T14:00:00Z\"")])
        let r = t.status(now: "2026-11-28T11:00:00Z").rotation("biz")   // a Saturday
        let now = r?["now"] as? [String: Any]
        #expect(now?["member"] as? String == "bob")
        #expect(now?["start"] as? String == "2026-11-28T10:00:00Z")
        #expect(now?["end"] as? String == "2026-11-28T14:00:00Z")
        #expect(now?["override"] as? Bool == true)
        let next = r?["next"] as? [String: Any]
        #expect(next?["member"] as? String == "ann")
        #expect(next?["start"] as? String == "2026-11-30T09:00:00Z")
        let gaps = (r?["gaps"] as? [[String: Any]] ?? []).map { [$0["start"] as? String ?? "", $0["end"] as? String ?? ""] }
        #expect(gaps.first == ["2026-11-28T14:00:00Z", "2026-11-30T09:00:00Z"])
    }

    @Test func multiWeekShiftsRotateMembersModN() {
        let t = SpecTeam()
        for m in ["ann", "bob", "cy"] { t.member(m) }
        t.write("oncall/r.toml", "name = \"R\"\ntimezone = \"UTC\"\nstart = \"2026-01-05 09:00\"\nshift = \"2w\"\nmembers = [\"ann\", \"bob\", \"cy\"]\n")
        // 2026-11-25 is 324 days after 2026-01-05: shift 324 / 14 = 23 → members[23 mod 3] = cy, from day 322 (Nov 23).
        let now = t.status(now: "2026-11-25T10:00:00Z").rotation("r")?["now"] as? [String: Any]
        #expect(now?["member"] as? String == "cy")
        #expect(now?["start"] as? String == "2026-11-23T09:00:00Z")
        #expect(now?["end"] as? String == "2026-12-07T09:00:00Z")
    }

    // `days`: a day, a list or a range — also accepted as a TOML array of those.
    @Test func restrictDaysAsATOMLArray() {
        let t = SpecTeam()
        t.member("ann")
        t.write("oncall/r.toml", "name = \"R\"\ntimezone = \"UTC\"\nstart = \"2026-11-02 00:00\"\nshift = \"1w\"\nmembers = [\"ann\"]\n[[restrict]]\ndays = [\"mon\", \"wed-thu\"]\ntime = \"09:00-10:00\"\n")
        func who(_ now: String) -> String? { (t.status(now: now).rotation("r")?["now"] as? [String: Any])?["member"] as? String }
        #expect(who("2026-11-25T09:30:00Z") == "ann")   // Wednesday
        #expect(who("2026-11-26T09:30:00Z") == "ann")   // Thursday
        #expect(who("2026-11-27T09:30:00Z") == nil)     // Friday
        #expect(t.status().problems.isEmpty)
    }

    // A broken window is a problem; the rotation is left out rather than shown covering every hour.
    @Test func aBrokenRestrictWindowIsAProblem() {
        let t = SpecTeam()
        t.member("ann")
        t.write("oncall/r.toml", "name = \"R\"\ntimezone = \"UTC\"\nstart = \"2026-11-02 00:00\"\nshift = \"1w\"\nmembers = [\"ann\"]\n[[restrict]]\ndays = \"weekdays\"\ntime = \"09:00-17:00\"\n")
        let s = t.status(now: "2026-11-28T03:00:00Z")
        #expect(!s.problems(in: "oncall/r.toml").isEmpty)
        #expect((s.rotation("r")?["now"] as? [String: Any])?["member"] as? String != "ann", "a Saturday night must not show cover")
    }

    @Test func restrictDaysAsADayOrAList() {
        let t = SpecTeam()
        t.member("ann")
        t.write("oncall/r.toml", """
            name = "R"
            timezone = "UTC"
            start = "2026-11-02 00:00"
            shift = "1w"
            members = ["ann"]
            [[restrict]]
            days = "mon,wed"
            time = "09:00-10:00"
            [[restrict]]
            days = "sat"
            time = "12:00-13:00"

            """)
        func who(_ now: String) -> String? { (t.status(now: now).rotation("r")?["now"] as? [String: Any])?["member"] as? String }
        #expect(who("2026-11-25T09:30:00Z") == "ann")   // Wednesday
        #expect(who("2026-11-26T09:30:00Z") == nil)     // Thursday
        #expect(who("2026-11-30T09:30:00Z") == "ann")   // Monday
        #expect(who("2026-11-28T12:30:00Z") == "ann")   // Saturday
        #expect(who("2026-11-28T09:30:00Z") == nil)
    }

    @Test func beforeStartIsAGapAndNextLooksUpTo366Days() {
        let t = SpecTeam()
        t.member("ann")
        t.write("oncall/soon.toml", "name = \"Soon\"\ntimezone = \"UTC\"\nstart = \"2026-11-27 09:00\"\nshift = \"1w\"\nmembers = [\"ann\"]\n")
        t.write("oncall/late.toml", "name = \"Late\"\ntimezone = \"UTC\"\nstart = \"2028-01-01 09:00\"\nshift = \"1w\"\nmembers = [\"ann\"]\n")
        let s = t.status(now: "2026-11-25T10:00:00Z")
        let soon = s.rotation("soon")
        #expect(isNull(soon?["now"]))
        #expect((soon?["next"] as? [String: Any])?["start"] as? String == "2026-11-27T09:00:00Z")
        #expect((soon?["next"] as? [String: Any])?["end"] as? String == "2026-12-04T09:00:00Z")
        let g = (soon?["gaps"] as? [[String: Any]] ?? []).map { [$0["start"] as? String ?? "", $0["end"] as? String ?? ""] }
        #expect(g == [["2026-11-25T10:00:00Z", "2026-11-27T09:00:00Z"]])
        let late = s.rotation("late")
        #expect(isNull(late?["now"]))
        #expect(isNull(late?["next"]), "more than 366 days ahead")
        let lg = (late?["gaps"] as? [[String: Any]] ?? []).map { [$0["start"] as? String ?? "", $0["end"] as? String ?? ""] }
        #expect(lg == [["2026-11-25T10:00:00Z", "2026-12-02T10:00:00Z"]])
    }

    @Test func singleMemberRotationNextIsTheFollowingShift() {
        let t = SpecTeam()
        t.member("ann")
        t.write("oncall/r.toml", "name = \"R\"\ntimezone = \"UTC\"\nstart = \"2026-11-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\"]\n")
        let r = t.status(now: "2026-11-25T10:00:00Z").rotation("r")
        let now = r?["now"] as? [String: Any], next = r?["next"] as? [String: Any]
        #expect(now?["start"] as? String == "2026-11-23T09:00:00Z")
        #expect(now?["end"] as? String == "2026-11-30T09:00:00Z")
        #expect(next?["member"] as? String == "ann")
        #expect(next?["start"] as? String == "2026-11-30T09:00:00Z")
        #expect(next?["end"] as? String == "2026-12-07T09:00:00Z")
    }

    // A slot with an override: ends where it ends or a later override takes over; the shift's slot ends where an override takes over.
    @Test func overrideSlots() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.write("oncall/r.toml", "name = \"R\"\ntimezone = \"UTC\"\nstart = \"2026-11-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\"]\n")
        t.journal("journal/bob/x.jsonl", [ev("o1", lc: 1, by: "bob", "oncall.override",
                                             "\"rotation\":\"r\",\"member\":\"bob\",\"from\":\"2026-11-25T12:00:00Z\",\"to\":\"2026-11-25T18:00:00Z\"")])
        let r = t.status(now: "2026-11-25T10:00:00Z").rotation("r")
        let now = r?["now"] as? [String: Any], next = r?["next"] as? [String: Any]
        #expect(now?["member"] as? String == "ann")
        #expect(now?["start"] as? String == "2026-11-23T09:00:00Z")
        #expect(now?["end"] as? String == "2026-11-25T12:00:00Z")
        #expect(next?["member"] as? String == "bob")
        #expect(next?["start"] as? String == "2026-11-25T12:00:00Z")
        #expect(next?["end"] as? String == "2026-11-25T18:00:00Z")
        #expect(next?["override"] as? Bool == true)
        let during = t.status(now: "2026-11-25T13:00:00Z").rotation("r")
        #expect((during?["now"] as? [String: Any])?["override"] as? Bool == true)
        // After the override ann's shift goes on: a new slot from 18:00 to the shift's end.
        let after = during?["next"] as? [String: Any]
        #expect(after?["member"] as? String == "ann")
        #expect(after?["start"] as? String == "2026-11-25T18:00:00Z")
        #expect(after?["end"] as? String == "2026-11-30T09:00:00Z")
    }
}
