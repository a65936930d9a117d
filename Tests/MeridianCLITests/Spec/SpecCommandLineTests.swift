import Foundation
import Testing

/// SPEC §3 "The command line": options with their fallbacks, every command, exit codes, errors.
@Suite struct SpecCommandLineTests {
    /// ann and bob (UTC) and one task T1, created by bob.
    func team() -> SpecTeam {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.journal("journal/bob/pc.jsonl", [ev("c1", lc: 1, by: "bob", "task.create", "\"task\":\"T1\",\"title\":\"One\"")])
        return t
    }

    let asAnn = ["--as", "ann", "--device", "lap"]

    // --data DIR, else $MERIDIAN_DATA, else `data` in $XDG_CONFIG_HOME/meridian/config.toml.
    @Test func dataOptionEnvironmentAndConfig() throws {
        let t = team()
        let other = SpecTeam("name = \"Other\"\n")
        func name(_ r: TimeCLI.Result) -> String? { (r.json["team"] as? [String: Any])?["name"] as? String ?? (r.code == 0 ? "?" : nil) }
        func taskCount(_ r: TimeCLI.Result) -> Int { SpecStatus(r.json).taskIDs.count }
        let now = ["--now", SpecTeam.now]
        // Config only.
        try FileManager.default.createDirectory(atPath: t.root + "/config/meridian", withIntermediateDirectories: true)
        try "data = \"\(t.team)\"\n".write(toFile: t.root + "/config/meridian/config.toml", atomically: true, encoding: .utf8)
        var r = t.raw(["status", "--json"] + now)
        #expect(r.code == 0 && taskCount(r) == 1, "\(r.err)")
        // Environment beats config.
        r = t.raw(["status", "--json"] + now, env: ["MERIDIAN_DATA": other.team])
        #expect(r.code == 0 && taskCount(r) == 0)
        // The option beats both.
        r = t.raw(["status", "--json", "--data", t.team] + now, env: ["MERIDIAN_DATA": other.team])
        #expect(r.code == 0 && taskCount(r) == 1)
        // Nothing at all: bad usage.
        try FileManager.default.removeItem(atPath: t.root + "/config/meridian/config.toml")
        r = t.raw(["status", "--json"] + now)
        #expect(r.code == 2)
        #expect(isOneSentence(r.err))
    }

    // --as MEMBER, else $MERIDIAN_MEMBER, else `member` in the same config.
    @Test func asOptionEnvironmentAndConfig() throws {
        let t = team()
        func viewer(_ r: TimeCLI.Result) -> String? { (r.json["viewer"] as? [String: Any])?["member"] as? String }
        try FileManager.default.createDirectory(atPath: t.root + "/config/meridian", withIntermediateDirectories: true)
        try "member = \"bob\"\n".write(toFile: t.root + "/config/meridian/config.toml", atomically: true, encoding: .utf8)
        #expect(viewer(t.run(["status", "--json"])) == "bob")
        #expect(viewer(t.run(["status", "--json"], env: ["MERIDIAN_MEMBER": "ann"])) == "ann")
        #expect(viewer(t.run(["status", "--json", "--as", "bob"], env: ["MERIDIAN_MEMBER": "ann"])) == "bob")
        // A write goes to the resolved member's journal.
        #expect(t.run(["claim", "T1", "--device", "lap"], env: ["MERIDIAN_MEMBER": "ann"]).code == 0)
        #expect(t.events(of: "ann").map { $0["op"] as? String } == ["task.claim"])
        #expect(t.events(of: "ann").first?["by"] as? String == "ann")
    }

