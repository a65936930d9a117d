import Foundation
import Testing

/// SPEC §3 options with their environment and XDG config fallbacks, the kept device id, the
/// writing commands and the exit codes.
@Suite struct CLIOptionsTests {
    let now = "2026-11-25T10:00:00Z"

    func team(_ cli: CLIRunner, _ dir: String = "team") throws {
        #expect(try cli.run(["init", dir, "--name", "Demo"]).code == 0)
        #expect(try cli.run(["join", "--data", dir, "--id", "ann", "--name", "Ann", "--timezone", "Asia/Kathmandu", "--hours", "mon-fri 22:00-06:00"]).code == 0)
    }

    @Test func configFileSuppliesDataAndMember() throws {
        let cli = CLIRunner()
        try team(cli)
        cli.write("config/meridian/config.toml", "# my config\ndata = \"\(cli.sandbox)/team\"\nmember = \"ann\"\n")
        let r = try cli.run(["away", "lunch", "--now", now])
        #expect(r.code == 0, "\(r.stderr)")
        let events = cli.events(team: "team", member: "ann")
        #expect(events.map { $0["op"] as? String } == ["status.set"])
        #expect(events.first?["by"] as? String == "ann")
    }

    @Test func configDataMayBeRelativeToTheConfigOrUnderHome() throws {
        let cli = CLIRunner()
        try team(cli, "home/teams/t1")
        cli.write("config/meridian/config.toml", "data = \"~/teams/t1\"\n")
        #expect(try cli.run(["check"]).code == 0)
        try team(cli, "config/meridian/t2")
        cli.write("config/meridian/config.toml", "data = 't2'\n")
        #expect(try cli.run(["check"]).code == 0)
    }

    @Test func environmentBeatsConfigAndOptionsBeatEnvironment() throws {
        let cli = CLIRunner()
        try team(cli, "a")
        try team(cli, "b")
        #expect(try cli.run(["join", "--data", "b", "--id", "bob", "--name", "Bob", "--timezone", "UTC", "--hours", "mon 09:00-17:00"]).code == 0)
        cli.write("config/meridian/config.toml", "data = \"\(cli.sandbox)/nowhere\"\nmember = \"zed\"\n")
        let env = ["MERIDIAN_DATA": cli.sandbox + "/a", "MERIDIAN_MEMBER": "ann"]
        #expect(try cli.run(["away", "x", "--now", now], env: env).code == 0)
        #expect(cli.events(team: "a", member: "ann").count == 1)
        #expect(try cli.run(["away", "y", "--now", now, "--data", "b", "--as", "bob"], env: env).code == 0)
        #expect(cli.events(team: "b", member: "bob").count == 1)
        #expect(cli.events(team: "a", member: "ann").count == 1)
    }

    @Test func brokenConfigIsReportedOnlyWhenNeeded() throws {
        let cli = CLIRunner()
        try team(cli)
        cli.write("config/meridian/config.toml", "data = \"unterminated\nmember = \"ann\"\n")
        #expect(try cli.run(["check", "--data", "team"]).code == 0)
        let r = try cli.run(["check"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("config.toml:1"))
        #expect(CLIRunner.isOnePlainSentence(r.stderr))
    }

    @Test func deviceIDIsMadeOnceAndKept() throws {
        let cli = CLIRunner()
        try team(cli)
        #expect(!FileManager.default.fileExists(atPath: cli.deviceFile))
        #expect(try cli.run(["away", "one", "--data", "team", "--as", "ann", "--now", now]).code == 0)
        let device = try #require(cli.read("state/meridian/device")).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(device.range(of: "^[a-z0-9][a-z0-9_-]{0,31}$", options: .regularExpression) != nil)
        #expect(try cli.run(["away", "two", "--data", "team", "--as", "ann", "--now", now]).code == 0)
        #expect(cli.read("state/meridian/device")?.trimmingCharacters(in: .whitespacesAndNewlines) == device)
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.sandbox + "/team/journal/ann")
        #expect(files == ["\(device).jsonl"])
        #expect(cli.events(team: "team", member: "ann").count == 2)
        // --device and $MERIDIAN_DEVICE name other journal files.
        #expect(try cli.run(["away", "three", "--data", "team", "--as", "ann", "--device", "phone", "--now", now]).code == 0)
        #expect(try cli.run(["away", "four", "--data", "team", "--as", "ann", "--now", now], env: ["MERIDIAN_DEVICE": "tablet"]).code == 0)
        let all = try FileManager.default.contentsOfDirectory(atPath: cli.sandbox + "/team/journal/ann").sorted()
        #expect(all == ["\(device).jsonl", "phone.jsonl", "tablet.jsonl"].sorted())
        #expect(try cli.run(["away", "x", "--data", "team", "--as", "ann", "--device", "Bad Name"]).code == 2)
    }

