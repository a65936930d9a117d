import Foundation
import Testing
@testable import MeridianKit

/// Hostile journal lines: each is a problem at its file and line, never a crash or a hang, and the
/// good lines around it still count.
@Suite("Hostile journal lines", .serialized)
struct HostileJournalTests {
    static let file = "journal/alice/lap.jsonl"

    @Test("a 10 MiB line ended by a newline is one problem; the lines around it load")
    func hugeLineWithNewline() {
        let team = HostileTeam()
        let huge = "{\"id\":\"big\",\"title\":\"" + String(repeating: "a", count: 10 << 20) + "\"}"
        team.write(Self.file, Lines.create("T1") + "\n" + huge + "\n" + Lines.create("T2") + "\n")
        guard let s = team.load() else { return }
        #expect(Set(s.board.tasks.keys) == ["T1", "T2"])
        let p = s.problems(in: Self.file)
        #expect(p.count == 1)
        #expect(p.first?.line == 2)
        #expect(p.first?.message.contains("\(huge.utf8.count) bytes, over the 64 KiB limit") == true)
    }

    @Test("a 10 MiB final line without a newline is a write in flight: silent until completed")
    func hugeLineInFlight() throws {
        let team = HostileTeam()
        team.write(Self.file, Lines.create("T1") + "\n" + String(repeating: "b", count: 10 << 20))
        let t = try Team(path: team.path)
        #expect(t.snapshot.problems.isEmpty)
        #expect(Set(t.snapshot.board.tasks.keys) == ["T1"])
        // The line completes (not valid JSON, and too long) and a good line follows.
        team.append(Self.file, "\n" + Lines.create("T2") + "\n")
        try t.reload()
        #expect(Set(t.snapshot.board.tasks.keys) == ["T1", "T2"])
        #expect(t.snapshot.problems.map(\.line) == [2])
        #expect(t.snapshot.problems.first?.message.contains("over the 64 KiB limit") == true)
    }

    @Test("reading a 64 MiB line costs a bounded amount of memory")
    func hugeLineMemory() {
        let team = HostileTeam()
        let chunk = [UInt8](repeating: UInt8(ascii: "z"), count: 1 << 20)
        team.write(Self.file, Lines.create("T1") + "\n")
        for _ in 0..<64 { team.append(Self.file, bytes: chunk) }
        team.append(Self.file, "\n" + Lines.create("T2") + "\n")
        let before = Memory.residentBytes()
        guard let s = team.load() else { return }
        let growth = Memory.residentBytes() - before
        #expect(Set(s.board.tasks.keys) == ["T1", "T2"])
        #expect(s.problems.map(\.line) == [2])
        // The reader works in 1 MiB chunks; holding the line would cost 64 MiB or more.
        #expect(growth < 24 << 20, "resident memory grew by \(growth >> 20) MiB")
    }

