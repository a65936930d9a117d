import Foundation
import Testing

/// SPEC §3 "`status --json`": the shape field by field with types, orderings, the viewer's zone.
@Suite struct SpecStatusJSONTests {
    static let instant = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$"
    static let localISO = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$"

    func matches(_ v: Any?, _ pattern: String) -> Bool { (v as? String)?.range(of: pattern, options: .regularExpression) != nil }

    /// A team that fills every section.
    func fullTeam() -> SpecTeam {
        let t = SpecTeam("name = \"Spec\"\n[wip]\nDoing = 1\n")
        t.member("ann", zone: "Asia/Kathmandu", hours: SpecTimeTests.everyDay("\"09:00-17:00\""), handle: "@ann")
        t.member("bob", zone: "UTC", hours: SpecTimeTests.everyDay("\"09:00-17:00\""))
        t.write("oncall/ops.toml", "name = \"Ops\"\ntimezone = \"Europe/Berlin\"\nstart = \"2026-11-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\", \"bob\"]\n")
        t.journal("journal/ann/x.jsonl", [
            ev("c1", lc: 1, by: "ann", "task.create", "\"task\":\"T1\",\"title\":\"One\",\"labels\":[\"a\"],\"due\":\"2026-12-01\",\"column\":\"Doing\""),
            ev("c2", lc: 2, by: "ann", "task.claim", "\"task\":\"T1\""),
            ev("s1", lc: 3, by: "ann", "status.set", "\"text\":\"lunch\",\"kind\":\"away\",\"until\":\"2026-11-25T12:00:00Z\""),
            "not json",
        ])
        t.journal("journal/bob/x.jsonl", [ev("b1", lc: 2, by: "bob", "task.claim", "\"task\":\"T1\""),
                                          ev("b2", lc: 4, by: "bob", "task.create", "\"task\":\"T2\",\"title\":\"Two\",\"column\":\"Doing\"")])
        return t
    }

