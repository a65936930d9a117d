import Foundation
import Testing
@testable import MeridianKit

/// `JSONStream` (and so `JSONNode.text`, `JSONWriter`) against plain reference printers written
/// here from the rules: escaping per scalar, two-space layout, `String(n)` for integers.
@Suite struct JSONStreamTests {
    /// Text that must come out escaped, or exactly as it is: control codes, C1, bidi and invisible
    /// characters, separators, quotes, non-BMP, and text that only looks like an escape.
    static let pieces = ["a", "Z", "é", "日本", "👍", "🏳️‍🌈", "\"", "\\", "/", " ", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1B}", "\u{1F}",
                         "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{61C}", "\u{180E}", "\u{200B}", "\u{200E}", "\u{2027}",
                         "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{2060}", "\u{2066}", "\u{2069}", "\u{FEFF}", "\u{FFF9}",
                         "\u{FFFB}", "\u{FFFD}", "\u{10FFFF}", "\\u0000", "\\ud800", "\u{1B}[2J", "abcdefgh", "0123456789"]

    // MARK: - References

    static func referenceEscapes(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v) || [0x061C, 0x200E, 0x200F, 0x180E, 0x200B, 0xFEFF, 0x2028, 0x2029].contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || (0x2060...0x2064).contains(v) || (0xFFF9...0xFFFB).contains(v)
    }

    static func referenceString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where referenceEscapes(scalar.value):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func referenceText(_ node: JSONNode, pretty: Bool, level: Int = 0) -> String {
        let pad = { (l: Int) in pretty ? "\n" + String(repeating: "  ", count: l) : "" }
        switch node {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .string(let s): return referenceString(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[" + items.map { pad(level + 1) + referenceText($0, pretty: pretty, level: level + 1) }.joined(separator: ",") + pad(level) + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let sep = pretty ? ": " : ":"
            return "{" + members.map { pad(level + 1) + referenceString($0.0) + sep + referenceText($0.1, pretty: pretty, level: level + 1) }
                .joined(separator: ",") + pad(level) + "}"
        }
    }

    // MARK: - Generated input

    static func randomString(_ rng: inout SeededRandom) -> String {
        (0..<rng.below(14)).map { _ in pieces[rng.below(pieces.count)] }.joined()
    }

    static func randomNode(_ rng: inout SeededRandom, depth: Int = 0) -> JSONNode {
        switch rng.below(depth > 5 ? 4 : 6) {
        case 0: return .null
        case 1: return .bool(rng.below(2) == 0)
        case 2:
            let specials: [Int64] = [0, -1, 9, 10, -10, 99, 100, .max, .min, .max - 1, .min + 1, 1_000_000_007]
            return .int(rng.below(3) == 0 ? specials[rng.below(specials.count)] : Int64(bitPattern: rng.next()) >> Int64(rng.below(64)))
        case 3: return .string(randomString(&rng))
        case 4: return .array((0..<rng.below(5)).map { _ in randomNode(&rng, depth: depth + 1) })
        default: return .object((0..<rng.below(5)).map { _ in (randomString(&rng), randomNode(&rng, depth: depth + 1)) })
        }
    }

    // MARK: - Tests

    @Test func streamedTextMatchesTheReferenceLayout() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<400 {
            let node = Self.randomNode(&rng)
            for pretty in [false, true] {
                var stream = JSONStream(pretty: pretty)
                stream.node(node)
                #expect(String(decoding: stream.bytes, as: UTF8.self) == Self.referenceText(node, pretty: pretty))
                #expect(node.text(pretty: pretty) == Self.referenceText(node, pretty: pretty))
            }
        }
    }

    @Test func chunksConcatenateToTheWholeText() {
        var rng = SeededRandom(seed: 12)
        let nodes = (0..<400).map { _ in Self.randomNode(&rng) }
        let doc = JSONNode.array([.string(String(repeating: "\u{1}x\"", count: 5000))] + nodes)
        let whole = doc.utf8(pretty: true)
        #expect(whole.count > 3 * 4096)
        for size in [1, 3, 64, 4096] {
            var chunks: [[UInt8]] = []
            var stream = JSONStream(pretty: true, chunkSize: size) { chunks.append(Array($0)) }
            stream.node(doc)
            stream.flush()
            #expect(chunks.flatMap { $0 } == whole, "chunk size \(size)")
            #expect(chunks.count > 1)
            #expect(stream.bytes.isEmpty, "everything was handed to the sink")
        }
    }

    /// Every length around the eight-byte fast path, with an escapable piece at every position.
    @Test func escapingHoldsAtEveryPosition() {
        let specials = ["\"", "\\", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{202E}", "\u{FEFF}", "é", "👍"]
        for length in 0..<26 {
            for position in 0...length {
                for special in specials {
                    let s = String(repeating: "a", count: position) + special + String(repeating: "b", count: length - position)
                    var stream = JSONStream(pretty: false)
                    stream.string(s)
                    #expect(String(decoding: stream.bytes, as: UTF8.self) == Self.referenceString(s), "\(length) \(position) \(special.unicodeScalars.map(\.value))")
                }
            }
        }
    }

    @Test func writerAndStreamEscapeAlike() {
        var rng = SeededRandom(seed: 13)
        for _ in 0..<3000 {
            let s = Self.randomString(&rng)
            var viaWriter = ""
            JSONWriter.writeString(s, into: &viaWriter)
            #expect(viaWriter == Self.referenceString(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            var bytes: [UInt8] = []
            JSONBytes.appendString(s, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.referenceString(s))
        }
    }

    @Test func escapedStringsParseBackUnchanged() throws {
        var rng = SeededRandom(seed: 14)
        for _ in 0..<1000 {
            let s = Self.randomString(&rng)
            var stream = JSONStream(pretty: true)
            stream.object { $0.field("s", s) }
            let bytes = stream.bytes
            let parsed = try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) }
            guard case .object(let dict) = parsed, case .string(let back)? = dict["s"] else {
                Issue.record("not an object with a string: \(String(decoding: bytes, as: UTF8.self))")
                continue
            }
            #expect(back == s)
        }
    }

    @Test func integersAreWrittenAsStringInitWritesThem() {
        var rng = SeededRandom(seed: 15)
        var values: [Int64] = [0, 1, -1, 9, 10, -9, -10, .max, .min, .max - 1, .min + 1]
        for _ in 0..<5000 { values.append(Int64(bitPattern: rng.next()) >> Int64(rng.below(64))) }
        for n in values {
            var bytes: [UInt8] = [0x78]
            JSONBytes.appendInt(n, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x" + String(n))
            var text = ""
            JSONWriter.write(.integer(n), into: &text)
            #expect(text == String(n))
        }
    }

    /// One-character literals (which a `StaticString` may hold as a scalar, not a pointer).
    @Test func shortLiteralsAndRawText() {
        var stream = JSONStream(pretty: false)
        stream.object { e in
            e.field("a", "b")
            e.key("")
            e.null()
        }
        stream.raw("\n")
        stream.raw("")
        #expect(String(decoding: stream.bytes, as: UTF8.self) == "{\"a\":\"b\",\"\":null}\n")
    }

    @Test func treeBuilderGivesBackTheTree() {
        var rng = SeededRandom(seed: 16)
        for _ in 0..<300 {
            let node = Self.randomNode(&rng)
            let rebuilt = JSONTreeBuilder.build { $0.node(node) }
            #expect(Self.referenceText(rebuilt, pretty: true) == Self.referenceText(node, pretty: true))
        }
    }

    /// The emitter's helpers produce what the equivalent tree says.
    @Test func helpersEmitTheirShapes() {
        func emit<E: JSONEmitter>(_ e: inout E) {
            e.object { e in
                e.field("s", "x")
                e.field("none", nil as String?)
                e.field("n", -3)
                e.field("b", false)
                e.field("list", strings: ["a", "\u{1}"])
                e.object("o") { _ in }
                e.array("a") { e in e.int(Int64.min) }
                e.key("k")
                e.string(Optional("y"))
            }
        }
        let expected = JSONNode.object([("s", .string("x")), ("none", .null), ("n", .int(-3)), ("b", .bool(false)),
                                        ("list", .array([.string("a"), .string("\u{1}")])), ("o", .object([])),
                                        ("a", .array([.int(Int64.min)])), ("k", .string("y"))])
        var stream = JSONStream(pretty: true)
        emit(&stream)
        #expect(String(decoding: stream.bytes, as: UTF8.self) == Self.referenceText(expected, pretty: true))
        var builder = JSONTreeBuilder()
        emit(&builder)
        #expect(Self.referenceText(builder.result, pretty: false) == Self.referenceText(expected, pretty: false))
    }
}
