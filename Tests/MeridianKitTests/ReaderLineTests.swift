import Foundation
import Testing
@testable import MeridianKit

/// Line-level rules of SPEC §1 "Bad lines": problems with their line, the rest still counts.
@Suite struct ReaderLineTests {
    let file = "journal/ann/lap.jsonl"

    @Test func partialLastLineIsSkippedSilentlyThenReadWhenComplete() throws {
        let f = TeamFixture()
        let full = Line.create("T2", id: "e2", lc: 2)
        f.write(file, Line.create("T1", id: "e1", lc: 1) + String(full.dropLast(20)))
        let team = try Team(path: f.path)
        #expect(team.snapshot.board.orderedTasks.map(\.id) == ["T1"])
        #expect(team.snapshot.problems.isEmpty)
        f.append(file, String(full.suffix(20)))
        #expect(try team.reload())
        #expect(team.snapshot.board.orderedTasks.map(\.id) == ["T1", "T2"])
        #expect(team.snapshot.problems.isEmpty)
        #expect(SnapshotDump.text(team.snapshot) == SnapshotDump.text(try f.load()))
    }

    @Test func badLineIsReportedWithItsLineAndLaterLinesCount() throws {
        let f = TeamFixture()
        f.write(file, Line.create("T1", id: "e1", lc: 1) + "this is not json\n" + Line.create("T2", id: "e2", lc: 2)
                + "{\"id\":\"e3\",\"lc\":3}\n" + Line.create("T4", id: "e4", lc: 4))
        let s = try f.load()
        #expect(s.board.orderedTasks.map(\.id) == ["T1", "T2", "T4"])
        #expect(s.problems.map(\.file) == [file, file])
        #expect(s.problems.map(\.line) == [2, 4])
        #expect(s.problems[0].message.contains("not valid JSON"))
        #expect(s.problems[1].message.contains("missing required field"))
    }

    @Test func blankLinesAreIgnoredButCountForLineNumbers() throws {
        let f = TeamFixture()
        f.write(file, "\n" + Line.create("T1", id: "e1", lc: 1) + "   \n\t\n\r\n" + "oops\n")
        let s = try f.load()
        #expect(s.board.orderedTasks.map(\.id) == ["T1"])
        #expect(s.problems.map(\.line) == [6])
    }

    @Test func crlfLinesAreRead() throws {
        let f = TeamFixture()
        let text = Line.create("T1", id: "e1", lc: 1) + Line.create("T2", id: "e2", lc: 2)
        f.write(file, text.replacingOccurrences(of: "\n", with: "\r\n"))
        // The same events with LF in a conflict copy are the same events, not clashing ids.
        f.write("journal/ann/lap.sync-conflict-20261125-120000-ABCDEFG.jsonl", text)
        let s = try f.load()
        #expect(s.board.orderedTasks.map(\.id) == ["T1", "T2"])
        #expect(s.problems.isEmpty, "\(s.problems)")
    }

    @Test func linesLackingRequiredFieldsOrOfWrongTypeAreProblems() throws {
        let f = TeamFixture()
        let lines = [
            "{\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\"task\":\"A\",\"title\":\"x\"}",
            "{\"id\":\"a\",\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\"task\":\"A\",\"title\":\"x\"}",
            "{\"id\":\"b\",\"lc\":\"1\",\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\"task\":\"A\",\"title\":\"x\"}",
            "{\"id\":\"c\",\"lc\":1,\"by\":\"ann\",\"op\":\"task.create\",\"task\":\"A\",\"title\":\"x\"}",
            "{\"id\":\"d\",\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"op\":\"task.create\",\"task\":\"A\",\"title\":\"x\"}",
            "{\"id\":\"e\",\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"task\":\"A\",\"title\":\"x\"}",
            "{\"id\":\"f\",\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\"title\":\"x\"}",
            "{\"id\":\"g\",\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\"task\":\"A\"}",
            "{\"id\":\"h\",\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\"task\":\"A\",\"title\":7}",
            "{\"id\":\"i\",\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"task.move\",\"task\":\"A\"}",
            "{\"id\":\"j\",\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"status.set\",\"text\":\"x\"}",
            "{\"id\":\"k\",\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"timeoff.add\",\"from\":\"2026-12-01\"}",
            "{\"id\":\"l\",\"lc\":1,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"oncall.override\",\"rotation\":\"p\",\"member\":\"ann\",\"from\":\"2026-12-01T00:00:00Z\"}",
            "[1,2,3]",
        ]
        f.write(file, lines.joined(separator: "\n") + "\n" + Line.create("OK", id: "ok", lc: 9))
        let s = try f.load()
        #expect(s.board.orderedTasks.map(\.id) == ["OK"])
        #expect(s.problems.compactMap(\.line) == Array(1...lines.count))
        #expect(s.problems.allSatisfy { $0.file == file })
    }