    @Test("random binary bytes (NUL included) are problems with line numbers; other files still load")
    func binaryGarbage() {
        let team = HostileTeam()
        var rng = SeededRandom(seed: 0x5EED_0001)
        var bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        bytes += [0, 0, 0]
        let lineCount = bytes.filter { $0 == 0x0A }.count
        bytes += Array(("\n" + Lines.create("AFTER") + "\n").utf8)
        team.write("journal/alice/garbage.jsonl", bytes: bytes)
        team.write(Self.file, Lines.create("T1") + "\n")
        guard let s = team.load() else { return }
        #expect(Set(s.board.tasks.keys) == ["T1", "AFTER"])
        let p = s.problems(in: "journal/alice/garbage.jsonl")
        #expect(!p.isEmpty)
        #expect(s.problems.allSatisfy { $0.file == "journal/alice/garbage.jsonl" })
        for problem in p {
            let line = try! #require(problem.line)
            #expect(line >= 1 && line <= lineCount + 1)
            #expect(problem.message.hasPrefix("not valid JSON") || problem.message.contains("JSON object") || problem.message.contains("over the 64 KiB limit"),
                    "unexpected message: \(problem.message)")
        }
        // Line numbers are distinct and ascending: one problem per bad line.
        let lines = p.compactMap(\.line)
        #expect(lines == Array(Set(lines)).sorted())
    }

    @Test("a NUL byte inside a JSON string is a problem, not a truncated title")
    func nulInString() {
        let team = HostileTeam()
        let good = Lines.create("T1")
        let withNul = Array(Lines.create("T2", title: "ab").utf8).flatMap { $0 == UInt8(ascii: "b") ? [0, $0] : [$0] }
        team.write(Self.file, bytes: Array((good + "\n").utf8) + withNul + [0x0A])
        guard let s = team.load() else { return }
        #expect(Set(s.board.tasks.keys) == ["T1"])
        #expect(s.problems.map(\.description) == ["\(Self.file):2: not valid JSON: control character in a string (column \(withNul.firstIndex(of: 0)! + 1))"])
    }

    @Test("invalid UTF-8 in a title, in a key and as overlong or surrogate encodings", arguments: [
        [0xFF, 0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80],
    ] as [[UInt8]])
    func invalidUTF8(_ bad: [UInt8]) {
        let team = HostileTeam()
        let title = Array("{\"id\":\"e2\",\"lc\":2,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"alice\",\"op\":\"task.create\",\"task\":\"T2\",\"title\":\"x".utf8) + bad + Array("y\"}".utf8)
        let key = Array("{\"id\":\"e3\",\"lc\":3,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"alice\",\"op\":\"task.create\",\"task\":\"T3\",\"title\":\"t\",\"k".utf8) + bad + Array("\":1}".utf8)
        team.write(Self.file, bytes: Array((Lines.create("T1") + "\n").utf8) + title + [0x0A] + key + [0x0A])
        guard let s = team.load() else { return }
        #expect(Set(s.board.tasks.keys) == ["T1"])
        let p = s.problems(in: Self.file)
        #expect(p.map(\.line) == [2, 3])
        #expect(p.allSatisfy { $0.message.contains("invalid UTF-8") }, "\(p)")
    }

    @Test("JSON nested 100,000 deep: bounded, a problem, no stack overflow")
    func deepNesting() {
        // Within the 64 KiB limit, so the depth cap (not the size limit) must catch it.
        let deepArray = String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000)
        let deepObject = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        let team = HostileTeam()
        team.write(Self.file, [
            Lines.create("T1"),
            "{\"id\":\"d1\",\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"alice\",\"op\":\"task.create\",\"task\":\"T2\",\"title\":\"t\",\"notes\":\(deepArray)}",
            "{\"id\":\"d2\",\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"alice\",\"op\":\"task.create\",\"task\":\"T3\",\"title\":\"t\",\"x\":\(deepObject)}",
            String(repeating: "[", count: 100_000),
            Lines.create("T4"),
        ].joined(separator: "\n") + "\n")
        guard let s = team.load() else { return }
        #expect(Set(s.board.tasks.keys) == ["T1", "T4"])
        let p = s.problems(in: Self.file)
        #expect(p.map(\.line) == [2, 3, 4])
        #expect(p[0].message.contains("nested deeper than 64 levels"))
        #expect(p[1].message.contains("nested deeper than 64 levels"))
        #expect(p[2].message.contains("over the 64 KiB limit"))
        // The parser on its own, with no size limit in front of it.
        let hundredK = Array(String(repeating: "[", count: 100_000).utf8)
        let failed = hundredK.withUnsafeBufferPointer { buf -> Bool in
            do { _ = try JSONParser.parse(buf); return false } catch let e as JSONParser.Failure { return e.message.contains("nested deeper") } catch { return false }
        }
        #expect(failed)
    }

    @Test("lc of the wrong type or range is a problem naming 'lc'", arguments: [
        ("1.5", "whole number"), ("\"1000\"", "not a string"), ("-1", "must not be negative"), ("1e400", "whole number"),
        ("9223372036854775808", "fits in 64 bits"), ("null", "not null"), ("true", "not a boolean"), ("[1]", "not an array"),
        ("-0.0", "whole number"), ("1E2", "whole number"),
    ])
    func badClock(_ lc: String, _ gist: String) {
        let team = HostileTeam()
        let line = "{\"id\":\"x\",\"lc\":\(lc),\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"alice\",\"op\":\"task.create\",\"task\":\"T2\",\"title\":\"t\"}"
        team.write(Self.file, Lines.create("T1") + "\n" + line + "\n")
        guard let s = team.load() else { return }
        #expect(Set(s.board.tasks.keys) == ["T1"])
        let p = s.problems(in: Self.file)
        #expect(p.count == 1)
        #expect(p.first?.line == 2)
        #expect(p.first?.message.contains("'lc'") == true && p.first?.message.contains(gist) == true, "\(p)")
    }

    @Test("a line of exactly 64 KiB is accepted; 64 KiB + 1 is a problem (also across a 1 MiB chunk edge)", arguments: [0, (1 << 20) - 1_000])
    func lineLimit(prefixBytes: Int) {
        let team = HostileTeam()
        var text = ""
        var n = 0
        while text.utf8.count < prefixBytes - 200 {
            text += Lines.create("F\(n)", id: "fill\(n)") + "\n"
            n += 1
        }
        let exact = Lines.create("EXACT", exactly: 65_536)
        let over = Lines.create("OVER", exactly: 65_537)
        let crOver = Lines.create("CR", exactly: 65_536) + "\r"
        text += exact + "\n" + over + "\n" + crOver + "\n" + Lines.create("LAST") + "\n"
        team.write(Self.file, text)
        guard let s = team.load() else { return }
        #expect(s.board.tasks["EXACT"] != nil)
        #expect(s.board.tasks["LAST"] != nil)
        #expect(s.board.tasks["OVER"] == nil)
        #expect(s.board.tasks["CR"] == nil)
        #expect(s.board.tasks.count == n + 2)
        let p = s.problems(in: Self.file)
        #expect(p.map(\.line) == [n + 2, n + 3])
        #expect(p.first?.message == "line is 65537 bytes, over the 64 KiB limit")
        #expect(p.last?.message == "line is 65537 bytes, over the 64 KiB limit")
    }

    @Test("two lines with one id and different content: the first by (lc, by, bytes) counts, the other is a problem")
    func clashingIDs() {
        let team = HostileTeam()
        let early = Lines.create("T1", title: "Early", id: "same", lc: 100)
        let late = Lines.create("T1", title: "Late", id: "same", lc: 200)
        // The loser comes first in the file and the winner later, in another file.
        team.write(Self.file, late + "\n")
        team.write("journal/alice/desk.jsonl", early + "\n")
        // Same lc and by: the byte-wise smaller line wins.
        let a = Lines.create("T2", title: "Apple", id: "tie", lc: 300)
        let b = Lines.create("T2", title: "Banana", id: "tie", lc: 300)
        team.write("journal/alice/phone.jsonl", b + "\n" + a + "\n")
        // An identical copy (a sync conflict copy) is no problem at all.
        team.write("journal/alice/lap.sync-conflict-20261125-120000-ABCDEFG.jsonl", late + "\n")
        guard let s = team.load() else { return }
        #expect(s.board.tasks["T1"]?.title == "Early")
        #expect(s.board.tasks["T2"]?.title == "Apple")
        #expect(s.problems.map(\.description).sorted() == [
            "\(Self.file):1: event id 'same' appears with different content elsewhere; this line is ignored",
            "journal/alice/phone.jsonl:1: event id 'tie' appears with different content elsewhere; this line is ignored",
        ])
    }

    @Test("the decoder survives every prefix of a valid line and random single-byte corruptions")
    func decoderMutations() {
        let line = Array(Lines.event(id: "m", op: "task.create", [("task", .string("T")), ("title", .string("héllo \u{1F600}")), ("labels", .array([.string("a")])), ("due", .string("2026-12-01"))]).utf8)
        var rng = SeededRandom(seed: 42)
        var accepted = 0
        for cut in 0...line.count {
            if decode(Array(line[0..<cut])) { accepted += 1 }
        }
        #expect(accepted == 1)
        for _ in 0..<5_000 {
            var m = line
            m[Int.random(in: 0..<m.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            _ = decode(m)
        }
    }

    private func decode(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            if case .success = EventDecoder.decode(buf, source: EventSource(file: "f", line: 1, offset: 0, length: buf.count)) { return true }
            return false
        }
    }
}