    // --device NAME, else $MERIDIAN_DEVICE, else an id made once and kept in $XDG_STATE_HOME/meridian/.
    @Test func deviceOptionEnvironmentAndKeptID() throws {
        let t = team()
        t.journal("journal/bob/pc.jsonl", [ev("c2", lc: 2, by: "bob", "task.create", "\"task\":\"T2\",\"title\":\"Two\""),
                                           ev("c3", lc: 3, by: "bob", "task.create", "\"task\":\"T3\",\"title\":\"Three\""),
                                           ev("c4", lc: 4, by: "bob", "task.create", "\"task\":\"T4\",\"title\":\"Four\"")])
        let fm = FileManager.default
        #expect(t.run(["claim", "T1", "--as", "ann"]).code == 0)
        let kept = try fm.contentsOfDirectory(atPath: t.root + "/state/meridian")
        #expect(!kept.isEmpty, "the device id is kept under $XDG_STATE_HOME/meridian/")
        let first = try fm.contentsOfDirectory(atPath: t.team + "/journal/ann")
        #expect(first.count == 1)
        let stem = String(first[0].dropLast(".jsonl".count))
        #expect(first[0].hasSuffix(".jsonl") && stem.range(of: "^[a-z0-9][a-z0-9_-]{0,31}$", options: .regularExpression) != nil)
        #expect(t.run(["claim", "T2", "--as", "ann"]).code == 0)
        #expect(try fm.contentsOfDirectory(atPath: t.team + "/journal/ann") == first, "the same id next time")
        #expect(t.run(["claim", "T3", "--as", "ann"], env: ["MERIDIAN_DEVICE": "tablet"]).code == 0)
        #expect(t.run(["claim", "T4", "--as", "ann", "--device", "phone"], env: ["MERIDIAN_DEVICE": "tablet"]).code == 0)
        #expect(Set(try fm.contentsOfDirectory(atPath: t.team + "/journal/ann")) == Set(first + ["tablet.jsonl", "phone.jsonl"]))
    }

    // --now INSTANT; an event written records it: at = now, lc = max(now ms, 1 + largest lc read).
    @Test func nowOptionAndTheWrittenEventFields() throws {
        let t = team()
        let r = t.run(["claim", "T1"] + asAnn)
        #expect(r.code == 0)
        let e = try #require(t.events(of: "ann").first)
        let nowMS = Int64(TimeCLI.seconds(SpecTeam.now)) * 1000
        #expect((e["lc"] as? NSNumber)?.int64Value == nowMS)
        #expect(TimeCLI.seconds(e["at"] as? String ?? "") == TimeCLI.seconds(SpecTeam.now))
        #expect((e["at"] as? String)?.hasSuffix("Z") == true)
        #expect(e["by"] as? String == "ann")
        #expect(e["op"] as? String == "task.claim")
        #expect(e["task"] as? String == "T1")
        #expect((e["id"] as? String)?.range(of: "^[0-9a-f]{32}$", options: .regularExpression) != nil)
        // A clock read from TEAM that is ahead of now: 1 + the largest.
        let u = team()
        u.journal("journal/bob/pc.jsonl", [ev("c9", lc: 9_999_999_999_999, by: "bob", "task.comment", "\"task\":\"T1\",\"text\":\"future\"")])
        #expect(u.run(["claim", "T1"] + asAnn).code == 0)
        #expect((u.events(of: "ann").first?["lc"] as? NSNumber)?.int64Value == 10_000_000_000_000)
        // --now with an offset names the same instant; `now` is printed in UTC with Z.
        let off = t.raw(["status", "--json", "--data", t.team, "--now", "2026-11-25T10:00:00+05:30"])
        #expect(off.json["now"] as? String == "2026-11-25T04:30:00Z")
        // A bad --now is bad usage.
        let bad = t.raw(["status", "--json", "--data", t.team, "--now", "tomorrow-ish"])
        #expect(bad.code == 2)
        #expect(isOneSentence(bad.err))
    }

    // init DIR --name N creates an empty team directory.
    @Test func initCreatesAnEmptyTeam() {
        let t = SpecTeam(nil)
        let dir = t.root + "/newteam"
        let r = t.raw(["init", dir, "--name", "Platform \"Core\""])
        #expect(r.code == 0, "\(r.err)")
        #expect(FileManager.default.fileExists(atPath: dir + "/team.toml"))
        let parsed = python("import tomllib,sys; d=tomllib.load(open(sys.argv[1],'rb')); print(d['name'])", dir + "/team.toml")
        #expect(parsed == "Platform \"Core\"")
        let s = t.raw(["status", "--json", "--data", dir, "--now", SpecTeam.now])
        #expect(s.code == 0)
        let st = SpecStatus(s.json)
        #expect(st.members.isEmpty && st.taskIDs.isEmpty && st.problems.isEmpty && st.oncall.isEmpty)
        #expect(t.raw(["check", "--data", dir]).code == 0)
        // init does not clobber an existing team.
        let again = t.raw(["init", dir, "--name", "Other"])
        #expect(again.code != 0)
        #expect(python("import tomllib,sys; d=tomllib.load(open(sys.argv[1],'rb')); print(d['name'])", dir + "/team.toml") == "Platform \"Core\"")
    }