    @Test func unknownOpsAndFieldsAreIgnored() throws {
        let f = TeamFixture()
        f.write(file, Line.event(id: "u1", lc: 1, by: "ann", op: "poll.create", "\"question\":\"lunch?\"")
                + Line.event(id: "u2", lc: 2, by: "ann", op: "task.create", "\"task\":\"T1\",\"title\":\"t\",\"color\":\"red\",\"x\":{\"deep\":[1,2]}"))
        let s = try f.load()
        #expect(s.board.orderedTasks.map(\.id) == ["T1"])
        #expect(s.problems.isEmpty)
    }

    @Test func overLongLinesAreProblemsAndTheLimitIsExact() throws {
        let f = TeamFixture()
        // A valid event of exactly 64 KiB (without its \n) is accepted; one byte more is not.
        func padded(_ task: String, id: String, lc: Int64, total: Int) -> String {
            let head = "{\"id\":\"\(id)\",\"lc\":\(lc),\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\"task\":\"\(task)\",\"title\":\"t\",\"notes\":\""
            let tail = "\"}"
            return head + String(repeating: "n", count: total - head.utf8.count - tail.utf8.count) + tail + "\n"
        }
        let exact = padded("EXACT", id: "e1", lc: 1, total: 65_536)
        let over = padded("OVER", id: "e2", lc: 2, total: 65_537)
        let huge = "{\"id\":\"" + String(repeating: "h", count: 2_500_000) + "\"}\n"
        f.write(file, exact + over + Line.create("AFTER", id: "e3", lc: 3) + huge + Line.create("LAST", id: "e4", lc: 4))
        let s = try f.load()
        #expect(s.board.orderedTasks.map(\.id) == ["EXACT", "AFTER", "LAST"])
        #expect(s.problems.map(\.line) == [2, 4])
        #expect(s.problems.allSatisfy { $0.message.contains("64 KiB") })
    }

    @Test func oneIDWithDifferentContentKeepsTheFirstByClockWriterAndBytes() throws {
        // Lower lc wins wherever it is; the loser is a problem at its own line.
        let f = TeamFixture()
        f.write("journal/ann/a.jsonl", Line.create("T1", id: "dup", lc: 5, title: "Later clock"))
        f.write("journal/ann/b.jsonl", Line.create("T1", id: "dup", lc: 3, title: "Earlier clock"))
        var s = try f.load()
        #expect(s.board.tasks["T1"]?.title == "Earlier clock")
        #expect(s.problems.map(\.description) == ["journal/ann/a.jsonl:1: event id 'dup' appears with different content elsewhere; this line is ignored"])

        // Same lc: the byte-wise smaller `by` wins.
        let g = TeamFixture()
        g.write("journal/x/a.jsonl", Line.create("T1", id: "dup", lc: 3, by: "zed", title: "By zed"))
        g.write("journal/x/b.jsonl", Line.create("T1", id: "dup", lc: 3, by: "amy", title: "By amy"))
        s = try g.load()
        #expect(s.board.tasks["T1"]?.title == "By amy")
        #expect(s.problems.map(\.file) == ["journal/x/a.jsonl"])

        // Same lc and by: the smaller line bytes win, whichever file is read first.
        for (first, second) in [("B title", "A title"), ("A title", "B title")] {
            let h = TeamFixture()
            h.write("journal/ann/1.jsonl", Line.create("T1", id: "dup", lc: 3, title: first))
            h.write("journal/ann/2.jsonl", Line.create("T1", id: "dup", lc: 3, title: second))
            s = try h.load()
            #expect(s.board.tasks["T1"]?.title == "A title")
            #expect(s.problems.count == 1)
            #expect(s.state.eventCount == 1)
        }
    }

    @Test func secondCreateAndUnknownColumnAreProblems() throws {
        let f = TeamFixture()
        f.write(file, Line.create("T1", id: "e1", lc: 1, title: "First") + Line.create("T1", id: "e2", lc: 2, title: "Second")
                + Line.create("T2", id: "e3", lc: 3, column: "Limbo") + Line.move("T1", to: "Nowhere", id: "e4", lc: 4))
        let s = try f.load()
        #expect(s.board.tasks["T1"]?.title == "First")
        #expect(s.board.tasks(in: "Todo").map(\.id) == ["T1", "T2"])
        #expect(s.problems.map(\.line) == [2, 3, 4])
        #expect(s.problems[0].message.contains("already created"))
        #expect(s.problems[1].message.contains("unknown column 'Limbo'"))
        #expect(s.problems[2].message.contains("unknown column 'Nowhere'"))
    }

    @Test func binaryAndInvalidUTF8LinesDoNotCrash() throws {
        let f = TeamFixture()
        var bytes = Array(Line.create("T1", id: "e1", lc: 1).utf8)
        bytes += [0xFF, 0xFE, 0x00, 0x01, 0x0A]
        bytes += Array("{\"id\":\"".utf8) + [0xC3, 0x28] + Array("\",\"lc\":1}\n".utf8)
        bytes += Array(Line.create("T2", id: "e2", lc: 2).utf8)
        f.writeBytes(file, bytes)
        let s = try f.load()
        #expect(s.board.orderedTasks.map(\.id) == ["T1", "T2"])
        #expect(s.problems.map(\.line) == [2, 3])
    }
}
