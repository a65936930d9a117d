import Foundation
import Testing

/// `status --json` members and overlap, and the `clocks`, `overlap` and `slots` commands, through
/// the built binary with `--now`; expected times come from Python's zoneinfo.
@Suite("Time: command line")
struct TimeCLITests {
    static let members: [String: String] = [
        "kat": "name = \"Kiran\"\ntimezone = \"Asia/Kathmandu\"\n[hours]\nmon = \"09:00-17:00\"\ntue = \"09:00-17:00\"\n",
        "cha": "name = \"Chatham \\u001b[31mAnn\"\ntimezone = \"Pacific/Chatham\"\nhandle = \"@ann\"\n[hours]\nmon = \"08:00-16:00\"\n",
        "kol": "name = \"Priya\"\ntimezone = \"Asia/Kolkata\"\n[hours]\nfri = \"22:00-02:00\"\n",
        "ny": "name = \"Nora\"\ntimezone = \"America/New_York\"\n[hours]\nsun = \"00:00-24:00\"\nmon = \"09:00-17:00\"\n",
        "lon": "name = \"Leo\"\ntimezone = \"Europe/London\"\n[hours]\nsun = \"10:00-14:00\"\nmon = \"09:00-17:00\"\n",
    ]
    static let journal = [
        "\"at\":\"2026-03-01T00:00:00Z\",\"by\":\"kat\",\"op\":\"status.set\",\"text\":\"deep work\",\"kind\":\"focus\",\"until\":\"2026-03-02T08:00:00Z\"",
        "\"at\":\"2026-03-01T00:00:00Z\",\"by\":\"ny\",\"op\":\"status.set\",\"text\":\"errand\",\"kind\":\"away\"",
        "\"at\":\"2026-03-01T00:00:00Z\",\"by\":\"lon\",\"op\":\"timeoff.add\",\"from\":\"2026-03-09\",\"to\":\"2026-03-09\"",
    ]
    static let team = TimeCLI.team(members, journal: journal)

