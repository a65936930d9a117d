import Foundation
import Testing
@testable import MeridianKit

/// Hostile TOML: wrong types, huge files, bad names. Each is a problem at its file (and line where
/// one applies); the member or rotation is left out or keeps what is valid; everyone else loads.
@Suite("Hostile configuration files", .serialized)
struct HostileConfigTests {
    @Test("timezone = [1] leaves that member out with a problem at its line")
    func timezoneWrongType() {
        let team = HostileTeam()
        team.write("members/bob.toml", "name = \"Bob\"\ntimezone = [1]\n")
        guard let s = team.load() else { return }
        #expect(s.members.map(\.id) == ["alice"])
        #expect(s.problems.map(\.description) == ["members/bob.toml:2: 'timezone' must be a string like \"Europe/Berlin\"; member left out"])
    }

    @Test("hours of the wrong type: that day is dropped with a problem at its line; the member loads")
    func hoursWrongType() {
        let team = HostileTeam()
        team.write("members/bob.toml", "name = \"Bob\"\ntimezone = \"Asia/Kolkata\"\n\n[hours]\ntue = \"09:00-17:00\"\nmon = 9\nwed = [\"09:00-12:00\", 3]\nthu = { a = 1 }\n")
        guard let s = team.load() else { return }
        #expect(s.members.map(\.id) == ["alice", "bob"])
        let bob = s.member("bob")
        #expect(bob?.hours.days[1] == [HourRange(startMinute: 540, endMinute: 1020)])
        #expect(bob?.hours.days[0] == [])
        let p = s.problems(in: "members/bob.toml")
        #expect(p.map(\.line) == [6, 7, 8])
        #expect(p.allSatisfy { $0.message.contains("must be a range like") })
    }

    @Test("other wrong types in member, team and rotation files are problems with lines; a rotation with a broken restrict is left out rather than covering 24/7")
    func otherWrongTypes() {
        let team = HostileTeam()
        team.write("team.toml", "name = 3\ncolumns = 5\n[wip]\nDoing = \"x\"\n[board]\nstale_claim_days = -1\n")
        team.write("members/bob.toml", "name = 7\ntimezone = \"UTC\"\nhandle = []\nhours = 1\n")
        team.write("oncall/primary.toml", "name = \"P\"\ntimezone = \"UTC\"\nstart = 3\nshift = 5\nmembers = \"alice\"\n")
        team.write("oncall/secondary.toml", "timezone = \"UTC\"\nstart = 2026-11-02T09:00:00\nshift = \"1w\"\nmembers = [\"alice\"]\nrestrict = 4\n")
        guard let s = team.load() else { return }
        #expect(s.settings.columns == TeamSettings.defaultColumns)
        #expect(s.members.map(\.id) == ["alice", "bob"])
        // `restrict = 4` is not a list of windows: the rotation is left out rather than covering
        // every hour (since 9103249); primary lacks a start, a shift and members.
        #expect(s.rotations.map(\.id) == [])
        let lines = Dictionary(grouping: s.problems, by: \.file).mapValues { $0.compactMap(\.line).sorted() }
        #expect(lines["team.toml"] == [1, 2, 4, 6])
        #expect(lines["members/bob.toml"] == [1, 3, 4])
        #expect(lines["oncall/primary.toml"] == [3, 4, 5])
        #expect(lines["oncall/secondary.toml"] == [5])
    }

    @Test("a 1 MiB member file is refused without parsing it; the others load")
    func hugeMemberFile() {
        let team = HostileTeam()
        var text = "name = \"Bob\"\ntimezone = \"UTC\"\n"
        while text.utf8.count < 1 << 20 { text += "# " + String(repeating: "padding ", count: 100) + "\n" }
        team.write("members/bob.toml", text)
        let before = Memory.residentBytes()
        guard let s = team.load(within: 10) else { return }
        #expect(Memory.residentBytes() - before < 16 << 20)
        #expect(s.members.map(\.id) == ["alice"])
        let p = s.problems(in: "members/bob.toml")
        #expect(p.count == 1)
        #expect(p.first?.line == nil)
        #expect(p.first?.message.contains("over the 256 KiB limit") == true)
        #expect(p.first?.message.hasSuffix("member left out") == true)
    }

    @Test("a member file whose name is not a valid id is skipped with a problem", arguments: [
        "Bob.toml", "bob smith.toml", "-bob.toml", "bob.exe.toml", String(repeating: "a", count: 33) + ".toml", "b\u{1B}[31m.toml", "ünï.toml",
    ])
    func badMemberFileName(_ name: String) {
        let team = HostileTeam()
        team.write("members/\(name)", "name = \"X\"\ntimezone = \"UTC\"\n")
        guard let s = team.load() else { return }
        #expect(s.members.map(\.id) == ["alice"])
        #expect(s.problems.count == 1)
        #expect(s.problems.first?.file == "members/\(name)")
        #expect(s.problems.first?.message.contains("is not a valid id") == true)
    }