    @Test func writingAsAMemberWithoutAFileIsExit2AndWritesNothing() throws {
        let cli = CLIRunner()
        try team(cli)
        for args in [["away", "x"], ["back"], ["timeoff", "2026-12-01", "2026-12-02"], ["timeoff", "--cancel", "abc"]] {
            let r = try cli.run(args + ["--data", "team", "--as", "ghost", "--now", now])
            #expect(r.code == 2, "\(args)")
            #expect(CLIRunner.isOnePlainSentence(r.stderr), "\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.sandbox + "/team/journal/ghost"))
        let noMember = try cli.run(["away", "x", "--data", "team", "--now", now])
        #expect(noMember.code == 2)
    }

    @Test func badUsageIsExit2WithOneSentence() throws {
        let cli = CLIRunner()
        try team(cli)
        let cases: [[String]] = [
            ["bogus"], ["status", "--data", "team", "--wat"], ["status", "--data", "team", "--now", "yesterday"],
            ["status", "--data", "team", "--members", "ann,ghost"], ["status", "--data", "team", "--date", "2026-13-01"],
            ["away", "x", "--data", "team", "--as", "ann", "--kind", "sleeping"],
            ["away", "x", "--data", "team", "--as", "ann", "--until", "later"],
            ["away", "x", "--data", "team", "--as", "ann", "--now", now, "--until", "2026-11-25T09:00:00Z"],
            ["timeoff", "2026-12-05", "2026-12-01", "--data", "team", "--as", "ann"],
            ["timeoff", "2026-12-05", "2026-12-06T10:00:00Z", "--data", "team", "--as", "ann"],
            ["timeoff", "2026-12-05", "--data", "team", "--as", "ann"],
            ["join", "--data", "team", "--id", "bob", "--name", "B", "--timezone", "Nowhere/City", "--hours", "mon 09:00-17:00"],
            ["join", "--data", "team", "--id", "bob", "--name", "B", "--timezone", "UTC", "--hours", "mon 09:00-09:00"],
            ["status", "--data", "team", "--as", "Not Valid"],
        ]
        for args in cases {
            let r = try cli.run(args)
            #expect(r.code == 2, "\(args): \(r.code) \(r.stderr)")
            #expect(CLIRunner.isOnePlainSentence(r.stderr), "\(args): \(r.stderr)")
        }
        #expect(cli.events(team: "team", member: "ann").isEmpty)
    }

    @Test func awayBackAndTimeoffWriteTheirEvents() throws {
        let cli = CLIRunner()
        try team(cli)
        let base = ["--data", "team", "--as", "ann", "--now", now]
        #expect(try cli.run(["away", "dentist", "--until", "2h", "--kind", "ooo"] + base).code == 0)
        var s = try cli.run(["status", "--json"] + base)
        #expect(s.code == 0)
        #expect(try cli.run(["back"] + base).code == 0)
        // Nothing in effect: succeeds and writes nothing.
        #expect(try cli.run(["back"] + base).code == 0)
        let add = try cli.run(["timeoff", "2026-12-24", "2026-12-31", "--note", "holidays"] + base)
        #expect(add.code == 0)
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.range(of: "^[0-9a-f]{32}$", options: .regularExpression) != nil)
        #expect(try cli.run(["timeoff", "2026-12-01T09:00:00Z", "2026-12-01T13:00:00+01:00"] + base).code == 0)
        let list = try cli.run(["timeoff"] + base)
        #expect(list.stdout.contains(id))
        #expect(try cli.run(["timeoff", "--cancel", id] + base).code == 0)
        #expect(try cli.run(["timeoff", "--cancel", id] + base).code == 1, "already cancelled: refused")
        #expect(try cli.run(["timeoff", "--cancel", "0123"] + base).code == 1)
        let events = cli.events(team: "team", member: "ann")
        #expect(events.map { $0["op"] as? String ?? "" } == ["status.set", "status.clear", "timeoff.add", "timeoff.add", "timeoff.cancel"])
        #expect(events[0]["text"] as? String == "dentist")
        #expect(events[0]["kind"] as? String == "ooo")
        #expect(events[0]["until"] as? String == "2026-11-25T12:00:00Z")
        #expect(events[2]["from"] as? String == "2026-12-24")
        #expect(events[2]["to"] as? String == "2026-12-31")
        #expect(events[2]["note"] as? String == "holidays")
        #expect(events[3]["to"] as? String == "2026-12-01T12:00:00Z")
        #expect(events[4]["ref"] as? String == id)
        let clocks = events.compactMap { ($0["lc"] as? NSNumber)?.int64Value }
        #expect(clocks == clocks.sorted() && Set(clocks).count == clocks.count, "lc strictly increases")
        #expect(clocks.first == 1_795_600_800_000)
        s = try cli.run(["check"] + base)
        #expect(s.code == 0, "\(s.stdout)")
        let raw = try String(contentsOfFile: cli.sandbox + "/team/journal/ann/" + (try FileManager.default.contentsOfDirectory(atPath: cli.sandbox + "/team/journal/ann")[0]), encoding: .utf8)
        #expect(!raw.contains("\n\n") && !raw.hasPrefix("\n") && raw.hasSuffix("\n"), "one line per event, no blank lines")
    }
}
