import Foundation
import Testing
@testable import MeridianCLI

/// Things a new user tripped over while following the README (the `walk` review).
@Suite struct WalkthroughTests {
    /// ann in UTC; bob in Kiritimati (+14:00), whose date is a day ahead for much of the UTC day.
    func team() -> SpecTeam {
        let t = SpecTeam()
        t.member("ann", zone: "UTC", hours: ["mon": "\"09:00-17:00\"", "tue": "\"09:00-17:00\"", "wed": "\"09:00-17:00\""])
        t.member("bob", zone: "Pacific/Kiritimati", hours: ["wed": "\"09:00-17:00\"", "thu": "\"09:00-17:00\""])
        return t
    }

    @Test func globalOptionsMayComeBeforeTheCommandName() {
        #expect(LeadingGlobalOptions.reorder(["--data", "d", "--as", "ann", "status", "--json"])
                == ["status", "--data", "d", "--as", "ann", "--json"])
        #expect(LeadingGlobalOptions.reorder(["--data=d", "task", "add", "X"]) == ["task", "add", "--data=d", "X"])
        #expect(LeadingGlobalOptions.reorder(["--now", "2026-11-25T10:00:00Z", "oncall", "cancel", "abcdef"])
                == ["oncall", "cancel", "--now", "2026-11-25T10:00:00Z", "abcdef"])
        // No command named: the dashboard (the default command) takes the options as typed.
        #expect(LeadingGlobalOptions.reorder(["--data", "d", "--ascii"]) == ["--data", "d", "--ascii"])
        #expect(LeadingGlobalOptions.reorder(["status", "--data", "d"]) == ["status", "--data", "d"])

        let t = team()
        let before = t.raw(["--data", t.team, "--as", "ann", "--now", SpecTeam.now, "status", "--json"])
        let after = t.run(["status", "--json", "--as", "ann"])
        #expect(before.code == 0, "\(before.err)")
        #expect(before.out == after.out)
        let add = t.raw(["--data", t.team, "--as", "ann", "task", "add", "From the front"])
        #expect(add.code == 0, "\(add.err)")
        #expect(t.status().tasks.contains { $0["title"] as? String == "From the front" })
    }

    @Test func oncallNamesTheirOffsetOnceWhenTheirDateDiffers() throws {
        let t = team()
        t.write("oncall/r.toml", "name = \"R\"\ntimezone = \"UTC\"\nstart = \"2026-11-02 11:00\"\nshift = \"1d\"\nmembers = [\"bob\"]\n")
        let r = t.run(["oncall", "--as", "ann"])
        #expect(r.code == 0, "\(r.err)")
        // Until 2026-11-25 11:00Z, which is Thu 2026-11-26 01:00 +14:00 for bob.
        #expect(r.out.contains("Thu 2026-11-26 01:00 +14:00 bob's time"), "\(r.out)")
        let doubled = try Regex(#"([+-]\d\d:\d\d) \1"#)
        #expect(!r.out.contains(doubled), "\(r.out)")
    }

    @Test func statusTextHeadsTheOverlapOnce() {
        let t = team()
        let r = t.run(["status", "--as", "ann"])
        #expect(r.code == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("Overlap on ") }.count == 1)
        #expect(!lines.contains("Overlap"))
    }

    @Test func awaySaysWhenItEndsInMyTime() {
        let t = team()
        let r = t.run(["away", "Lunch", "--until", "45m", "--as", "bob"])
        #expect(r.code == 0, "\(r.err)")
        // 10:45Z is Thu 00:45 in Kiritimati; the UTC instant follows in brackets.
        #expect(r.out.contains("until Thu 00:45 your time (2026-11-25T10:45:00"), "\(r.out)")
    }
}

/// Usage errors from swift-argument-parser end as a sentence naming the command's help.
@Suite struct UsageSentenceTests {
    @Test func parserErrorsAreOneSentenceWithTheirCommandsHelp() {
        let t = SpecTeam()
        t.member("ann")
        for (args, help) in [(["claim"], "meridian claim --help"), (["task", "add"], "meridian task add --help"),
                             (["status", "--bogus"], "meridian status --help"), (["--as", "ann", "oncall", "cancel"], "meridian oncall cancel --help")] {
            let r = t.run(args)
            #expect(r.code == 2, "\(args)")
            #expect(isOneSentence(r.err), "\(r.err)")
            #expect(r.err.hasSuffix("; see `\(help)`.\n"), "\(r.err)")
        }
    }
}