    @Test("members[]: SPEC's fields, offsets and local times per zone, precedence and next_change")
    func members() throws {
        // Friday 2026-03-06 19:00 UTC: Friday-night Kolkata is working (00:30 Saturday).
        let now = "2026-03-06T19:00:00Z"
        let r = TimeCLI.meridian(["status", "--json", "--data", Self.team, "--now", now, "--as", "ny"])
        #expect(r.code == 0, "\(r.err)")
        let list = r.json["members"] as? [[String: Any]] ?? []
        #expect(list.map { $0["id"] as? String } == ["cha", "kat", "kol", "lon", "ny"])
        let nowSecs = TimeCLI.seconds(now)
        let zones = ["cha": "Pacific/Chatham", "kat": "Asia/Kathmandu", "kol": "Asia/Kolkata", "lon": "Europe/London", "ny": "America/New_York"]
        for m in list {
            let id = m["id"] as! String
            for key in ["id", "name", "timezone", "utc_offset", "local_time", "availability", "status", "next_change"] {
                #expect(m.keys.contains(key), "\(id) lacks \(key)")
            }
            let expected = TimeCLI.oracle(["o \(zones[id]!) \(nowSecs)"])[0].split(separator: " ")
            #expect(m["utc_offset"] as? String == String(expected[0]), "\(id)")
            #expect(m["local_time"] as? String == String(expected[1]), "\(id)")
            #expect(m["timezone"] as? String == zones[id])
        }
        let by = Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as! String, $0) })
        #expect(by["kat"]?["utc_offset"] as? String == "+05:45")
        #expect(by["cha"]?["utc_offset"] as? String == "+13:45")
        #expect(by["kol"]?["availability"] as? String == "working")
        #expect(by["kol"]?["next_change"] as? String == TimeCLI.iso(TimeCLI.instant("Asia/Kolkata", "2026-03-07T02:00")))
        #expect(by["ny"]?["availability"] as? String == "off_hours")    // Friday: away status but no hours
        #expect(by["ny"]?["next_change"] as? String == TimeCLI.iso(TimeCLI.instant("America/New_York", "2026-03-08T00:00")))
        let status = by["ny"]?["status"] as? [String: Any]
        #expect(status?["text"] as? String == "errand" && status?["kind"] as? String == "away")
        #expect(status?.keys.contains("until") == true && status?["until"] is NSNull)
        #expect(by["cha"]?["status"] is NSNull)
        // Sunday in New York: hours all day, away status → away; London's DST warning relative to New York.
        let sun = TimeCLI.meridian(["status", "--json", "--data", Self.team, "--now", "2026-03-08T12:00:00Z", "--as", "ny"]).json
        let sunBy = Dictionary(uniqueKeysWithValues: (sun["members"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
        #expect(sunBy["ny"]?["availability"] as? String == "away")
        #expect(sunBy["lon"]?["availability"] as? String == "working")
        #expect(sunBy["lon"]?["next_change"] as? String == TimeCLI.iso(TimeCLI.instant("Europe/London", "2026-03-08T14:00")))
        // Monday London is on time off all day; Kathmandu's focus status still counts as working.
        let mon = TimeCLI.meridian(["status", "--json", "--data", Self.team, "--now", "2026-03-02T05:00:00Z"]).json
        let monBy = Dictionary(uniqueKeysWithValues: (mon["members"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
        #expect(monBy["kat"]?["availability"] as? String == "working")
        #expect((monBy["kat"]?["status"] as? [String: Any])?["until"] as? String == "2026-03-02T08:00:00Z")
        let lonOff = TimeCLI.meridian(["status", "--json", "--data", Self.team, "--now", "2026-03-09T12:00:00Z"]).json
        let lon = (lonOff["members"] as! [[String: Any]]).first { $0["id"] as? String == "lon" }
        #expect(lon?["availability"] as? String == "time_off")
        #expect(lon?["next_change"] as? String == TimeCLI.iso(TimeCLI.instant("Europe/London", "2026-03-10T00:00")))
    }

    @Test("dst_change warns about New York's spring change, seen from London")
    func dstChange() {
        let r = TimeCLI.meridian(["status", "--json", "--data", Self.team, "--now", "2026-03-01T12:00:00Z", "--as", "lon"]).json
        let ny = (r["members"] as! [[String: Any]]).first { $0["id"] as? String == "ny" }
        let c = ny?["dst_change"] as? [String: Any]
        #expect(c?["at"] as? String == TimeCLI.iso(TimeCLI.instant("America/New_York", "2026-03-08T03:00")))
        #expect(c?["difference_before"] as? String == "-05:00" && c?["difference_after"] as? String == "-04:00")
        #expect((c?["message"] as? String)?.contains("New York is 4 h behind London, not 5 h") == true)
        let lon = (r["members"] as! [[String: Any]]).first { $0["id"] as? String == "lon" }
        #expect(lon?["dst_change"] is NSNull)
    }

    @Test("overlap: a 23-hour and a 25-hour viewer day tile exactly; --members picks `all`",
          arguments: [("2026-03-08", 23), ("2026-11-01", 25)])
    func overlap(date: String, hours: Int) {
        let next = date == "2026-03-08" ? "2026-03-09" : "2026-11-02"
        let r = TimeCLI.meridian(["status", "--json", "--data", Self.team, "--now", "2026-03-01T12:00:00Z", "--as", "ny",
                                  "--date", date, "--members", "ny,lon"])
        #expect(r.code == 0, "\(r.err)")
        let o = r.json["overlap"] as? [String: Any] ?? [:]
        #expect(o["date"] as? String == date && o["timezone"] as? String == "America/New_York")
        let segs = o["segments"] as? [[String: Any]] ?? []
        let starts = segs.map { TimeCLI.seconds($0["start"] as! String) }, ends = segs.map { TimeCLI.seconds($0["end"] as! String) }
        #expect(starts.first == TimeCLI.instant("America/New_York", "\(date)T00:00"))
        #expect(ends.last == TimeCLI.instant("America/New_York", "\(next)T00:00"))
        #expect(Array(starts.dropFirst()) == Array(ends.dropLast()))
        #expect((ends.last ?? 0) - (starts.first ?? 0) == hours * 3600)
        for s in segs { #expect((s["members"] as? [String]).map { $0 == $0.sorted() } == true) }
        let all = (o["all"] as? [[String: Any]] ?? []).map { [$0["start"] as! String, $0["end"] as! String] }
        if date == "2026-03-08" {
            // Sunday: ny all day, lon 10:00-14:00 London.
            #expect(all == [[TimeCLI.iso(TimeCLI.instant("Europe/London", "2026-03-08T10:00")), TimeCLI.iso(TimeCLI.instant("Europe/London", "2026-03-08T14:00"))]])
        }
    }

    @Test("the viewer's zone comes from $TZ without --as; an unknown --members is exit 2")
    func viewerAndErrors() {
        let r = TimeCLI.meridian(["status", "--json", "--data", Self.team, "--now", "2026-03-01T12:00:00Z", "--date", "2026-10-04"],
                                 env: ["TZ": "Australia/Lord_Howe"])
        let o = r.json["overlap"] as? [String: Any] ?? [:]
        #expect(o["timezone"] as? String == "Australia/Lord_Howe")
        let segs = o["segments"] as? [[String: Any]] ?? []
        let span = TimeCLI.seconds(segs.last?["end"] as? String ?? "") - TimeCLI.seconds(segs.first?["start"] as? String ?? "")
        #expect(span == TimeCLI.instant("Australia/Lord_Howe", "2026-10-05T00:00") - TimeCLI.instant("Australia/Lord_Howe", "2026-10-04T00:00"))
        #expect(span == 23 * 3600 + 1800)
        let bad = TimeCLI.meridian(["status", "--json", "--data", Self.team, "--members", "ny,zed"])
        #expect(bad.code == 2 && bad.out.isEmpty && bad.err.contains("zed"))
        #expect(TimeCLI.meridian(["overlap", "--data", Self.team, "--members", "zed"]).code == 2)
        #expect(TimeCLI.meridian(["slots", "--data", Self.team, "--days", "0"]).code == 2)
    }

    @Test("clocks, overlap and slots print readable, sanitized text")
    func readable() {
        let c = TimeCLI.meridian(["clocks", "--data", Self.team, "--now", "2026-03-01T12:00:00Z", "--as", "lon"])
        #expect(c.code == 0)
        #expect(c.out.contains("Kiran") && c.out.contains("+05:45") && c.out.contains("+13:45"))
        #expect(!c.out.contains("\u{1B}") && c.out.contains("Chatham"))
        #expect(c.out.contains("New York is 4 h behind London, not 5 h"))
        let o = TimeCLI.meridian(["overlap", "--data", Self.team, "--now", "2026-03-01T12:00:00Z", "--as", "ny", "--date", "2026-03-08", "--members", "ny,lon"])
        #expect(o.code == 0 && o.out.contains("(23 h)") && o.out.contains("All in"))
        let s = TimeCLI.meridian(["slots", "--data", Self.team, "--now", "2026-03-01T12:00:00Z", "--as", "ny", "--members", "ny,lon", "--json"])
        #expect(s.code == 0)
        let slots = s.json["slots"] as? [[String: Any]] ?? []
        #expect(slots.first?["members"] as? [String] == ["lon", "ny"])
        // London's Sunday 10:00-14:00 is already under way at 12:00 UTC: the window starts now.
        #expect(slots.first?["start"] as? String == "2026-03-01T12:00:00Z")
        #expect(slots.first?["end"] as? String == TimeCLI.iso(TimeCLI.instant("Europe/London", "2026-03-01T14:00")))
        let text = TimeCLI.meridian(["slots", "--data", Self.team, "--now", "2026-03-01T12:00:00Z", "--as", "ny", "--members", "ny,lon"])
        #expect(text.code == 0 && text.out.contains("2 of 2 in"))
    }
}
