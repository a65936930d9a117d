import Foundation
import Testing
@testable import MeridianKit

/// The small parts of the compact read path, each against a plain model of itself.
@Suite struct CompactStorageTests {
    static func bytes<R>(_ s: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { s.withUnsafeBufferPointer(body) }

    /// A key matched as a word is exactly `"key":` for a key `FieldKey(bytes)` knows, and every
    /// known key written that way is matched.
    @Test func keyWordsMatchTheKeys() {
        var rng = SeededRandom(seed: 4)
        let names = FieldKey.allCases.map(\.name)
        #expect(names.allSatisfy { n in Self.bytes(Array(n.utf8)) { FieldKey($0)?.name == n } })
        var inputs = names.map { "\"\($0)\":\"value\"," }
        let pieces = names + ["x", "s", "\"", ":", " ", "ids", "labelz", "priorit", "rotations", "y\":", "n\":"]
        for _ in 0..<5_000 {
            inputs.append("\"" + (0..<(1 + rng.below(3))).map { _ in pieces[rng.below(pieces.count)] }.joined() + String(repeating: "\":", count: rng.below(2)) + "0000000000")
        }
        for input in inputs {
            let u = Array(input.utf8)
            let matched = u.withUnsafeBufferPointer { FieldKey.match($0.baseAddress!, 0, $0.count) }
            // The model: a quote, a known key, a quote, a colon.
            var model: (FieldKey, Int)?
            if let close = u.dropFirst().firstIndex(of: 0x22), close + 1 < u.count, u[close + 1] == 0x3A,
               let key = Self.bytes(Array(u[1..<close]), { FieldKey($0) }), u.count >= 8 {
                model = (key, close + 2)
            }
            #expect(matched?.0 == model?.0 && matched?.1 == model?.1, "\(input)")
        }
    }

    @Test func eightDigitsMatchTheirValue() {
        var rng = SeededRandom(seed: 8)
        for _ in 0..<20_000 {
            var b = (0..<8).map { _ in UInt8(0x30 + rng.below(10)) }
            if rng.below(3) == 0 { b[rng.below(8)] = UInt8(truncatingIfNeeded: rng.next()) }
            let w = b.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let model = b.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? UInt64(String(decoding: b, as: UTF8.self)) : nil
            #expect(JournalLineScanner.eightDigits(w) == model, "\(b)")
        }
    }

    @Test func packedIDsAreTheirHexDigits() {
        var rng = SeededRandom(seed: 2)
        let hex = Array("0123456789abcdef".utf8), other = Array("ABCDEFgxz -\"é".utf8)
        for _ in 0..<10_000 {
            var id = (0..<32).map { _ in hex[rng.below(16)] }
            if rng.below(4) == 0 { id[rng.below(32)] = other[rng.below(other.count)] }
            if rng.below(10) == 0 { id.removeLast() }
            let packed = Self.bytes(id) { EventID.packed($0) }
            let valid = id.count == 32 && id.allSatisfy { hex.contains($0) }
            #expect((packed != nil) == valid)
            if let packed {
                #expect(packed.hexString == String(decoding: id, as: UTF8.self))
                #expect(EventKey(String(decoding: id, as: UTF8.self)) == EventKey(packed))
            }
        }
    }

    @Test func utf8ValidationMatchesTheStandardLibrary() {
        var rng = SeededRandom(seed: 6)
        let pieces: [[UInt8]] = ["a", "é", "日", "👍", "\u{7F}", "\u{80}", "\u{FFFF}", "\u{10FFFF}"].map { Array($0.utf8) }
            + [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80], [0xFF], [0x80], [0xC3], [0xF0, 0x9F]]
        for _ in 0..<20_000 {
            let s = (0..<rng.below(6)).flatMap { _ in pieces[rng.below(pieces.count)] }
            #expect(Self.bytes(s) { JournalBytes.isValidUTF8($0) } == (String(validating: s, as: UTF8.self) != nil), "\(s)")
        }
    }

