import Foundation
import Testing

/// `oncall`, `oncall --ics`, `override` and `oncall cancel`, run as the built binary against a
/// throwaway team directory.
@Suite struct OnCallCommandTests {
    struct Run {
        var code: Int32
        var out: String
        var err: String
    }

    static func run(_ args: [String], team: String) throws -> Run {
        try #require(FileManager.default.isExecutableFile(atPath: Subprocess.meridian), "build the meridian binary first (swift build)")
        var env = ProcessInfo.processInfo.environment
        for k in ["MERIDIAN_DATA", "MERIDIAN_MEMBER", "MERIDIAN_DEVICE"] { env[k] = nil }
        env["XDG_CONFIG_HOME"] = team + "/.cfg"
        env["XDG_STATE_HOME"] = team + "/.state"
        env["TZ"] = "UTC"
        let r = Subprocess.run(Subprocess.meridian, args + ["--data", team], environment: env)
        return Run(code: r.code, out: r.out, err: r.err)
    }

    static func team() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-oncall-cli-\(UUID().uuidString)").path
        let files = [
            "team.toml": "name = \"Platform, Inc; \\\\ ops\"\n",
            "members/alice.toml": "name = \"Alice\"\ntimezone = \"Europe/Berlin\"\n[hours]\nmon = \"09:00-17:00\"\n",
            "members/bob.toml": "name = \"Bob\"\ntimezone = \"America/New_York\"\n[hours]\nmon = \"09:00-17:00\"\n",
            "oncall/primary.toml": "name = \"Primary\"\ntimezone = \"Europe/Berlin\"\nstart = \"2026-03-02 09:00\"\nshift = \"1w\"\nmembers = [\"alice\", \"bob\"]\n",
            "oncall/biz.toml": "name = \"Business, hours\"\ntimezone = \"America/New_York\"\nstart = \"2026-03-02 09:00\"\nshift = \"1d\"\nmembers = [\"bob\", \"alice\"]\n[[restrict]]\ndays = \"mon-fri\"\ntime = \"09:00-17:00\"\n",
        ]
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return root
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func rotation(_ doc: [String: Any], _ id: String) -> [String: Any]? {
        (doc["oncall"] as? [[String: Any]])?.first { $0["rotation"] as? String == id }
    }

    @Test func overrideRefusesUnknownNamesAndBadRanges() throws {
        let t = try Self.team()
        defer { try? FileManager.default.removeItem(atPath: t) }
        let base = ["--as", "alice", "--device", "lap", "--now", "2026-03-27T10:00:00Z"]
        var r = try Self.run(["override", "nope", "bob", "2026-03-27T12:00:00Z", "2026-03-28T12:00:00Z"] + base, team: t)
        #expect(r.code == 1 && r.err.contains("biz, primary"))
        r = try Self.run(["override", "primary", "zed", "2026-03-27T12:00:00Z", "2026-03-28T12:00:00Z"] + base, team: t)
        #expect(r.code == 1 && r.err.contains("alice, bob"))
        r = try Self.run(["override", "primary", "bob", "2026-03-28T12:00:00Z", "2026-03-28T12:00:00Z"] + base, team: t)
        #expect(r.code == 2)
        r = try Self.run(["override", "primary", "bob", "yesterday", "2026-03-28T12:00:00Z"] + base, team: t)
        #expect(r.code == 2)
        #expect(!FileManager.default.fileExists(atPath: t + "/journal/alice/lap.jsonl"), "a refused override writes nothing")
    }

    @Test func overrideThenCancelChangesWhoIsOnCall() throws {
        let t = try Self.team()
        defer { try? FileManager.default.removeItem(atPath: t) }
        let base = ["--as", "alice", "--device", "lap", "--now", "2026-03-27T10:00:00Z"]
        // Week of 23 March is shift 3 = bob; alice takes over for a day (FROM given with an offset).
        let w = try Self.run(["override", "primary", "alice", "2026-03-27T13:00:00+01:00", "2026-03-28T12:00:00Z"] + base, team: t)
        #expect(w.code == 0, "\(w.err)")
        let id = w.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.count == 32)
        let line = try String(contentsOfFile: t + "/journal/alice/lap.jsonl", encoding: .utf8)
        #expect(line.contains("\"op\":\"oncall.override\"") && line.contains("\"from\":\"2026-03-27T12:00:00Z\""))

        var doc = try Self.json(try Self.run(["oncall", "--json", "--now", "2026-03-27T14:00:00Z"], team: t).out)
        var now = try #require(Self.rotation(doc, "primary")?["now"] as? [String: Any])
        #expect(now["member"] as? String == "alice" && now["override"] as? Bool == true && now["override_event"] as? String == id)
        #expect(now["start"] as? String == "2026-03-27T12:00:00Z" && now["end"] as? String == "2026-03-28T12:00:00Z")
        let next = try #require(Self.rotation(doc, "primary")?["next"] as? [String: Any])
        #expect(next["member"] as? String == "bob" && next["start"] as? String == "2026-03-28T12:00:00Z" && next["override"] as? Bool == false)

