import Foundation
import Testing
@testable import MeridianKit

/// A team loaded through the fast path (`Team(path:)`: compact logs, line scanner, packed merge
/// keys, the board folded in two halves on two cores) shows exactly what the straightforward
/// path shows: every line parsed by `JSONParser` alone, the merge rule written out plainly,
/// and one `JournalEvent` applied at a time. The team is generated and then roughed up:
/// conflict copies (equal and differing), clashing ids, bad lines of every kind, escapes,
/// spaces, unknown ops and columns, missing tasks, CRLF endings and a line still being written.
@Suite struct LoadEquivalenceTests {
    /// A generated team of `events` events, with hostile additions.
    static func roughTeam(events: Int, seed: UInt64) throws -> TeamFixture {
        let f = TeamFixture(teamToml: nil)
        let config = BigTeamGenerator.Config(members: 12, zones: 4, tasks: max(50, events / 10), events: events, files: 14, seed: seed)
        try BigTeamGenerator(config: config).write(to: f.path)
        let files = try FileManager.default.subpathsOfDirectory(atPath: f.path + "/journal").filter { $0.hasSuffix(".jsonl") }.sorted()
        #expect(files.count >= 2)
        let first = files[0], second = files[1]
        let lines = try String(contentsOfFile: f.path + "/journal/" + first, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // An exact conflict copy: every event seen twice.
        f.write("journal/" + first.replacingOccurrences(of: ".jsonl", with: ".sync-conflict-20261125-120000-ABCDEFG.jsonl"), lines.joined(separator: "\n"))
        // A conflict copy that differs: some lines changed (clashing ids), some dropped, some new.
        var rng = SeededRandom(seed: seed)
        var changed: [String] = []
        for line in lines where !line.isEmpty {
            switch rng.below(10) {
            case 0: changed.append(line.replacingOccurrences(of: "\"text\":\"", with: "\"text\":\"changed "))
            case 1: continue
            case 2: changed.append(line.replacingOccurrences(of: "\"lc\":1", with: "\"lc\":2"))
            default: changed.append(line)
            }
        }
        f.write("journal/" + second.replacingOccurrences(of: ".jsonl", with: " (Bob's conflicted copy 2026-11-25).jsonl"), changed.joined(separator: "\n") + "\n")
        // Bad and unusual lines appended to a real journal.
        f.append("journal/" + second, roughLines().joined())
        // Random clashing traffic in a file of its own, with CRLF endings and a line in flight.
        let random = RandomJournal.events(count: 200, rng: &rng).enumerated().map { $1.line(lc: Int64(1_787_839_200_000 + $0 / 3)) }
        f.write("journal/zz/random.jsonl", random.map { $0.replacingOccurrences(of: "\n", with: "\r\n") }.joined() + "{\"id\":\"partial\",\"lc\":")
        return f
    }

    /// Lines that exercise every branch of the decoder: valid but unusual, and bad.
    static func roughLines() -> [String] {
        let at = "\"at\":\"2026-11-25T10:00:00.123Z\""
        return [
            "not json\n", "\n", "   \t\n", "{}\n", "[1,2]\n", "{\"id\":\"x\"}\n",
            "{\"id\":\"a1\",\"lc\":1.5,\(at),\"by\":\"m001\",\"op\":\"status.clear\"}\n",
            "{\"id\":\"a2\",\"lc\":-3,\(at),\"by\":\"m001\",\"op\":\"status.clear\"}\n",
            "{\"id\":\"a3\",\"lc\":\"7\",\(at),\"by\":\"m001\",\"op\":\"status.clear\"}\n",
            "{\"id\":\"a4\",\"lc\":99999999999999999999,\(at),\"by\":\"m001\",\"op\":\"status.clear\"}\n",
            "{\"id\":\"a5\",\"lc\":012,\(at),\"by\":\"m001\",\"op\":\"status.clear\"}\n",
            "{\"id\":\"a6\",\"lc\":1e3,\(at),\"by\":\"m001\",\"op\":\"status.clear\"}\n",
            "{ \"id\" : \"a7\" , \"lc\" : 1787839200100 , \"at\" : \"2026-11-25T10:00:00Z\" , \"by\" : \"m001\" , \"op\" : \"task.create\" , \"task\" : \"SP1\" , \"title\" : \"spaced out\" }\n",
            "{\"id\":\"a8\",\"lc\":1787839200101,\(at),\"by\":\"m002\",\"op\":\"task.create\",\"task\":\"ESC1\",\"title\":\"tab\\there \\\"quoted\\\" \\u00e9 \\u2028 \\/ \\\\ end\",\"notes\":\"line\\nbreak\"}\n",
            "{\"id\":\"a9\",\"lc\":1787839200102,\(at),\"by\":\"m002\",\"op\":\"task.create\",\"task\":\"ESC2\",\"title\":\"surrogate \\ud83d\\ude00 pair\",\"labels\":[\"a\\u0062c\",\"x\"]}\n",
            "{\"id\":\"b1\",\"lc\":1787839200103,\(at),\"by\":\"m002\",\"op\":\"task.create\",\"task\":\"ESC3\",\"title\":\"lone \\ud800 surrogate\"}\n",
            "{\"id\":\"b2\",\"lc\":1787839200104,\(at),\"by\":\"m002\",\"op\":\"task.create\",\"task\":\"UNI\",\"title\":\"Ünïcode ✓ 日本語 👍\",\"column\":\"Attic\",\"priority\":\"urgent\",\"due\":\"2026-12-01T10:00:00+05:45\"}\n",
            "{\"id\":\"b3\",\"lc\":1787839200105,\(at),\"by\":\"m002\",\"op\":\"task.create\",\"task\":\"UNI\",\"title\":\"created twice\"}\n",
            "{\"id\":\"b4\",\"lc\":1787839200106,\(at),\"by\":\"m003\",\"op\":\"task.move\",\"task\":\"NOPE\",\"column\":\"Todo\"}\n",
            "{\"id\":\"b5\",\"lc\":1787839200107,\(at),\"by\":\"m003\",\"op\":\"task.edit\",\"task\":\"UNI\",\"title\":null,\"labels\":[\"x\",1],\"priority\":\"high\"}\n",
            "{\"id\":\"b6\",\"lc\":1787839200108,\(at),\"by\":\"m003\",\"op\":\"task.edit\",\"task\":\"UNI\",\"labels\":\"nope\"}\n",
            "{\"id\":\"b7\",\"lc\":1787839200109,\(at),\"by\":\"m003\",\"op\":\"task.edit\",\"task\":\"UNI\",\"due\":null,\"notes\":null,\"priority\":null,\"labels\":[]}\n",
            "{\"id\":\"b8\",\"lc\":1787839200110,\(at),\"by\":\"m003\",\"op\":\"future.op\",\"nested\":{\"a\":[1,{\"b\":null}]},\"f\":2.5e-3,\"t\":true,\"n\":null}\n",
            "{\"id\":\"b9\",\"lc\":1787839200111,\(at),\"by\":\"m003\",\"op\":\"oncall.override\",\"rotation\":\"ghost\",\"member\":\"m003\",\"from\":\"2026-11-25T00:00:00Z\",\"to\":\"2026-11-26T00:00:00Z\"}\n",
            "{\"id\":\"c1\",\"lc\":1787839200112,\(at),\"by\":\"m003\",\"op\":\"oncall.override\",\"rotation\":\"primary\",\"member\":\"m003\",\"from\":\"2026-11-26T00:00:00Z\",\"to\":\"2026-11-25T00:00:00Z\"}\n",
            "{\"id\":\"c2\",\"lc\":1787839200113,\(at),\"by\":\"m004\",\"op\":\"timeoff.add\",\"from\":\"2026-12-03\",\"to\":\"2026-12-01\"}\n",
            "{\"id\":\"c3\",\"lc\":1787839200114,\(at),\"by\":\"m004\",\"op\":\"timeoff.add\",\"from\":\"2026-12-03T00:00:00Z\",\"to\":\"2026-12-04T00:00:00Z\",\"note\":\"trip\"}\n",
            "{\"id\":\"c4\",\"lc\":1787839200115,\(at),\"by\":\"m004\",\"op\":\"status.set\",\"text\":\"away\",\"kind\":\"sleeping\"}\n",
            "{\"id\":\"c5\",\"lc\":1787839200116,\(at),\"by\":\"m004\",\"op\":\"status.set\",\"text\":\"lunch\",\"kind\":\"away\",\"until\":\"2026-11-25T13:00:00Z\"}\n",
            "{\"id\":\"c6\",\"lc\":1787839200117,\"at\":\"yesterday\",\"by\":\"m004\",\"op\":\"status.clear\"}\n",
            "{\"id\":\"c7\",\"lc\":1787839200118,\(at),\"by\":\"M-4\",\"op\":\"status.clear\"}\n",
            "{\"id\":\"c8\",\"lc\":1787839200119,\(at),\"by\":\"m004\",\"op\":\"task.assign\",\"task\":\"UNI\"}\n",
            "{\"id\":\"c9\",\"lc\":1787839200120,\(at),\"by\":\"m004\",\"op\":\"task.assign\",\"task\":\"UNI\",\"to\":\"m005\"}\n",
            "{\"id\":\"d1\",\"lc\":1787839200121,\(at),\"by\":\"m004\",\"op\":\"task.claim\",\"task\":\"bad id!\"}\n",
            "{\"id\":\"\",\"lc\":1787839200122,\(at),\"by\":\"m004\",\"op\":\"status.clear\"}\n",
            // Ids: uppercase hex is text (distinct from the lowercase one), repeated keys keep the last value.
            "{\"id\":\"ABCDEF0123456789ABCDEF0123456789\",\"lc\":1787839200123,\(at),\"by\":\"m005\",\"op\":\"task.comment\",\"task\":\"UNI\",\"text\":\"upper\"}\n",
            "{\"id\":\"abcdef0123456789abcdef0123456789\",\"lc\":1787839200124,\(at),\"by\":\"m005\",\"op\":\"task.comment\",\"task\":\"UNI\",\"text\":\"lower\"}\n",
            "{\"id\":\"dup\",\"id\":\"d2\",\"lc\":1,\"lc\":1787839200125,\(at),\"by\":\"m005\",\"op\":\"task.comment\",\"task\":\"UNI\",\"text\":\"first\",\"text\":\"second\"}\n",
            "{\"id\":\"d3\",\"lc\":1787839200126,\(at),\"by\":\"m005\",\"op\":\"task.comment\",\"task\":\"UNI\",\"text\":\"ctl \u{01} raw\"}\n",
            "{\"id\":\"d4\",\"lc\":1787839200127,\(at),\"by\":\"m005\",\"op\":\"task.comment\",\"task\":\"UNI\",\"text\":\"after\"} trailing\n",
            // The same id twice with different content: the first by (lc, by, bytes) counts.
            "{\"id\":\"d5\",\"lc\":1787839200128,\(at),\"by\":\"m005\",\"op\":\"task.comment\",\"task\":\"UNI\",\"text\":\"one\"}\n",
            "{\"id\":\"d5\",\"lc\":1787839200128,\(at),\"by\":\"m005\",\"op\":\"task.comment\",\"task\":\"UNI\",\"text\":\"two\"}\n",
            "{\"id\":\"d5\",\"lc\":1787839200100,\(at),\"by\":\"m005\",\"op\":\"task.comment\",\"task\":\"UNI\",\"text\":\"earlier\"}\n",
            "{\"id\":\"d6\",\"lc\":1787839200129,\(at),\"by\":\"m006\",\"op\":\"task.delete\",\"task\":\"ESC3\"}\n",
            "{\"id\":\"d7\",\"lc\":1787839200130,\(at),\"by\":\"m006\",\"op\":\"task.edit\",\"task\":\"ESC3\",\"title\":\"after delete\"}\n",
            "{\"id\":\"d8\",\"lc\":1787839200131,\(at),\"by\":\"m006\",\"op\":\"task.create\",\"task\":\"ESC3\",\"title\":\"again\"}\n",
            String(repeating: " ", count: 10) + "{\"id\":\"d9\",\"lc\":1787839200132,\(at),\"by\":\"m006\",\"op\":\"task.move\",\"task\":\"UNI\",\"column\":\"Done\"}\t\r\n",
            "{\"id\":\"e1\",\"lc\":1787839200133,\(at),\"by\":\"m006\",\"op\":\"task.move\",\"task\":\"UNI\",\"column\":\"Nowhere\"}\n",
            "{\"id\":\"e2\",\"lc\":1787839200134,\(at),\"by\":\"m006\",\"op\":\"task.create\",\"task\":\"LONG\",\"title\":\"\(String(repeating: "x", count: 70_000))\"}\n",
        ]
    }

    // MARK: - The straightforward path

    /// Every `.jsonl` under journal/ (not starting with `.`), relative to TEAM, in byte order.
    static func journalFiles(_ team: String) throws -> [String] {
        var out: [String] = []
        func walk(_ rel: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: team + "/" + rel) where !name.hasPrefix(".") {
                let sub = rel + "/" + name
                var isDir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: team + "/" + sub, isDirectory: &isDir)
                if isDir.boolValue { try walk(sub) } else if name.hasSuffix(".jsonl") { out.append(sub) }
            }
        }
        try walk("journal")
        return out.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// TEAM's journals read line by line with `JSONParser` alone, merged by the plain rule and
    /// folded one `JournalEvent` at a time; settings, members and rotations taken from `config`.
    static func straightforward(_ team: String, config: TeamSnapshot) throws -> TeamSnapshot {
        var events: [(event: JournalEvent, bytes: [UInt8])] = []
        var problems: [Problem] = config.problems.filter { !$0.file.hasPrefix("journal/") }
        for file in try journalFiles(team) {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: team + "/" + file)))
            var start = 0, line = 0
            while let nl = bytes[start...].firstIndex(of: 0x0A) {
                line += 1
                var raw = Array(bytes[start..<nl])
                defer { start = nl + 1 }
                if raw.count > EventDecoder.maxLineBytes {
                    problems.append(Problem(file: file, line: line, message: "line is \(raw.count) bytes, over the 64 KiB limit"))
                    continue
                }
                let length = raw.count
                if raw.last == 0x0D { raw.removeLast() }
                if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                let source = EventSource(file: file, line: line, offset: start, length: length)
                switch raw.withUnsafeBufferPointer({ EventDecoder.decode($0, source: source, fastScan: false) }) {
                case .success(let e): events.append((e, Array(bytes[start..<(start + length)])))
                case .failure(let f): problems.append(Problem(file: file, line: line, message: f.message))
                }
            }
        }
        // The merge rule (SPEC §1): per id, the line first by (lc, by, bytes) counts.
        var winners: [String: Int] = [:]
        for (k, e) in events.enumerated() {
            guard let w = winners[e.event.id] else { winners[e.event.id] = k; continue }
            let a = (e.event.lc, Array(e.event.by.utf8)), b = (events[w].event.lc, Array(events[w].event.by.utf8))
            if a.0 < b.0 || (a.0 == b.0 && (a.1.lexicographicallyPrecedes(b.1) || (a.1 == b.1 && e.bytes.lexicographicallyPrecedes(events[w].bytes)))) {
                winners[e.event.id] = k
            }
        }
        var firstPlace: [[UInt8]: EventSource] = [:]
        for (k, e) in events.enumerated() where e.bytes != events[winners[e.event.id]!].bytes {
            let key = Array(e.event.id.utf8) + [0] + e.bytes
            if let p = firstPlace[key], (p.file, p.line) < (e.event.source.file, e.event.source.line) { continue }
            firstPlace[key] = events[k].event.source
        }
        for (key, place) in firstPlace {
            let id = String(decoding: key.prefix { $0 != 0 }, as: UTF8.self)
            problems.append(Problem(file: place.file, line: place.line, message: "event id '\(id)' appears with different content elsewhere; this line is ignored"))
        }
        var state = TeamState(columns: config.settings.columns, rotations: Set(config.rotations.map(\.id)))
        for k in winners.values.sorted(by: { JournalEvent.precedes(events[$0].event, events[$1].event) }) { state.apply(events[k].event) }
        problems += state.problems
        return TeamSnapshot(path: team, settings: config.settings, members: config.members, rotations: config.rotations, state: state,
                            problems: problems.sorted())
    }

    // MARK: - Tests

    /// Small enough to fold on one thread, then big enough to fold in two halves.
    @Test(arguments: [(3_000, UInt64(7)), (24_000, UInt64(11))])
    func fastLoadMatchesTheStraightforwardOne(events: Int, seed: UInt64) throws {
        let f = try Self.roughTeam(events: events, seed: seed)
        let fast = try Team(path: f.path).snapshot
        #expect(fast.state.eventCount > events / 2)
        #expect(fast.problems.contains { $0.message.contains("appears with different content elsewhere") })
        #expect(fast.problems.contains { $0.message.contains("not valid JSON") })
        let plain = try Self.straightforward(f.path, config: fast)
        let a = SnapshotDump.text(fast), b = SnapshotDump.text(plain)
        if a != b {
            let x = a.split(separator: "\n"), y = b.split(separator: "\n")
            let first = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
            Issue.record("first difference at line \(first): fast \(first < x.count ? String(x[first]) : "-") | plain \(first < y.count ? String(y[first]) : "-")")
        }
        #expect(fast.state.maxLC == plain.state.maxLC && fast.state.eventCount == plain.state.eventCount)
        #expect(fast.board.knownIDs == plain.board.knownIDs && fast.board.deleted == plain.board.deleted)
    }

    /// The two-core fold gives the one-thread fold's state, whatever the size.
    @Test func foldInHalvesMatchesOneThread() throws {
        let f = try Self.roughTeam(events: 4_000, seed: 3)
        let fold = try FoldComparison(teamPath: f.path)
        let halves = fold.parallel, one = fold.oneAtATime
        #expect(fold.dump(halves) == fold.dump(one))
        #expect(halves.board.conflicts == one.board.conflicts)
        #expect(halves.problems.map(\.description) == one.problems.map(\.description))
    }

    /// Appends, a new conflict copy and a rewritten file, reloaded step by step: each snapshot is
    /// the one a fresh load gives.
    @Test func reloadsMatchFreshLoads() throws {
        let f = try Self.roughTeam(events: 2_000, seed: 5)
        let team = try Team(path: f.path)
        let files = try Self.journalFiles(f.path)
        var rng = SeededRandom(seed: 9)
        let random = RandomJournal.events(count: 60, rng: &rng).enumerated().map { $1.line(lc: Int64(1_800_000_000_000 + $0)) }
        for step in 0..<6 {
            switch step {
            case 0, 1, 2: f.append(files[step], random[(step * 10)..<(step * 10 + 10)].joined())
            case 3: f.write("journal/m001/late.sync-conflict-1.jsonl", random[30..<40].joined())
            case 4: f.append(files[0], "{\"id\":\"half\",")
            default: f.write(files[1], random[40..<60].joined())
            }
            try team.reload()
            #expect(SnapshotDump.text(team.snapshot) == SnapshotDump.text(try Team(path: f.path).snapshot), "step \(step)")
        }
    }
}
