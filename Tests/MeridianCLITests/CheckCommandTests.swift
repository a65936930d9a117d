import Foundation
import Testing

/// `meridian check` names every broken file (with its line where one exists) and exits 1, while
/// `status --json` on the same directory still shows everything else.
@Suite struct CheckCommandTests {
    func brokenTeam(_ cli: CLIRunner) {
        cli.write("team/team.toml", "name = \"Broken but alive\"\ncolumns = [\"Todo\", \"Doing\", \"Done\"]\n")
        cli.write("team/members/ann.toml", "name = \"Ann\"\ntimezone = \"Asia/Kolkata\"\n[hours]\nmon = \"09:30-18:00\"\n")
        cli.write("team/members/bob.toml", "name = \"Bob\"\ntimezone = \"America/New_York\"\n[hours\nmon = \"09:00-17:00\"\n")
        cli.write("team/members/cat.toml", "name = \"Cat\"\ntimezone = \"Mars/Olympus_Mons\"\n")
        cli.write("team/members/dev.toml", "name = \"Dev\"\ntimezone = \"Asia/Kathmandu\"\n[hours]\nmon = \"09:00-17:00\"\ntue = \"09:00-09:00\"\nwed = \"25:00-26:00\"\n")
        cli.write("team/oncall/primary.toml", "name = \"Primary\"\ntimezone = \"Europe/Berlin\"\nstart = \"2026-11-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\", \"dev\"]\n")
        cli.write("team/oncall/bad.toml", "name = \"Bad\"\ntimezone = \"Europe/Berlin\"\nshift = \"fortnightly\"\nmembers = [\"ann\"]\n")
        let create = { (task: String, id: String, lc: Int) in
            "{\"id\":\"\(id)\",\"lc\":\(lc),\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\"task\":\"\(task)\",\"title\":\"Task \(task)\"}\n"
        }
        cli.write("team/journal/ann/lap.jsonl", create("T1", "e1", 1) + "{not json at all\n" + create("T2", "e2", 3))
    }

    @Test func checkNamesEveryBrokenFileAndExits1() throws {
        let cli = CLIRunner()
        brokenTeam(cli)
        let r = try cli.run(["check", "--data", "team"])
        #expect(r.code == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        func has(_ prefix: String) -> Bool { lines.contains { $0.hasPrefix(prefix) } }
        #expect(has("members/bob.toml:3: "), "TOML syntax error with its line")
        #expect(has("members/cat.toml:2: "), "unknown zone with its line")
        #expect(has("members/dev.toml:5: "), "09:00-09:00 with its line")
        #expect(has("members/dev.toml:6: "), "25:00-26:00 with its line")
        #expect(has("oncall/bad.toml: ") || has("oncall/bad.toml:"), "a rotation with no start")
        #expect(has("oncall/bad.toml:3: "), "shift = fortnightly with its line")
        #expect(has("journal/ann/lap.jsonl:2: "), "non-JSON journal line with its line")
        #expect(!lines.contains { $0.contains("members/ann.toml") || $0.contains("oncall/primary.toml") })
        #expect(lines.allSatisfy { $0.range(of: #"^[^:]+(:\d+)?: \S"#, options: .regularExpression) != nil }, "\(lines)")
    }

    @Test func statusJsonStillShowsEverythingElse() throws {
        let cli = CLIRunner()
        brokenTeam(cli)
        let r = try cli.run(["status", "--json", "--data", "team", "--now", "2026-11-25T12:00:00Z"])
        #expect(r.code == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["schema"] as? String == "meridian.status/1")
        let members = (doc["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(members == ["ann", "dev"])
        let board = try #require(doc["board"] as? [String: Any])
        let columns = board["columns"] as? [[String: Any]] ?? []
        #expect(columns.compactMap { $0["name"] as? String } == ["Todo", "Doing", "Done"])
        let tasks = columns.flatMap { ($0["tasks"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(tasks == ["T1", "T2"])
        let oncall = (doc["oncall"] as? [[String: Any]] ?? []).compactMap { $0["rotation"] as? String }
        #expect(oncall == ["primary"])
        let problems = (doc["problems"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        #expect(Set(problems) == ["members/bob.toml", "members/cat.toml", "members/dev.toml", "oncall/bad.toml", "journal/ann/lap.jsonl"])
    }

    @Test func cleanTeamChecksQuietlyWithExit0() throws {
        let cli = CLIRunner()
        cli.write("team/team.toml", "name = \"Clean\"\n")
        cli.write("team/members/ann.toml", "name = \"Ann\"\ntimezone = \"UTC\"\n")
        let r = try cli.run(["check", "--data", "team"])
        #expect(r.code == 0)
        #expect(r.stdout.isEmpty)
    }

    @Test func missingOrNonTeamDirectoryIsExit2WithOneSentence() throws {
        let cli = CLIRunner()
        cli.write("plain/readme.txt", "hello\n")
        for dir in ["nowhere", "plain"] {
            let r = try cli.run(["check", "--data", dir])
            #expect(r.code == 2)
            #expect(r.stdout.isEmpty)
            #expect(CLIRunner.isOnePlainSentence(r.stderr), "\(r.stderr)")
        }
        let none = try cli.run(["check"])
        #expect(none.code == 2)
        #expect(CLIRunner.isOnePlainSentence(none.stderr), "\(none.stderr)")
    }

    @Test func problemTextFromTeamIsSanitized() throws {
        let cli = CLIRunner()
        cli.write("team/team.toml", "name = \"T\"\n")
        cli.write("team/members/evil.toml", "name = \"E\"\ntimezone = \"\\u001b[31mRed\"\n")
        let r = try cli.run(["check", "--data", "team"])
        #expect(r.code == 1)
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B })
    }
}
