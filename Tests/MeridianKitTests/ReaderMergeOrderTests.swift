import Foundation
import Testing
@testable import MeridianKit

/// Events apply in ascending (`lc`, `by`, `id`), byte-wise — not file order, not `at`.
@Suite struct ReaderMergeOrderTests {
    func holder(_ lines: [String]) throws -> (String?, [String]) {
        let f = TeamFixture()
        f.write("journal/ann/a.jsonl", Line.create("T1", id: "c0", lc: 1))
        for (i, l) in lines.enumerated() { f.write("journal/f\(i)/x.jsonl", l) }
        let s = try f.load()
        return (s.board.tasks["T1"]?.holder, s.board.conflicts.map { "\($0.member)->\($0.lostTo)" })
    }

    @Test func lowerClockWinsWhateverTheWallClockSays() throws {
        let late = Line.event(id: "a", lc: 50, by: "amy", op: "task.claim", at: "2026-01-01T00:00:00Z", "\"task\":\"T1\"")
        let early = Line.event(id: "b", lc: 20, by: "zed", op: "task.claim", at: "2027-01-01T00:00:00Z", "\"task\":\"T1\"")
        let (h, c) = try holder([late, early])
        #expect(h == "zed")
        #expect(c == ["amy->zed"])
    }

    @Test func equalClocksOrderByWriterThenID() throws {
        // `by` decides before `id`: amy's claim (id z…) precedes bob's (id a…).
        let amy = Line.claim("T1", id: "zzz", lc: 7, by: "amy")
        let bob = Line.claim("T1", id: "aaa", lc: 7, by: "bob")
        #expect(try holder([bob, amy]).0 == "amy")
        // Byte-wise: "a-b" < "a_b" < "ab" (0x2D < 0x5F < 0x62).
        let dash = Line.claim("T1", id: "q", lc: 7, by: "a-b")
        let underscore = Line.claim("T1", id: "p", lc: 7, by: "a_b")
        let plain = Line.claim("T1", id: "o", lc: 7, by: "ab")
        #expect(try holder([plain, underscore, dash]).0 == "a-b")
        // Same clock and writer: the smaller id first ("B" 0x42 < "a" 0x61).
        let first = Line.event(id: "B1", lc: 9, by: "amy", op: "task.move", "\"task\":\"T1\",\"column\":\"Doing\"")
        let second = Line.event(id: "a1", lc: 9, by: "amy", op: "task.move", "\"task\":\"T1\",\"column\":\"Done\"")
        let f = TeamFixture()
        f.write("journal/ann/a.jsonl", Line.create("T1", id: "c0", lc: 1) + second + first)
        #expect(try f.load().board.tasks["T1"]?.column == "Done")
    }
}