    // join --id ID --name N --timezone Z --hours SPEC writes members/ID.toml.
    @Test func joinWritesTheMemberFile() throws {
        let t = SpecTeam()
        let r = t.raw(["join", "--data", t.team, "--id", "priya", "--name", "Priya Raman", "--timezone", "Asia/Kolkata",
                       "--hours", "mon-fri 09:30-18:00; sat 22:00-02:00"])
        #expect(r.code == 0, "\(r.err)")
        let out = python("""
            import tomllib, sys, json
            d = tomllib.load(open(sys.argv[1], 'rb'))
            h = d.get('hours', {})
            norm = {k: (v if isinstance(v, list) else [v]) for k, v in h.items()}
            print(json.dumps([d['name'], d['timezone'], norm], sort_keys=True))
            """, t.team + "/members/priya.toml")
        let expected = "[\"Priya Raman\", \"Asia/Kolkata\", {\"fri\": [\"09:30-18:00\"], \"mon\": [\"09:30-18:00\"], \"sat\": [\"22:00-02:00\"], \"thu\": [\"09:30-18:00\"], \"tue\": [\"09:30-18:00\"], \"wed\": [\"09:30-18:00\"]}]"
        #expect(out == expected)
        let s = t.status()
        #expect(s.member("priya")?["name"] as? String == "Priya Raman")
        #expect(s.member("priya")?["timezone"] as? String == "Asia/Kolkata")
        #expect(s.problems.isEmpty)
        for bad in [["--id", "Priya"], ["--timezone", "Mars/Base"], ["--hours", "someday 9-5"]] {
            var args = ["join", "--data", t.team, "--id", "x1", "--name", "X", "--timezone", "UTC", "--hours", "mon 09:00-17:00"]
            let i = args.firstIndex(of: bad[0])!
            args[i + 1] = bad[1]
            let j = t.raw(args)
            #expect(j.code == 2, "\(bad)")
            #expect(isOneSentence(j.err), "\(bad): \(j.err)")
        }
        #expect(!t.exists("members/x1.toml") && !t.exists("members/Priya.toml"))
    }

    // join's --hours SPEC (SPEC leaves the syntax open): the forms people type all give the same file.
    @Test func joinHoursForms() {
        let t = SpecTeam()
        let script = """
            import tomllib, sys, json
            d = tomllib.load(open(sys.argv[1], 'rb'))
            h = d.get('hours', {})
            print(json.dumps({k: (v if isinstance(v, list) else [v]) for k, v in h.items()}, sort_keys=True))
            """
        let expected = "{\"fri\": [\"09:00-12:00\", \"13:00-17:00\"], \"mon\": [\"09:00-12:00\", \"13:00-17:00\"], \"sat\": [\"22:00-02:00\"], \"thu\": [\"09:00-12:00\", \"13:00-17:00\"], \"tue\": [\"09:00-12:00\", \"13:00-17:00\"], \"wed\": [\"09:00-12:00\", \"13:00-17:00\"]}"
        for spec in ["mon-fri 09:00-12:00,13:00-17:00; sat 22:00-02:00", "Mon-Fri 9:00-12:00 13:00-17:00, Sat 22:00-02:00",
                     "mon-fri 9-12,13-17 sat 22-2", "mon,tue,wed,thu,fri 09:00 - 12:00, 13:00 - 17:00; sat 22:00-02:00"] {
            let r = t.raw(["join", "--data", t.team, "--id", "ann", "--name", "Ann", "--timezone", "UTC", "--hours", spec])
            #expect(r.code == 0, "\(spec): \(r.err)")
            #expect(python(script, t.team + "/members/ann.toml") == expected, "\(spec)")
        }
        for bad in ["09:00-17:00", "mon-fri", "someday 09:00-17:00", "mon 09:00-09:00", "mon 25:00-26:00"] {
            let r = t.raw(["join", "--data", t.team, "--id", "bob", "--name", "Bob", "--timezone", "UTC", "--hours", bad])
            #expect(r.code == 2, "\(bad)")
        }
    }

