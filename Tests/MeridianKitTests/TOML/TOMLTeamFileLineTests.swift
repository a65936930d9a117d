import Testing
import MeridianKit

/// TEAM's files report a bad value at the value's own line, whatever TOML form holds it:
/// an element of a multi-line list, a dotted key, an inline table, an array-of-tables header.
@Suite("TOML: problem lines in TEAM files")
struct TOMLTeamFileLineTests {
    @Test("a bad range inside a multi-line hours list is reported at its own line")
    func multiLineHours() {
        let text = "name = \"Bob\"\ntimezone = \"UTC\"\n[hours]\ntue = [\n  \"09:00-13:00\",\n  \"25:00-26:00\",\n]\n"
        let (member, problems) = TeamConfigParsing.member(text: text, id: "bob")
        #expect(member?.hours.days[1] == [HourRange(startMinute: 540, endMinute: 780)])
        #expect(problems.map(\.description) == ["members/bob.toml:6: bad hours for 'tue': '25:00-26:00' is not a range like 09:00-17:30"])
    }

    @Test("dotted keys and inline tables: problems at the value's line, not lost")
    func dottedAndInline() {
        let (_, mp) = TeamConfigParsing.member(text: "name = \"Ann\"\n# hours.mon = \"09:00-17:00\"\ntimezone = \"UTC\"\nhours.mon = \"09:00-09:00\"\n", id: "ann")
        #expect(mp.map(\.line) == [4])
        let (settings, tp) = TeamConfigParsing.team(bytes: Array("name = \"T\"\ncolumns = [\"Todo\", \"Doing\"]\n\nwip = { Doing = \"x\", Todo = 2 }\n".utf8))
        #expect(settings.wipLimits == ["Todo": 2])
        #expect(tp.map(\.description) == ["team.toml:4: WIP limit for 'Doing' must be a whole number of 0 or more"])
    }

    @Test("each [[restrict]] window's problem is at its own header")
    func restrictWindows() {
        let text = "timezone = \"UTC\"\nstart = 2026-11-02T09:00:00\nshift = \"1w\"\nmembers = [\"ann\"]\n\n[[restrict]]\ndays = \"mon\"\ntime = \"09:00-17:00\"\n\n[[restrict]]\ndays = \"xx\"\ntime = \"09:00-17:00\"\n"
        let (rotation, problems) = TeamConfigParsing.rotation(bytes: Array(text.utf8), id: "p")
        #expect(rotation?.restrict.count == 1)
        #expect(rotation?.start == LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 2), hour: 9, minute: 0))
        #expect(problems.map(\.line) == [10])
    }

    @Test("a key that also appears in a comment or a string does not move the line")
    func noTextSearch() {
        let text = "name = \"\"\"\ntimezone = nowhere\n\"\"\"\n# timezone = \"x\"\ntimezone = \"Mars/Base\"\n"
        let (_, problems) = TeamConfigParsing.member(text: text, id: "m")
        #expect(problems.map(\.description) == ["members/m.toml:5: unknown time zone 'Mars/Base'; member left out"])
    }

    @Test("not UTF-8 and NUL bytes are problems at their line")
    func encodingLines() {
        let (_, a) = TeamConfigParsing.member(bytes: Array("timezone = \"UTC\"\nname = \"".utf8) + [0xFF, 0x22, 0x0A], id: "a")
        #expect(a.map(\.description) == ["members/a.toml:2: not valid UTF-8"])
        let (_, b) = TeamConfigParsing.member(bytes: Array("timezone = \"UTC\"\n\nname = \"".utf8) + [0x00, 0x22, 0x0A], id: "b")
        #expect(b.map(\.description) == ["members/b.toml:3: contains a NUL byte"])
    }
}