        var c = try Self.run(["oncall", "cancel", "nosuchoverride"] + base, team: t)
        #expect(c.code == 1)
        c = try Self.run(["oncall", "cancel", String(id.prefix(8))] + base, team: t)
        #expect(c.code == 0, "\(c.err)")
        doc = try Self.json(try Self.run(["oncall", "--json", "--now", "2026-03-27T14:00:00Z"], team: t).out)
        now = try #require(Self.rotation(doc, "primary")?["now"] as? [String: Any])
        #expect(now["member"] as? String == "bob" && now["override"] as? Bool == false)
    }

    @Test func statusJsonCarriesSpecFieldsAndGlanceExtras() throws {
        let t = try Self.team()
        defer { try? FileManager.default.removeItem(atPath: t) }
        // Saturday 28 March 12:00Z: no business-hours cover until Monday.
        let r = try Self.run(["status", "--json", "--as", "alice", "--now", "2026-03-28T12:00:00Z"], team: t)
        #expect(r.code == 0, "\(r.err)")
        let doc = try Self.json(r.out)
        let biz = try #require(Self.rotation(doc, "biz"))
        #expect(biz["name"] as? String == "Business, hours" && biz["timezone"] as? String == "America/New_York")
        #expect(biz["now"] is NSNull)
        let next = try #require(biz["next"] as? [String: Any])
        #expect(Set(next.keys).isSuperset(of: ["member", "start", "end", "override"]))
        let gaps = try #require(biz["gaps"] as? [[String: Any]])
        #expect(gaps.first?["start"] as? String == "2026-03-28T12:00:00Z")
        #expect(gaps.first?["end"] as? String == next["start"] as? String)
        let handoff = try #require(biz["handoff"] as? [String: Any])
        #expect(handoff["at"] as? String == next["start"] as? String)
        #expect(handoff["countdown_seconds"] is Int)
        #expect((handoff["viewer_local"] as? String)?.hasSuffix("+02:00") == true, "alice's Berlin time in summer")
        #expect(biz["warnings"] is [Any] && biz["my_next_shift"] is [String: Any])
    }

    @Test func readableOutputShowsNowNextAndGaps() throws {
        let t = try Self.team()
        defer { try? FileManager.default.removeItem(atPath: t) }
        let r = try Self.run(["oncall", "--as", "alice", "--now", "2026-03-28T12:00:00Z"], team: t)
        #expect(r.code == 0)
        #expect(r.out.contains("Primary [primary]") && r.out.contains("now:   bob (Bob)") && r.out.contains("next:  alice (Alice)"))
        #expect(r.out.contains("gaps (my time, coming 7 days):"))
        #expect(try Self.run(["oncall", "--rotation", "nope"], team: t).code == 2)
        #expect(try Self.run(["oncall", "--weeks", "2"], team: t).code == 2)
    }

    @Test func icsExportParsesAndKeepsUIDsAcrossReExports() throws {
        let t = try Self.team()
        defer { try? FileManager.default.removeItem(atPath: t) }
        let first = try Self.run(["oncall", "--ics", "--weeks", "2", "--now", "2026-03-27T10:00:00Z"], team: t)
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out.hasPrefix("BEGIN:VCALENDAR\r\n") && first.out.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!first.out.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "only CRLF line ends")
        for line in first.out.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        let script = """
        import sys, json
        try:
            import icalendar
        except ImportError:
            sys.stderr.write('the Python package icalendar is not installed: run pip install icalendar'); sys.exit(3)
        cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
        print(json.dumps({'name': str(cal.get('X-WR-CALNAME')), 'events': [{'uid': str(e['UID']), 'summary': str(e['SUMMARY']),
            'start': e.decoded('DTSTART').strftime('%Y-%m-%dT%H:%M:%SZ'), 'end': e.decoded('DTEND').strftime('%Y-%m-%dT%H:%M:%SZ'),
            'utc': e.decoded('DTSTART').utcoffset().total_seconds() == 0 and 'DTSTAMP' in e} for e in cal.walk('VEVENT')]}))
        """
        func parse(_ ics: String) throws -> (String, [[String: Any]]) {
            let out = try #require(Self.python(script, input: ics), "python3 with the icalendar package is required (pip install icalendar)")
            let doc = try Self.json(out)
            return (doc["name"] as? String ?? "", doc["events"] as? [[String: Any]] ?? [])
        }
        let (name, events) = try parse(first.out)
        // icalendar hands X- properties back raw: the escaped TEXT is what went out.
        #expect(name == "Platform\\, Inc\\; \\\\ ops on-call")
        // Now is Fri 27 March 06:00 in New York: the current primary week and the next two; the business
        // days from that Friday to Thursday 9 April (the export ends Fri 10 April 06:00 New York).
        let primary = events.filter { ($0["uid"] as? String)?.hasPrefix("primary-") == true }
        #expect(primary.map { $0["start"] as? String } == ["2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z", "2026-04-06T07:00:00Z"])
        #expect(events.filter { ($0["uid"] as? String)?.hasPrefix("biz-") == true }.count == 10)
        #expect(events.allSatisfy { $0["utc"] as? Bool == true })
        #expect(Set(events.compactMap { $0["uid"] as? String }).count == events.count, "UIDs are unique")
        #expect(events.contains { $0["summary"] as? String == "On call: Bob — Business, hours" })
        // A day later, the slots still ahead keep their UIDs.
        let later = try parse(try Self.run(["oncall", "--ics", "--weeks", "2", "--now", "2026-03-28T10:00:00Z"], team: t).out).1
        let before = Dictionary(events.map { ($0["uid"] as! String, $0["start"] as! String) }, uniquingKeysWith: { a, _ in a })
        for e in later where (e["start"] as! String) < "2026-04-10T00:00:00Z" {
            #expect(before[e["uid"] as! String] == e["start"] as? String, "re-export kept \(e["uid"]!)")
        }
    }

    static func python(_ script: String, input: String) -> String? {
        let r = Subprocess.run("/usr/bin/env", ["python3", "-c", script], input: input)
        guard r.code == 0 else {
            Issue.record("python3 failed (exit \(r.code)): \(r.err)")
            return nil
        }
        return r.out
    }
}