    @Test func podListsAreValues() {
        var a = PodList<Int>()
        for i in 0..<100 { a.append(i) }
        var b = a
        b.append(100)
        b[0] = -1
        #expect(a.count == 100 && a[0] == 0 && Array(a.view) == Array(0..<100))
        #expect(b.count == 101 && b[0] == -1 && b[100] == 100)
        b.removeSuffix(from: 10)
        b.shrinkToFit()
        #expect(Array(b.view) == [-1] + Array(1..<10))
        var c = PodList<UInt8>()
        [1, 2, 3].withUnsafeBufferPointer { c.append(contentsOf: $0) }
        let d = c
        c.removeSuffix(from: 1)
        [9].withUnsafeBufferPointer { c.append(contentsOf: $0) }
        #expect(Array(c.view) == [1, 9] && Array(d.view) == [1, 2, 3])
    }

    /// A task table against a dictionary, through random inserts, changes and removals, with a
    /// copy taken halfway that must not change.
    @Test func taskTableMatchesADictionary() {
        var rng = SeededRandom(seed: 12)
        var table = TaskTable(), model: [String: BoardTask] = [:]
        func task(_ id: String, _ n: Int) -> BoardTask {
            BoardTask(id: id, title: "t\(n)", column: "Todo", priority: .normal, labels: [], due: nil, notes: nil, holder: nil, createdBy: "a",
                      createdAt: Date(timeIntervalSince1970: 0), creationIndex: n, lastActivity: Date(timeIntervalSince1970: 0), comments: [],
                      columnSource: EventSource(file: "f", line: n, offset: 0, length: 0))
        }
        var frozen: (TaskTable, [String: BoardTask])?
        for n in 0..<3_000 {
            let id = "T\(rng.below(600))"
            switch rng.below(3) {
            case 0: table[id] = task(id, n); model[id] = task(id, n)
            case 1: table.removeValue(forKey: id); model[id] = nil
            default: table.update(id) { $0?.title = "changed \(n)" }; model[id]?.title = "changed \(n)"
            }
            if n == 1_500 { frozen = (table, model) }
        }
        for (t, m) in [(table, model), frozen!] {
            #expect(t.count == m.count)
            #expect(Set(t.keys) == Set(m.keys))
            #expect(Dictionary(uniqueKeysWithValues: t.map { ($0.key, $0.value) }) == m)
            #expect(m.keys.allSatisfy { t.contains($0) && t[$0] == m[$0] })
            #expect(!t.contains("absent") && t["absent"] == nil)
        }
    }

    @Test func fingerprintSetsHoldWhatWentIn() {
        var rng = SeededRandom(seed: 13)
        // 0 marks a free slot, so the fingerprints 0 and 1 are one (a false match is allowed: it
        // only sends a reload down the full merge).
        var set = IDFingerprints(), model = Set<UInt64>()
        func stored(_ f: UInt64) -> UInt64 { f == 0 ? 1 : f }
        for _ in 0..<50_000 {
            let f = rng.below(4) == 0 ? UInt64(rng.below(100)) : rng.next()
            set.insert(f)
            model.insert(stored(f))
        }
        #expect(set.count == model.count)
        #expect(model.allSatisfy(set.contains))
        #expect((0..<1_000).filter { _ in let f = rng.next(); return set.contains(f) != model.contains(stored(f)) }.isEmpty)
    }

    @Test func internedStringsAreTheStrings() {
        var interner = StringInterner()
        var rng = SeededRandom(seed: 14)
        for _ in 0..<(StringInterner.limit * 3) {
            let s = "m\(rng.below(StringInterner.limit * 2))"
            #expect(Self.bytes(Array(s.utf8)) { interner.string($0) } == s)
        }
        #expect(Self.bytes(Array(String(repeating: "long", count: 20).utf8)) { interner.string($0) } == String(repeating: "long", count: 20))
    }

    @Test func positionsMergeInOrder() {
        let (a, b) = ParallelFold.mergeRanks([1, 4, 9], [0, 2, 3, 10])
        #expect(a == [1, 4, 5] && b == [0, 2, 3, 6])
        #expect(ParallelFold.mergeByPosition([(1, "a"), (5, "c")], [(2, "b"), (9, "d")]).map(\.1) == ["a", "b", "c", "d"])
    }
}
