import Foundation
import Testing
@testable import MeridianKit

/// The decoder's fast path (`JournalLineScanner`) gives exactly what `JSONParser` gives: the same
/// event, field by field, or the same problem message, for real lines and thousands of mutations.
@Suite struct DecoderEquivalenceTests {
    /// An event or a problem, in a form that compares every field.
    static func outcome(_ line: [UInt8], fast: Bool) -> String {
        let source = EventSource(file: "f.jsonl", line: 3, offset: 40, length: line.count)
        switch line.withUnsafeBufferPointer({ EventDecoder.decode($0, source: source, fastScan: fast) }) {
        case .success(let e):
            return "event \(e.id) \(e.lc) \(e.at.timeIntervalSince1970.bitPattern) \(e.by) \(e.op) \(e.payload) \(e.source) \(e.contentHash)"
        case .failure(let f):
            return "problem \(f.message)"
        }
    }

    static func sampleLines() throws -> [[UInt8]] {
        let f = try LoadEquivalenceTests.roughTeam(events: 1_500, seed: 21)
        var lines: [[UInt8]] = LoadEquivalenceTests.roughLines().map { Array($0.utf8.dropLast()) }
        for file in try LoadEquivalenceTests.journalFiles(f.path) {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: f.path + "/" + file)))
            lines += bytes.split(separator: 0x0A).map(Array.init)
        }
        return lines
    }

    @Test func fastAndFullParsesAgreeOnEveryLine() throws {
        let lines = try Self.sampleLines()
        #expect(lines.count > 1_000)
        var fastHits = 0
        for line in lines {
            let fast = Self.outcome(line, fast: true), full = Self.outcome(line, fast: false)
            #expect(fast == full, "\(String(decoding: line.prefix(200), as: UTF8.self))")
            var scratch = LineScratch()
            if line.withUnsafeBufferPointer({ JournalLineScanner.scan($0, scratch: &scratch) { _, _ in } }) { fastHits += 1 }
        }
        #expect(fastHits * 10 > lines.count * 9, "the fast path reads nearly every line")
    }

    /// Random byte edits (inserted, deleted, replaced with JSON-significant bytes and UTF-8
    /// fragments) of real lines: the two paths still agree.
    @Test func fastAndFullParsesAgreeOnMutatedLines() throws {
        let lines = try Self.sampleLines().filter { $0.count < 2_000 }
        var rng = SeededRandom(seed: 99)
        let alphabet: [[UInt8]] = ["\"", "\\", ":", ",", "{", "}", "[", "]", " ", "\t", "0", "9", "-", ".", "e", "u", "n", "t", "f",
                                   "\\u00", "\\ud8", "é", "\u{1}", "null", "true", "1e", "00"].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82]]
        for _ in 0..<6_000 {
            var line = lines[rng.below(lines.count)]
            for _ in 0..<(1 + rng.below(3)) {
                let at = rng.below(line.count + 1)
                switch rng.below(3) {
                case 0 where at < line.count: line.remove(at: at)
                case 1 where at < line.count: line[at] = alphabet[rng.below(alphabet.count)].first!
                default: line.insert(contentsOf: alphabet[rng.below(alphabet.count)], at: at)
                }
            }
            #expect(Self.outcome(line, fast: true) == Self.outcome(line, fast: false), "\(String(decoding: line, as: UTF8.self))")
        }
    }
}
