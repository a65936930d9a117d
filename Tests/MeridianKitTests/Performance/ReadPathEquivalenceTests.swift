import Foundation
import Testing
@testable import MeridianKit

/// The fast read path gives exactly the answers of the plain code it replaces.
@Suite struct ReadPathEquivalenceTests {
    static func bytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(s.utf8).withUnsafeBufferPointer(body)
    }

    static let instantSamples = [
        "2026-11-25T14:03:12.345Z", "2026-11-25T14:03:12Z", "2026-11-25T14:03Z", "2026-11-25 14:03:12+05:45",
        "2026-11-25t14:03:12-0800", "2026-11-25T14:03:12+01", "2026-11-25T24:00:00Z", "2026-11-25T24:00:01Z",
        "2026-11-25T23:59:60Z", "2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2026-13-01T00:00:00Z",
        "2026-11-25T14:03:12.Z", "2026-11-25T14:03:12,5Z", "2026-11-25T14:03:12.123456789Z", "2026-11-25T14:03:12",
        "2026-11-25T14:03:12+24:00", "2026-11-25T14:03:12+05:60", "2026-11-25T14:03:12ZZ", "2026-11-25T1:03:12Z",
        "2026-11-25", "", "Z", "2026-11-25T14:03:12+05:4", "x026-11-25T14:03:12Z", "2026-11-25T14:03:12.9999Z",
        "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-11-25T14:03:12é",
    ]

    /// Known samples, then random mutations of them (fixed seed): same answer, to the bit.
    @Test func instantsAndDatesMatchTheirTwins() {
        var rng = SeededRandom(seed: 11)
        var inputs = Self.instantSamples
        let alphabet = Array("0123456789-:TZtz+., é".utf8)
        for _ in 0..<4000 {
            var u = Array(Self.instantSamples[rng.below(Self.instantSamples.count)].utf8)
            for _ in 0..<(1 + rng.below(3)) {
                switch rng.below(3) {
                case 0 where !u.isEmpty: u[rng.below(u.count)] = alphabet[rng.below(alphabet.count)]
                case 1 where !u.isEmpty: u.remove(at: rng.below(u.count))
                default: u.insert(alphabet[rng.below(alphabet.count)], at: rng.below(u.count + 1))
                }
            }
            inputs.append(String(decoding: u, as: UTF8.self))
        }
        for s in inputs {
            // Instant.parse now is JournalBytes.instant; its answers are pinned by instantsMatchPython.
            let date = Self.bytes(s) { JournalBytes.date($0) }
            #expect(date == LocalDate(iso: s), "\(s)")
            let prefix = String(decoding: s.utf8.prefix(10), as: UTF8.self)
            #expect(Self.bytes(prefix) { JournalBytes.date($0) } == LocalDate(iso: prefix), "\(prefix)")
        }
    }

    /// Epochs computed with Python's datetime.fromisoformat (an independent parser).
    @Test func instantsMatchPython() {
        let expected: [(String, Double)] = [
            ("2026-11-25T14:03:12.345Z", 1795615392.345), ("2026-11-25 14:03:12+05:45", 1795594692),
            ("2026-11-25T14:03:12-08:00", 1795644192), ("2026-11-25T14:03+01:00", 1795611780),
            ("1969-12-31T23:59:59.999Z", -0.001),
        ]
        for (text, epoch) in expected {
            let parsed = Instant.parse(text)?.timeIntervalSince1970
            #expect(parsed.map { abs($0 - epoch) < 0.0005 } == true, "\(text) → \(String(describing: parsed))")
        }
        for bad in ["2026-11-25", "2026-13-01T00:00:00Z", "2026-11-25T14:03:12", "2026-11-25T14:03:12+05:60", "2026-11-25T24:00:01Z"] {
            #expect(Instant.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func namesAndTaskIDsMatchIdentifiers() {
        var rng = SeededRandom(seed: 5)
        let alphabet = Array("az09_-.AZ é!".utf8)
        var inputs = ["", "a", "0", "_a", "-a", "a_b-c", "A", "alice", String(repeating: "a", count: 32), String(repeating: "a", count: 33), "T-1.2_x", "é"]
        for _ in 0..<3000 {
            inputs.append(String(decoding: (0..<rng.below(36)).map { _ in alphabet[rng.below(alphabet.count)] }, as: UTF8.self))
        }
        for s in inputs {
            #expect(Self.bytes(s) { JournalBytes.isValidName($0) } == Identifiers.isValidName(s), "\(s)")
            #expect(Self.bytes(s) { JournalBytes.isValidTaskID($0) } == Identifiers.isValidTaskID(s), "\(s)")
        }
    }

    /// `status --json` strings are escaped exactly as `JSONWriter` escapes them (control codes, C1, U+2028/9).
    @Test func jsonNodeEscapesLikeJSONWriter() {
        var rng = SeededRandom(seed: 3)
        let pieces = ["a", "é", "日本", "👍", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}",
                      "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "/", " "]
        for _ in 0..<2000 {
            let s = (0..<rng.below(12)).map { _ in pieces[rng.below(pieces.count)] }.joined()
            var expected = ""
            JSONWriter.writeString(s, into: &expected)
            #expect(JSONNode.string(s).text() == expected, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func jsonNodeLayoutIsStable() {
        let doc = JSONNode.object([("a", .int(-12)), ("b", .array([.bool(true), .null, .string("x")])), ("c", .object([])), ("d", .array([])),
                                   ("e", .int(Int64.min)), ("f", .int(0))])
        #expect(doc.text() == #"{"a":-12,"b":[true,null,"x"],"c":{},"d":[],"e":-9223372036854775808,"f":0}"#)
        #expect(doc.text(pretty: true) == """
        {
          "a": -12,
          "b": [
            true,
            null,
            "x"
          ],
          "c": {},
          "d": [],
          "e": -9223372036854775808,
          "f": 0
        }
        """)
    }

    /// The merge (packed-key sort, group walk) against the rule written out plainly: for each id the
    /// line first by (lc, by, bytes) wins; kept events in (lc, by, id) order; each other content
    /// of an id is one problem at its first (file, line).
    @Test func mergeMatchesThePlainRule() {
        var rng = SeededRandom(seed: 17)
        for round in 0..<60 {
            var lines: [(file: String, text: String)] = []
            let files = ["journal/a/x.jsonl", "journal/b/y.jsonl", "journal/b/y.sync-conflict-1.jsonl"]
            for n in 0..<(20 + rng.below(60)) {
                let id = "e\(rng.below(n / 2 + 3))"                     // ids repeat on purpose
                let lc = 100 + rng.below(round % 3 == 0 ? 4 : 40)        // equal clocks on purpose
                let by = ["ann", "bob"][rng.below(2)]
                let text = ["x", "y"][rng.below(2)]
                lines.append((files[rng.below(files.count)],
                              #"{"id":"\#(id)","lc":\#(lc),"at":"2026-11-25T14:00:00Z","by":"\#(by)","op":"task.comment","task":"T1","text":"\#(text)"}"#))
            }
            var lineNo: [String: Int] = [:]
            var events: [JournalEvent] = []
            var bytesOf: [EventSource: [UInt8]] = [:]
            for l in lines {
                lineNo[l.file, default: 0] += 1
                let source = EventSource(file: l.file, line: lineNo[l.file]!, offset: 0, length: l.text.utf8.count)
                bytesOf[source] = Array(l.text.utf8)
                if case .success(let e) = Self.bytes(l.text, { EventDecoder.decode($0, source: source) }) { events.append(e) }
            }
            let merged = EventMerge.merge(events, lineBytes: { bytesOf[$0] ?? [] })
            // The plain rule.
            var winners: [String: JournalEvent] = [:]
            for e in events {
                guard let w = winners[e.id] else { winners[e.id] = e; continue }
                let a = (e.lc, e.by), b = (w.lc, w.by)
                if a < b || (a == b && bytesOf[e.source]!.lexicographicallyPrecedes(bytesOf[w.source]!)) { winners[e.id] = e }
            }
            let expected = winners.values.sorted(by: JournalEvent.precedes)
            #expect(merged.events.map(\.id) == expected.map(\.id))
            #expect(merged.events.map { bytesOf[$0.source]! } == expected.map { bytesOf[$0.source]! })
            var firstPlace: [[UInt8]: EventSource] = [:]
            for e in events where bytesOf[e.source]! != bytesOf[winners[e.id]!.source]! {
                let key = bytesOf[e.source]!
                if let p = firstPlace[key], (p.file, p.line) < (e.source.file, e.source.line) { continue }
                firstPlace[key] = e.source
            }
            #expect(Set(merged.problems.map { "\($0.file):\($0.line!)" }) == Set(firstPlace.values.map { "\($0.file):\($0.line)" }))
            #expect(merged.problems.count == firstPlace.count)
        }
    }
}