    @Test("TOML that is not UTF-8, holds a NUL, or nests 100,000 arrays deep is a problem, not a crash")
    func hostileTOMLText() {
        let team = HostileTeam()
        team.write("members/bin.toml", bytes: Array("name = \"".utf8) + [0xFF, 0xFE] + Array("\"\ntimezone = \"UTC\"\n".utf8))
        team.write("members/nul.toml", bytes: Array("name = \"a".utf8) + [0] + Array("\"\ntimezone = \"UTC\"\n".utf8))
        team.write("members/deep.toml", "timezone = \"UTC\"\nx = " + String(repeating: "[", count: 100_000) + "\n")
        team.write("members/tables.toml", "timezone = \"UTC\"\n" + String(repeating: "[a.", count: 20_000) + "b]\n")
        team.write("members/dup.toml", "timezone = \"UTC\"\ntimezone = \"UTC\"\n")
        guard let s = team.load(within: 20) else { return }
        #expect(s.members.map(\.id) == ["alice"])
        #expect(Set(s.problems.map(\.file)) == ["members/bin.toml", "members/nul.toml", "members/deep.toml", "members/tables.toml", "members/dup.toml"])
        #expect(s.problems(in: "members/bin.toml").first?.message.contains("not valid UTF-8") == true)
        #expect(s.problems(in: "members/nul.toml").first?.message.contains("NUL") == true)
        #expect(s.problems(in: "members/dup.toml").first?.line == 2)
        #expect(s.problems.allSatisfy { $0.message.hasSuffix("member left out") })
    }

    @Test("a reload parses only config files whose bytes changed, and notices a same-size edit at once")
    func reloadParsesOnlyChanges() throws {
        let team = HostileTeam()
        team.write("members/bob.toml", "name = \"Bob\"\ntimezone = \"Asia/Tokyo\"\n")
        let cache = ConfigParseCache()
        var parsed: [String] = []
        func load() {
            cache.beginPass()
            for rel in ["team.toml", "members/alice.toml", "members/bob.toml"] {
                cache.value(for: rel, teamPath: team.path) { _ in parsed.append(rel) }
            }
            cache.endPass()
        }
        load()
        #expect(parsed == ["team.toml", "members/alice.toml", "members/bob.toml"])
        parsed = []
        for _ in 0..<100 { load() }
        #expect(parsed.isEmpty)
        // Same size, same second: only the content tells.
        team.write("members/bob.toml", "name = \"Bob\"\ntimezone = \"Asia/Seoul\"\n")
        load()
        #expect(parsed == ["members/bob.toml"])

        let t = try Team(path: team.path)
        #expect(t.snapshot.member("bob")?.zone.identifier == "Asia/Seoul")
        team.write("members/bob.toml", "name = \"Bob\"\ntimezone = \"Asia/Tokyo\"\n")
        try t.reload()
        #expect(t.snapshot.member("bob")?.zone.identifier == "Asia/Tokyo")
        try FileManager.default.removeItem(atPath: team.path + "/members/bob.toml")
        try t.reload()
        #expect(t.snapshot.members.map(\.id) == ["alice"])
    }

    /// Regression (fuzzing, FuzzTeamConfig, when TOML was parsed by TOMLKit/toml++): these inputs
    /// aborted the process in toml++'s assertions; the TOML parser must report each as a syntax
    /// problem at its line. First: a table header whose key starts with another character.
    @Test("a table header that does not start with a key is a syntax problem, not an abort", arguments: [
        ("e = \"1ya\"\n[(ours]\nmon = \"24:30-18:02-02:00\"\n", 2),
        ("\u{FEFF}[(x]\n", 1), ("timezone = \"UTC\"\n  [[ +x]]\n", 2), ("[\t.a]\n", 1),
        ("a = \"\"\"\n[(inside a string, fine)\n\"\"\"\n[\u{1B}]\n", 4),
        // Regression (fuzzing): toml++ asserts in parse_time on a malformed date-time value.
        ("timezone = \"UTC\"\nstrt = 2026-11-02T-09:00, \"bob\"\n", 2), ("a = [\n 1,\n 12:3\n]\n", 3),
        ("start = 2026-11-02 9:00\n", 1), ("x = 2026-13-0\n", 1),
        // Regression (fuzzing): toml++ asserts in parse_value where a value is missing.
        ("name = \"P\"\nshift = [}[[ \"x\"\n", 2), ("a = ,\n", 1), ("a = [1,\n ,]\n", 2), ("a = ]\n", 1), ("a =\nb = 1\n", 1),
    ])
    func badTableHeader(_ text: String, _ line: Int) {
        let team = HostileTeam()
        team.write("members/bob.toml", text)
        guard let s = team.load() else { return }
        #expect(s.members.map(\.id) == ["alice"])
        let p = s.problems(in: "members/bob.toml")
        #expect(p.count == 1)
        #expect(p.first?.message.hasPrefix("TOML syntax error") == true)
        #expect(p.first?.line == line)
    }

    @Test("valid TOML near those inputs still parses: brackets in values, strings and comments")
    func precheckAllowsValidTOML() {
        let valid = [
            "[hours]\nmon = \"09:00-17:00\"\n", "[[restrict]]\ndays = \"mon\"\n", "[ \"quoted key\" ]\n", "['lit']\n",
            "a = [\n  [1, 2],\n  [+3],\n  [{x = 1}],\n]\n[b]\n", "a = \"[(x]\"\n# [(comment]\n[c]\n", "a = '''\n[(x]\n'''\n[d]\n",
            "\u{FEFF}[e]\n", "[f] # c\n[g.h]\n", "a = \"\"\"x\\\"\"\"\"\n[h]\n",
            "start = 2026-11-02T09:00:00\nb = 2026-11-02 09:00:00.123+05:45\nc = 09:30:00\nd = 2026-11-02\ne = 1979-05-27T07:32:00Z\n",
            "n = [1e-5, -3, +4, 1_000, 0x1F, -inf, 2.5E-3]\n1-2 = 3\n2026-11-02 = 4\n",
            "a = [\n  # comment\n  1,\n  2, # more\n]\nb = []\nc = [ ]\nd = { x = 1, y = [2,] }\ne = {}\n",
        ]
        for text in valid {
            #expect(throws: Never.self, "\(text)") { try TOMLDocument(parsing: text) }
        }
    }
}
