import Foundation
import Testing
@testable import MeridianKit

/// The hand-written journal JSON parser: RFC 8259 strictness, escapes, numbers, limits.
@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue {
        try parseBytes(Array(text.utf8))
    }

    func parseBytes(_ bytes: [UInt8]) throws(JSONParser.Failure) -> JSONValue {
        var result: Result<JSONValue, JSONParser.Failure> = .success(.null)
        bytes.withUnsafeBufferPointer { buf in
            do throws(JSONParser.Failure) { result = .success(try JSONParser.parse(buf)) } catch { result = .failure(error) }
        }
        return try result.get()
    }

    @Test func escapesDecode() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u00e9\u65E5""#) == .string("é日"))
        #expect(try parse(#""\u0000""#) == .string("\u{0}"))
    }

    @Test func surrogatePairsAndLoneSurrogates() throws {
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try parse(#""\ud83d""#) == .string("\u{FFFD}"))
        #expect(try parse(#""\ude00x""#) == .string("\u{FFFD}x"))
        #expect(try parse(#""\ud83dA""#) == .string("\u{FFFD}A"))
    }

    @Test(arguments: [#""\x""#, #""\u12""#, #""\u12G4""#, "\"abc", "\"tab\there\"", "\"nl\nx\""])
    func badStringsFail(text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test func numbers() throws {
        #expect(try parse("0") == .integer(0))
        #expect(try parse("-12") == .integer(-12))
        #expect(try parse("1795600800000") == .integer(1_795_600_800_000))
        #expect(try parse("9223372036854775807") == .integer(Int64.max))
        #expect(try parse("9223372036854775808") == .number(9_223_372_036_854_775_808.0))
        #expect(try parse("1.5e3") == .number(1500))
        #expect(try parse("-0.25") == .number(-0.25))
    }

    @Test(arguments: ["01", "-", "1.", ".5", "1e", "+1", "0x10", "NaN", "Infinity", "1.2.3"])
    func badNumbersFail(text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test func structuresAndWhitespace() throws {
        #expect(try parse(" { \"a\" : [ 1 , true , null , { } , [ ] ] } ") == .object(["a": .array([.integer(1), .bool(true), .null, .object([:]), .array([])])]))
        #expect(try parse("{\"a\":1,\"a\":2}") == .object(["a": .integer(2)]))
    }

    @Test(arguments: ["{", "[1,]", "{\"a\":1,}", "{\"a\"}", "{a:1}", "[1 2]", "tru", "nul", "{} x", "", "   ", "'a'"])
    func malformedFails(text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test func depthIsCapped() throws {
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        _ = try parse(ok)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try parse(deep) }
        let deepObjects = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        #expect(throws: JSONParser.Failure.self) { try parse(deepObjects) }
    }

    @Test func invalidUTF8Fails() {
        for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0xFF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xE2, 0x82, 0x22]] {
            #expect(throws: JSONParser.Failure.self) { try parseBytes(bytes) }
        }
        #expect((try? parseBytes([0x22, 0xC3, 0xA9, 0x22])) == .string("é"))
    }

    @Test func parseObjectVisitsMembersAndRejectsNonObjects() throws {
        var seen: [String] = []
        let text = Array(#"{"id":"x","a\u0062":2}"#.utf8)
        try text.withUnsafeBufferPointer { buf throws(JSONParser.Failure) in
            try JSONParser.parseObject(buf) { key, _ in seen.append(String(decoding: key, as: UTF8.self)) }
        }
        #expect(seen == ["id", "ab"])
        for bad in ["[1]", "\"s\"", "{\"a\":1} {}", "{\"a\":1"] {
            #expect(throws: JSONParser.Failure.self) {
                try Array(bad.utf8).withUnsafeBufferPointer { buf throws(JSONParser.Failure) in try JSONParser.parseObject(buf) { _, _ in } }
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var rng = SeededRandom(seed: 42)
        let alphabet = Array("{}[]\":,\\u0123456789abcdefeE+-.tnrlsx \u{0}é".utf8)
        for _ in 0..<3000 {
            let n = Int(rng.next() % 40)
            let bytes = (0..<n).map { _ in rng.next() % 5 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            _ = try? parseBytes(bytes)
        }
    }
}