    @Test func everyFieldHasItsType() throws {
        let t = fullTeam()
        let r = t.run(["status", "--json", "--as", "bob"])
        #expect(r.code == 0)
        let d = r.json
        #expect(d["schema"] as? String == "meridian.status/1")
        #expect(d["now"] as? String == SpecTeam.now)
        let viewer = try #require(d["viewer"] as? [String: Any])
        #expect(viewer["member"] as? String == "bob")
        #expect(viewer["timezone"] as? String == "UTC")

        let members = try #require(d["members"] as? [[String: Any]])
        try #require(members.count == 2)
        for m in members {
            for key in ["id", "name", "timezone", "utc_offset", "local_time", "availability"] { #expect(m[key] is String, "\(key)") }
            #expect(matches(m["utc_offset"], "^[+-][0-9]{2}:[0-9]{2}$"))
            #expect(matches(m["local_time"], Self.localISO), "LOCAL_ISO never Z: \(m["local_time"] ?? "")")
            #expect(["working", "off_hours", "time_off", "away"].contains(m["availability"] as? String ?? ""))
            #expect(m.keys.contains("status") && m.keys.contains("next_change"))
            #expect(isNull(m["next_change"]) || matches(m["next_change"], Self.instant))
        }
        let ann = members[0], bob = members[1]
        #expect(ann["id"] as? String == "ann" && ann["name"] as? String == "Ann" && ann["timezone"] as? String == "Asia/Kathmandu")
        #expect(ann["utc_offset"] as? String == "+05:45")
        #expect(ann["local_time"] as? String == oracleLocal("Asia/Kathmandu", SpecTeam.now))
        #expect(bob["utc_offset"] as? String == "+00:00")
        #expect(bob["local_time"] as? String == "2026-11-25T10:00:00+00:00")
        let status = try #require(ann["status"] as? [String: Any])
        #expect(status["text"] as? String == "lunch" && status["kind"] as? String == "away" && status["until"] as? String == "2026-11-25T12:00:00Z")
        #expect(isNull(bob["status"]))
        // Kathmandu 15:45: in hours but away; the status ends at 12:00Z (17:45 local, after hours end at 11:15Z).
        #expect(ann["availability"] as? String == "away")
        #expect(ann["next_change"] as? String == oracleInstant("Asia/Kathmandu", "2026-11-25T17:00"))
        #expect(bob["availability"] as? String == "working")
        #expect(bob["next_change"] as? String == "2026-11-25T17:00:00Z")

        let overlap = try #require(d["overlap"] as? [String: Any])
        #expect(overlap["date"] as? String == "2026-11-25")
        #expect(overlap["timezone"] as? String == "UTC")
        let segments = try #require(overlap["segments"] as? [[String: Any]])
        #expect(!segments.isEmpty)
        for s in segments {
            #expect(matches(s["start"], Self.instant) && matches(s["end"], Self.instant))
            #expect(s["members"] is [String])
        }
        let all = try #require(overlap["all"] as? [[String: Any]])
        // ann 09:00-17:00 Kathmandu = 03:15Z-11:15Z, bob 09:00-17:00Z: both from 09:00Z to 11:15Z.
        #expect(all.map { [$0["start"] as? String ?? "", $0["end"] as? String ?? ""] } == [["2026-11-25T09:00:00Z", "2026-11-25T11:15:00Z"]])

        let board = try #require(d["board"] as? [String: Any])
        let columns = try #require(board["columns"] as? [[String: Any]])
        #expect(columns.map { $0["name"] as? String ?? "" } == ["Todo", "Doing", "Review", "Done"])
        for c in columns {
            #expect(c["name"] is String)
            #expect(c.keys.contains("wip_limit") && (isNull(c["wip_limit"]) || c["wip_limit"] is Int))
            #expect(c["over_limit"] is Bool)
            #expect(c["tasks"] is [[String: Any]])
        }
        try #require(columns.count == 4)
        let doing = columns[1]
        #expect(doing["wip_limit"] as? Int == 1)
        #expect(doing["over_limit"] as? Bool == true)
        let tasks = try #require(doing["tasks"] as? [[String: Any]])
        let t1 = try #require(tasks.first { $0["id"] as? String == "T1" })
        #expect(t1["title"] as? String == "One")
        #expect(t1["column"] as? String == "Doing")
        #expect(t1["holder"] as? String == "ann")
        #expect(t1["priority"] as? String == "normal")
        #expect(t1["labels"] as? [String] == ["a"])
        #expect(t1["due"] as? String == "2026-12-01")
        #expect(t1["stale"] as? Bool == false)
        let t2 = try #require(tasks.first { $0["id"] as? String == "T2" })
        #expect(t2.keys.contains("holder") && isNull(t2["holder"]))
        #expect(t2.keys.contains("due") && isNull(t2["due"]))
        let conflicts = try #require(board["conflicts"] as? [[String: Any]])
        #expect(conflicts.count == 1)
        #expect(conflicts.first?["task"] as? String == "T1")
        #expect(conflicts.first?["member"] as? String == "bob")
        #expect(conflicts.first?["lost_to"] as? String == "ann")
        #expect(conflicts.first?["event"] as? String == "b1")

        let oncall = try #require(d["oncall"] as? [[String: Any]])
        try #require(oncall.count == 1)
        let ops = oncall[0]
        #expect(ops["rotation"] as? String == "ops" && ops["name"] as? String == "Ops" && ops["timezone"] as? String == "Europe/Berlin")
        let now = try #require(ops["now"] as? [String: Any])
        #expect(now["member"] is String && matches(now["start"], Self.instant) && matches(now["end"], Self.instant) && now["override"] is Bool)
        #expect(ops["next"] is [String: Any])
        #expect(ops["gaps"] is [[String: Any]])

        let problems = try #require(d["problems"] as? [[String: Any]])
        #expect(problems.count == 1)
        #expect(problems.first?["file"] as? String == "journal/ann/x.jsonl")
        #expect(problems.first?["line"] as? Int == 4)
        #expect((problems.first?["message"] as? String)?.isEmpty == false)
    }

    @Test func problemsWithoutALineHaveLineNull() {
        let t = SpecTeam()
        t.write("members/ann.toml", "name = \"Ann\"\n")
        let p = t.status().problems
        #expect(!p.isEmpty)
        for x in p {
            #expect(x.keys.contains("line"))
            #expect(isNull(x["line"]) || x["line"] is Int)
        }
    }

    // members is sorted by id.
    @Test func membersAreSortedByID() {
        let t = SpecTeam()
        for id in ["b", "a1", "a-1", "a", "0z", "a_1"] { t.member(id) }
        // Byte order: "-" (0x2D) < "1" (0x31) < "_" (0x5F).
        #expect(t.status().memberIDs == ["0z", "a", "a-1", "a1", "a_1", "b"])
    }

    // Tasks by priority (urgent first) then creation order.
    @Test func tasksByPriorityThenCreation() {
        let t = SpecTeam()
        t.member("ann")
        let spec: [(String, String, Int)] = [("Z", "low", 1), ("Y", "normal", 2), ("X", "urgent", 3), ("W", "high", 4), ("V", "urgent", 5), ("U", "normal", 6), ("A", "low", 7)]
        // Written out of order in the file: creation order is merge order (lc), not file order.
        t.journal("journal/ann/x.jsonl", spec.reversed().map { ev("c\($0.2)", lc: $0.2, by: "ann", "task.create", "\"task\":\"\($0.0)\",\"title\":\"t\",\"priority\":\"\($0.1)\"") })
        var s = t.status()
        #expect(s.taskIDs == ["X", "V", "W", "Y", "U", "Z", "A"])
        // An edit of the priority reorders; a later activity does not.
        t.journal("journal/ann/x.jsonl", [ev("e1", lc: 10, by: "ann", "task.edit", "\"task\":\"A\",\"priority\":\"urgent\""),
                                          ev("e2", lc: 11, by: "ann", "task.claim", "\"task\":\"Y\"")])
        s = t.status()
        #expect(s.taskIDs == ["X", "V", "A", "W", "Y", "U", "Z"])
    }

    // over_limit is true when a column holds more tasks than its limit, false when it has none.
    @Test func overLimit() {
        let t = SpecTeam("name = \"S\"\n[wip]\nTodo = 2\nDoing = 0\n")
        t.member("ann")
        t.journal("journal/ann/x.jsonl", [
            ev("c1", lc: 1, by: "ann", "task.create", "\"task\":\"A\",\"title\":\"a\""),
            ev("c2", lc: 2, by: "ann", "task.create", "\"task\":\"B\",\"title\":\"b\""),
            ev("c3", lc: 3, by: "ann", "task.create", "\"task\":\"C\",\"title\":\"c\",\"column\":\"Review\""),
            ev("c4", lc: 4, by: "ann", "task.create", "\"task\":\"D\",\"title\":\"c\",\"column\":\"Review\""),
        ])
        var s = t.status()
        #expect(s.column("Todo")?["over_limit"] as? Bool == false, "exactly at the limit")
        #expect(s.column("Doing")?["over_limit"] as? Bool == false, "0 tasks, limit 0")
        #expect(s.column("Review")?["over_limit"] as? Bool == false, "no limit")
        #expect(isNull(s.column("Review")?["wip_limit"]))
        t.journal("journal/ann/x.jsonl", [ev("c5", lc: 5, by: "ann", "task.create", "\"task\":\"E\",\"title\":\"e\""),
                                          ev("m1", lc: 6, by: "ann", "task.move", "\"task\":\"C\",\"column\":\"Doing\"")])
        s = t.status()
        #expect(s.column("Todo")?["over_limit"] as? Bool == true)
        #expect(s.column("Doing")?["over_limit"] as? Bool == true)
        #expect(s.column("Doing")?["wip_limit"] as? Int == 0)
    }

    // The viewer's zone is that of --as, else $TZ, else the system's.
    @Test func viewerZone() throws {
        let t = SpecTeam()
        t.member("ann", zone: "Asia/Kolkata")
        func viewer(_ args: [String], _ env: [String: String]) -> [String: Any] {
            (t.run(["status", "--json"] + args, env: env).json["viewer"] as? [String: Any]) ?? [:]
        }
        var v = viewer(["--as", "ann"], ["TZ": "America/New_York"])
        #expect(v["member"] as? String == "ann" && v["timezone"] as? String == "Asia/Kolkata")
        v = viewer([], ["TZ": "America/New_York"])
        #expect(isNull(v["member"]) && v["timezone"] as? String == "America/New_York")
        v = viewer([], ["MERIDIAN_MEMBER": "ann", "TZ": "America/New_York"])
        #expect(v["timezone"] as? String == "Asia/Kolkata", "--as may come from $MERIDIAN_MEMBER")
        // No TZ: the system's zone (what /etc/localtime names, else UTC).
        let r = TimeCLI.exec("/usr/bin/env", ["-u", "TZ", TimeCLI.binary, "status", "--json", "--data", t.team, "--now", SpecTeam.now], env: t.env())
        let sys = TimeCLI.exec("/usr/bin/env", ["python3", "-c", "import os; p=os.path.realpath('/etc/localtime'); i=p.find('zoneinfo/'); print(p[i+9:] if i>=0 else 'UTC')"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let zone = (r.json["viewer"] as? [String: Any])?["timezone"] as? String ?? ""
        #expect(zone == sys || (["UTC", "Etc/UTC", "Etc/Universal", "Universal", "Zulu"].contains(zone) && ["UTC", "Etc/UTC"].contains(sys)))
    }

    // --members (overlap only) naming an unknown member is exit 2.
    @Test func membersOptionUnknownIsExit2() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        #expect(t.run(["status", "--json", "--members", "ann,bob"]).code == 0)
        // --members is about the overlap only: every member is still listed.
        #expect(t.status(["--members", "ann"]).memberIDs == ["ann", "bob"])
        for bad in ["zed", "ann,zed", "Ann"] {
            let r = t.run(["status", "--json", "--members", bad])
            #expect(r.code == 2, "\(bad)")
            #expect(isOneSentence(r.err))
            #expect(r.out.isEmpty)
        }
        // A member whose file is broken is not known either.
        t.member("eve", zone: "Bad/Zone")
        #expect(t.run(["status", "--json", "--members", "eve"]).code == 2)
    }

    // conflicts lists every lost claim, whoever lost it.
    @Test func conflictsForEveryViewer() {
        let t = SpecTeam()
        for m in ["ann", "bob", "cy"] { t.member(m) }
        t.journal("journal/ann/x.jsonl", [ev("c1", lc: 1, by: "ann", "task.create", "\"task\":\"T1\",\"title\":\"x\""),
                                          ev("c2", lc: 1, by: "ann", "task.create", "\"task\":\"T2\",\"title\":\"y\""),
                                          ev("a1", lc: 2, by: "ann", "task.claim", "\"task\":\"T1\"")])
        t.journal("journal/bob/x.jsonl", [ev("b1", lc: 2, by: "bob", "task.claim", "\"task\":\"T1\""),
                                          ev("b2", lc: 2, by: "bob", "task.claim", "\"task\":\"T2\"")])
        t.journal("journal/cy/x.jsonl", [ev("y1", lc: 3, by: "cy", "task.claim", "\"task\":\"T2\"")])
        let expected: Set<[String: String]> = [["task": "T1", "member": "bob", "lost_to": "ann", "event": "b1"],
                                               ["task": "T2", "member": "cy", "lost_to": "bob", "event": "y1"]]
        for v in [[], ["--as", "ann"], ["--as", "bob"], ["--as", "cy"]] {
            #expect(Set(t.status(v).conflicts) == expected, "\(v)")
        }
    }
}
