import Foundation
import Testing
@testable import MeridianKit

/// Every problem kind in the hand-edited files is reported with its file and line, and the rest
/// of the team still loads.
@Suite struct ReaderConfigProblemTests {
    func problems(_ s: TeamSnapshot, in file: String) -> [Problem] { s.problems.filter { $0.file == file } }

    @Test func tomlSyntaxErrorHasItsLine() throws {
        let f = TeamFixture()
        f.member("ann")
        f.write("members/bob.toml", "name = \"Bob\"\ntimezone = \"UTC\"\n[hours\nmon = \"09:00-17:00\"\n")
        f.write("oncall/broken.toml", "name = \"Broken\"\n\n\nmembers = [\"ann\",\n")
        let s = try f.load()
        #expect(s.members.map(\.id) == ["ann"])
        let bob = problems(s, in: "members/bob.toml")
        #expect(bob.count == 1)
        #expect(bob.first?.line == 3)
        #expect(bob.first?.message.contains("TOML syntax error") == true)
        let rot = problems(s, in: "oncall/broken.toml")
        #expect(rot.count == 1)
        #expect((rot.first?.line ?? 0) >= 4)
    }

    @Test func brokenTeamTomlIsAProblemButTheTeamLoads() throws {
        let f = TeamFixture(teamToml: "name = \"Broken\ncolumns = [\"A\"]\n")
        f.member("ann")
        f.write("journal/ann/lap.jsonl", Line.create("T1", id: "e1", lc: 1))
        let s = try f.load()
        #expect(s.members.map(\.id) == ["ann"])
        #expect(s.board.tasks(in: "Todo").map(\.id) == ["T1"])
        #expect(problems(s, in: "team.toml").map(\.line) == [1])
    }

    @Test func missingAndUnknownZonesLeaveTheMemberOut() throws {
        let f = TeamFixture()
        f.member("ann")
        f.write("members/bob.toml", "name = \"Bob\"\n[hours]\nmon = \"09:00-17:00\"\n")
        f.write("members/cat.toml", "name = \"Cat\"\n\ntimezone = \"Mars/Olympus_Mons\"\n")
        f.write("members/dan.toml", "name = \"Dan\"\ntimezone = 5\n")
        let s = try f.load()
        #expect(s.members.map(\.id) == ["ann"])
        #expect(problems(s, in: "members/bob.toml").count == 1)
        #expect(problems(s, in: "members/bob.toml").first?.message.contains("timezone") == true)
        #expect(problems(s, in: "members/cat.toml").map(\.line) == [3])
        #expect(problems(s, in: "members/cat.toml").first?.message.contains("Mars/Olympus_Mons") == true)
        #expect(problems(s, in: "members/dan.toml").map(\.line) == [2])
    }

    @Test(arguments: ["09:00-09:00", "25:00-26:00", "9-5", "24:00-01:00", "12:60-13:00"])
    func badHoursAreProblemsAtTheirLine(range: String) throws {
        let f = TeamFixture()
        f.write("members/ann.toml", "name = \"Ann\"\ntimezone = \"Asia/Kolkata\"\n\n[hours]\nmon = \"09:30-18:00\"\ntue = \"\(range)\"\nwed = [\"09:00-12:00\", \"\(range)\"]\n")
        let s = try f.load()
        #expect(s.members.map(\.id) == ["ann"], "bad hours drop only the bad range")
        #expect(s.members.first?.hours.days[0].map(\.description) == ["09:30-18:00"])
        #expect(s.members.first?.hours.days[1].isEmpty == true)
        #expect(s.members.first?.hours.days[2].map(\.description) == ["09:00-12:00"])
        #expect(problems(s, in: "members/ann.toml").map(\.line) == [6, 7])
    }

    @Test func goodHoursIncludingMidnightAndWholeDayLoad() throws {
        let f = TeamFixture()
        f.write("members/ann.toml", "name = \"Ann\"\ntimezone = \"Asia/Kathmandu\"\n[hours]\nfri = \"22:00-02:00\"\nsat = \"00:00-24:00\"\nsun = [\"09:00-12:00\", \"13:00-14:00\"]\n")
        let s = try f.load()
        #expect(s.problems.isEmpty, "\(s.problems)")
        let h = try #require(s.members.first).hours
        #expect(h.days[4].first?.crossesMidnight == true)
        #expect(h.days[5].first?.wallMinutes == 1440)
        #expect(h.days[6].count == 2)
    }