    // task add TITLE [--column C] [--priority P] [--label L]… [--due D] appends task.create, prints the new id.
    @Test func taskAddPrintsTheNewID() throws {
        let t = team()
        let r = t.run(["task", "add", "Fix login", "--column", "Doing", "--priority", "high", "--label", "bug", "--label", "auth", "--due", "2026-12-01"] + asAnn)
        #expect(r.code == 0, "\(r.err)")
        let id = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.range(of: "^[A-Za-z0-9._-]{1,32}$", options: .regularExpression) != nil, "printed: \(r.out)")
        let e = try #require(t.events(of: "ann").first)
        #expect(e["op"] as? String == "task.create")
        #expect(e["task"] as? String == id)
        #expect(e["title"] as? String == "Fix login")
        #expect(e["column"] as? String == "Doing")
        #expect(e["priority"] as? String == "high")
        #expect(e["labels"] as? [String] == ["bug", "auth"])
        #expect(e["due"] as? String == "2026-12-01")
        let s = t.status()
        #expect(s.columnOf(id) == "Doing")
        // Two adds give two ids.
        let r2 = t.run(["task", "add", "Another"] + asAnn)
        #expect(r2.code == 0 && r2.out.trimmingCharacters(in: .whitespacesAndNewlines) != id)
        #expect(t.status().columnOf(r2.out.trimmingCharacters(in: .whitespacesAndNewlines)) == "Todo")
        // An unknown column is refused (1), a bad priority is bad usage (2); nothing written.
        let before = t.journalSnapshot()
        let col = t.run(["task", "add", "X", "--column", "Nope"] + asAnn)
        #expect(col.code == 1 && isOneSentence(col.err))
        let pri = t.run(["task", "add", "X", "--priority", "asap"] + asAnn)
        #expect(pri.code == 2 && isOneSentence(pri.err))
        #expect(t.journalSnapshot() == before)
    }

    // claim ID, release ID, move ID COLUMN, assign ID MEMBER append the event.
    @Test func claimReleaseMoveAssignAppendTheEvent() throws {
        let t = team()
        #expect(t.run(["claim", "T1"] + asAnn).code == 0)
        #expect(t.run(["move", "T1", "Review"] + asAnn).code == 0)
        #expect(t.run(["release", "T1"] + asAnn).code == 0)
        #expect(t.run(["assign", "T1", "bob"] + asAnn).code == 0)
        let events = t.events(of: "ann")
        #expect(events.map { $0["op"] as? String } == ["task.claim", "task.move", "task.release", "task.assign"])
        try #require(events.count == 4)
        #expect(events[1]["column"] as? String == "Review")
        #expect(events[3]["to"] as? String == "bob")
        #expect(events.allSatisfy { $0["task"] as? String == "T1" })
        let lcs = events.compactMap { ($0["lc"] as? NSNumber)?.int64Value }
        #expect(lcs == lcs.sorted() && Set(lcs).count == 4, "each write's lc exceeds the largest read")
        let s = t.status()
        #expect(s.holder("T1") == "bob")
        #expect(s.columnOf("T1") == "Review")
    }

    // Exit 1: refused (another holder, releasing a task I don't hold, unknown task or column); nothing written.
    @Test func refusalsAreExit1AndWriteNothing() {
        let t = team()
        t.journal("journal/bob/pc.jsonl", [ev("c2", lc: 2, by: "bob", "task.claim", "\"task\":\"T1\"")])
        t.journal("journal/bob/pc.jsonl", [ev("c3", lc: 3, by: "bob", "task.create", "\"task\":\"FREE\",\"title\":\"nobody holds it\"")])
        let before = t.journalSnapshot()
        for args in [["claim", "T1"], ["release", "T1"], ["release", "FREE"], ["claim", "NOPE"], ["release", "NOPE"], ["move", "NOPE", "Done"],
                     ["move", "T1", "Nowhere"], ["assign", "NOPE", "ann"]] {
            let r = t.run(args + asAnn)
            #expect(r.code == 1, "\(args): \(r.code) \(r.err)")
            #expect(isOneSentence(r.err), "\(args): \(r.err)")
        }
        #expect(t.journalSnapshot() == before)
        #expect(t.status().conflicts.isEmpty, "a refused claim is never a conflict")
    }

    // Claiming a task I already hold succeeds and writes nothing.
    @Test func claimingATaskIAlreadyHoldWritesNothing() {
        let t = team()
        #expect(t.run(["claim", "T1"] + asAnn).code == 0)
        let before = t.journalSnapshot()
        let r = t.run(["claim", "T1"] + asAnn)
        #expect(r.code == 0)
        #expect(t.journalSnapshot() == before)
    }

    // Exit 2: an --as member with no file in members/ for a command that writes.
    @Test func writingAsAMemberWithoutAFileIsExit2() {
        let t = team()
        let before = t.journalSnapshot()
        t.write("oncall/ops.toml", "name = \"Ops\"\ntimezone = \"UTC\"\nstart = \"2026-11-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\"]\n")
        for args in [["claim", "T1"], ["task", "add", "X"], ["move", "T1", "Done"], ["assign", "T1", "ann"],
                     ["override", "ops", "ann", "2026-11-25T12:00:00Z", "2026-11-25T13:00:00Z"]] {
            let r = t.run(args + ["--as", "zed", "--device", "lap"])
            #expect(r.code == 2, "\(args)")
            #expect(isOneSentence(r.err), "\(args): \(r.err)")
        }
        #expect(t.journalSnapshot() == before)
        // Even where the action would also be refused (held by another, unknown rotation), who I am comes first.
        t.journal("journal/bob/pc.jsonl", [ev("c2", lc: 2, by: "bob", "task.claim", "\"task\":\"T1\"")])
        let held = t.journalSnapshot()
        for args in [["claim", "T1"], ["override", "nope", "ann", "2026-11-25T12:00:00Z", "2026-11-25T13:00:00Z"]] {
            #expect(t.run(args + ["--as", "zed", "--device", "lap"]).code == 2, "\(args)")
        }
        let none = t.run(["claim", "T1", "--device", "lap"])
        #expect(none.code == 2, "no member at all")
        #expect(t.journalSnapshot() == held)
        #expect(!t.exists("journal/zed"))
    }

    // Exit 2: bad usage; unreadable TEAM.
    @Test func badUsageIsExit2WithOneSentence() throws {
        let t = team()
        for args in [["frobnicate"], ["status", "--bogus"], ["claim"], ["move", "T1"], ["status", "--date", "25/11/2026"],
                     ["task", "add"], ["status", "--json", "--members", "ann,zed"]] {
            let r = t.run(args)
            #expect(r.code == 2, "\(args): \(r.code)")
            #expect(isOneSentence(r.err), "\(args): \(r.err)")
        }
        // join into a folder without team.toml.
        let n = SpecTeam(nil)
        let j = n.raw(["join", "--data", n.team, "--id", "ann", "--name", "Ann", "--timezone", "UTC", "--hours", "mon 09:00-17:00"])
        #expect(j.code == 2 && isOneSentence(j.err))
        #expect(!n.exists("members/ann.toml"))
        // A TEAM that cannot be read (team.toml is a folder).
        let u = SpecTeam(nil)
        try FileManager.default.createDirectory(atPath: u.team + "/team.toml", withIntermediateDirectories: true)
        let r = u.run(["status", "--json"])
        #expect(r.code == 2)
        #expect(isOneSentence(r.err))
    }

    // away TEXT [--until I] [--kind K] → status.set; back → status.clear.
    @Test func awayAndBack() throws {
        let t = team()
        var r = t.run(["away", "lunch", "--until", "2026-11-25T11:00:00Z"] + asAnn)
        #expect(r.code == 0, "\(r.err)")
        r = t.run(["away", "deep work", "--kind", "focus"] + asAnn)
        #expect(r.code == 0, "\(r.err)")
        r = t.run(["back"] + asAnn)
        #expect(r.code == 0, "\(r.err)")
        let e = t.events(of: "ann")
        #expect(e.map { $0["op"] as? String } == ["status.set", "status.set", "status.clear"])
        #expect(e.first?["text"] as? String == "lunch")
        #expect(e.first?["kind"] as? String == "away")
        #expect(TimeCLI.seconds(e.first?["until"] as? String ?? "1970-01-01T00:00:00Z") == TimeCLI.seconds("2026-11-25T11:00:00Z"))
        #expect(e.dropFirst().first?["kind"] as? String == "focus")
        #expect(t.run(["away", "x", "--kind", "sleeping"] + asAnn).code == 2)
    }

    // timeoff FROM TO [--note N] → timeoff.add.
    @Test func timeoffAppendsTimeoffAdd() {
        let t = team()
        #expect(t.run(["timeoff", "2026-12-24", "2026-12-31", "--note", "holidays"] + asAnn).code == 0)
        let e = t.events(of: "ann")
        #expect(e.map { $0["op"] as? String } == ["timeoff.add"])
        #expect(e.first?["from"] as? String == "2026-12-24")
        #expect(e.first?["to"] as? String == "2026-12-31")
        #expect(e.first?["note"] as? String == "holidays")
        #expect(t.run(["timeoff", "2026-12-24", "2026-12-31T00:00:00Z"] + asAnn).code == 2, "a date and an instant")
    }

    // override ROTATION MEMBER FROM TO → oncall.override.
    @Test func overrideAppendsOncallOverride() {
        let t = team()
        t.write("oncall/ops.toml", "name = \"Ops\"\ntimezone = \"UTC\"\nstart = \"2026-11-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\"]\n")
        let r = t.run(["override", "ops", "bob", "2026-11-25T12:00:00Z", "2026-11-25T18:00:00Z"] + asAnn)
        #expect(r.code == 0, "\(r.err)")
        let e = t.events(of: "ann")
        #expect(e.map { $0["op"] as? String } == ["oncall.override"])
        #expect(e.first?["rotation"] as? String == "ops")
        #expect(e.first?["member"] as? String == "bob")
        #expect(TimeCLI.seconds(e.first?["from"] as? String ?? "") == TimeCLI.seconds("2026-11-25T12:00:00Z"))
        #expect(TimeCLI.seconds(e.first?["to"] as? String ?? "") == TimeCLI.seconds("2026-11-25T18:00:00Z"))
        let now = t.status(now: "2026-11-25T13:00:00Z").rotation("ops")?["now"] as? [String: Any]
        #expect(now?["member"] as? String == "bob")
    }

    // check: FILE:LINE: message (FILE: message where no line applies); exit 1 if any, 0 if none.
    @Test func checkFormatAndExitCodes() {
        let t = team()
        let clean = t.run(["check"])
        #expect(clean.code == 0)
        t.write("members/zed.toml", "name = \"Zed\"\n")                         // no timezone: a problem about the file
        t.journal("journal/bob/pc.jsonl", ["{oops"])                            // line 2
        let r = t.run(["check"])
        #expect(r.code == 1)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("journal/bob/pc.jsonl:2: ") && $0.count > "journal/bob/pc.jsonl:2: ".count })
        #expect(lines.contains { $0.hasPrefix("members/zed.toml") })
        // Every line is FILE:LINE: message or FILE: message.
        let pattern = "^[^:]+(:[0-9]+)?: .+$"
        #expect(lines.allSatisfy { $0.range(of: pattern, options: .regularExpression) != nil }, "\(lines)")
    }

    @Test func checkPrintsEveryProblemOfStatusInItsFormat() throws {
        let t = team()
        try FileManager.default.createSymbolicLink(atPath: t.team + "/journal/bob/x.jsonl", withDestinationPath: "/etc/passwd")
        t.write("members/zed.toml", "name = \"Zed\"\n")
        t.write("oncall/r.toml", "name = \"R\"\ntimezone = \"UTC\"\nshift = \"1d\"\nmembers = [\"ann\"]\n")
        t.journal("journal/bob/pc.jsonl", ["{oops", ev("c1", lc: 5, by: "bob", "task.create", "\"task\":\"T9\",\"title\":\"x\"")])
        let s = t.status()
        let c = t.run(["check"])
        #expect(c.code == 1)
        let lines = Set(c.out.split(separator: "\n").map(String.init))
        #expect(lines.count == s.problems.count)
        for p in s.problems {
            let file = p["file"] as? String ?? "", message = p["message"] as? String ?? ""
            let expected = (p["line"] as? Int).map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
            #expect(lines.contains(expected), "\(expected) in \(lines)")
        }
    }

    // demo [DIR] writes a realistic demo team (default: a fresh folder under the state dir) and opens it.
    @Test func demoWritesATeam() throws {
        let t = SpecTeam(nil)
        let r = t.raw(["demo", t.root + "/demo", "--now", SpecTeam.now])
        #expect(r.code == 0, "\(r.err)")
        let s = t.raw(["status", "--json", "--data", t.root + "/demo", "--now", SpecTeam.now])
        #expect(s.code == 0)
        let st = SpecStatus(s.json)
        #expect(st.members.count >= 6 && !st.taskIDs.isEmpty && !st.oncall.isEmpty)
        #expect(st.problems.isEmpty, "\(st.problems)")
        // No DIR: a fresh folder under $XDG_STATE_HOME/meridian/, a new one each time.
        #expect(t.raw(["demo", "--now", SpecTeam.now]).code == 0)
        #expect(t.raw(["demo", "--now", SpecTeam.now]).code == 0)
        let state = t.root + "/state/meridian"
        let teams = try FileManager.default.contentsOfDirectory(atPath: state).filter { FileManager.default.fileExists(atPath: state + "/" + $0 + "/team.toml") }
        #expect(teams.count == 2)
    }

    func python(_ script: String, _ arg: String) -> String {
        TimeCLI.exec("/usr/bin/env", ["python3", "-c", script, arg]).out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