    @Test func badRotationsAreProblemsAndLeftOut() throws {
        let f = TeamFixture()
        f.member("ann")
        f.member("bob")
        let good = "name = \"Good\"\ntimezone = \"Europe/Berlin\"\nstart = \"2026-11-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\", \"bob\"]\n"
        f.write("oncall/good.toml", good)
        f.write("oncall/nostart.toml", "name = \"No start\"\ntimezone = \"Europe/Berlin\"\nshift = \"1w\"\nmembers = [\"ann\"]\n")
        f.write("oncall/fortnight.toml", "name = \"F\"\ntimezone = \"Europe/Berlin\"\nstart = \"2026-11-02 09:00\"\n\nshift = \"fortnightly\"\nmembers = [\"ann\"]\n")
        f.write("oncall/nobody.toml", "name = \"N\"\ntimezone = \"Europe/Berlin\"\nstart = \"2026-11-02 09:00\"\nshift = \"1d\"\nmembers = []\n")
        f.write("oncall/nomembers.toml", "name = \"N\"\ntimezone = \"Europe/Berlin\"\nstart = \"2026-11-02 09:00\"\nshift = \"1d\"\n")
        f.write("oncall/badzone.toml", "name = \"Z\"\ntimezone = \"Europe/Atlantis\"\nstart = \"2026-11-02 09:00\"\nshift = \"1d\"\nmembers = [\"ann\"]\n")
        f.write("oncall/localdt.toml", "timezone = \"UTC\"\nstart = 2026-11-02T09:00:00\nshift = \"12h\"\nmembers = [\"bob\"]\n")
        let s = try f.load()
        #expect(s.rotations.map(\.id) == ["good", "localdt"])
        #expect(problems(s, in: "oncall/nostart.toml").count == 1)
        #expect(problems(s, in: "oncall/nostart.toml").first?.message.contains("start") == true)
        #expect(problems(s, in: "oncall/fortnight.toml").map(\.line) == [5])
        #expect(problems(s, in: "oncall/nobody.toml").map(\.line) == [5])
        #expect(problems(s, in: "oncall/nomembers.toml").count == 1)
        #expect(problems(s, in: "oncall/badzone.toml").map(\.line) == [2])
        #expect(problems(s, in: "oncall/good.toml").isEmpty)
    }

    @Test func badRestrictWindowIsAProblemAtItsHeader() throws {
        let f = TeamFixture()
        f.member("ann")
        f.write("oncall/r.toml", "timezone = \"UTC\"\nstart = \"2026-11-02 09:00\"\nshift = \"1d\"\nmembers = [\"ann\"]\n[[restrict]]\ndays = \"mon-fri\"\ntime = \"09:00-17:00\"\n[[restrict]]\ndays = \"someday\"\ntime = \"09:00-17:00\"\n")
        let s = try f.load()
        #expect(s.rotations.first?.restrict.count == 1)
        #expect(problems(s, in: "oncall/r.toml").map(\.line) == [8])
    }

    @Test func badTeamSettingsFallBackWithProblems() throws {
        let f = TeamFixture(teamToml: "name = \"T\"\ncolumns = [\"A\", \"A\"]\n[wip]\nA = -1\nGhost = 2\n[board]\nstale_claim_days = \"five\"\n")
        let s = try f.load()
        #expect(s.settings.columns == TeamSettings.defaultColumns)
        #expect(problems(s, in: "team.toml").map(\.line) == [2, 4, 5, 7])
    }

    @Test func badFileNamesInMembersAreProblems() throws {
        let f = TeamFixture()
        f.member("ann")
        f.write("members/Bad Name.toml", "name = \"X\"\ntimezone = \"UTC\"\n")
        f.write("members/readme.md", "not a member\n")
        let s = try f.load()
        #expect(s.members.map(\.id) == ["ann"])
        #expect(s.problems.map(\.file) == ["members/Bad Name.toml"])
    }
}
