/// A strict, bounded JSON parser over UTF-8 bytes (RFC 8259), written by hand because the journal
/// is read line by line at hundreds of MiB/s and Foundation's decoder is far slower. Nesting is
/// capped so hostile input can neither overflow the stack nor take unbounded time.
public struct JSONParser {
    /// Why a line is not valid JSON, with the byte offset where parsing stopped.
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
        public var offset: Int
    }

    public static let maxDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos: Int

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.pos = 0
    }

    /// Parses one whole JSON document; trailing non-space bytes are an error.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var p = JSONParser(bytes)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        if p.pos != bytes.count { throw p.fail("unexpected text after the JSON value") }
        return v
    }

    /// Parses a top-level object, handing each member to `visit` as (key bytes, value) without
    /// building a dictionary; `parseObjectTokens` with every value as a `JSONValue`.
    public static func parseObject(
        _ bytes: UnsafeBufferPointer<UInt8>,
        visit: (UnsafeBufferPointer<UInt8>, JSONValue) -> Void
    ) throws(Failure) {
        try parseObjectTokens(bytes) { key, token in visit(key, token.jsonValue) }
    }

    /// A member value of a top-level object as the fast path hands it over: a string without
    /// escapes stays as its (UTF-8 validated) bytes, anything else is parsed.
    public enum Token {
        case raw(UnsafeBufferPointer<UInt8>)
        case value(JSONValue)

        /// The value as a `JSONValue` (a raw string becomes a `String`).
        public var jsonValue: JSONValue {
            switch self {
            case .raw(let b): return .string(String(decoding: b, as: UTF8.self))
            case .value(let v): return v
            }
        }
    }

    /// Like `parseObject`, but string values without escapes are handed over as bytes, so a caller
    /// that only needs to look at them (a date, an enum word) never allocates a `String`.
    public static func parseObjectTokens(
        _ bytes: UnsafeBufferPointer<UInt8>,
        visit: (UnsafeBufferPointer<UInt8>, Token) -> Void
    ) throws(Failure) {
        var p = JSONParser(bytes)
        p.skipSpace()
        guard p.peek == UInt8(ascii: "{") else { throw p.fail("a journal line must be a JSON object") }
        p.pos += 1
        p.skipSpace()
        if p.peek == UInt8(ascii: "}") {
            p.pos += 1
        } else {
            while true {
                p.skipSpace()
                let key = try p.rawKey()
                p.skipSpace()
                try p.expect(UInt8(ascii: ":"))
                p.skipSpace()
                let v: Token
                if p.peek == UInt8(ascii: "\""), let raw = try p.rawString() {
                    v = .raw(raw)
                } else {
                    v = .value(try p.value(depth: 1))
                }
                if let key = key.raw {
                    visit(key, v)
                } else {
                    let s = key.decoded ?? ""
                    Array(s.utf8).withUnsafeBufferPointer { visit($0, v) }
                }
                p.skipSpace()
                if p.peek == UInt8(ascii: ",") { p.pos += 1; continue }
                if p.peek == UInt8(ascii: "}") { p.pos += 1; break }
                throw p.fail("expected ',' or '}' in an object")
            }
        }
        p.skipSpace()
        if p.pos != bytes.count { throw p.fail("unexpected text after the JSON object") }
    }

    /// A string with no escapes as its validated bytes (position after the closing quote); nil,
    /// position unchanged, when it has escapes (the caller then parses it as a value).
    private mutating func rawString() throws(Failure) -> UnsafeBufferPointer<UInt8>? {
        let start = pos + 1
        var i = start
        let n = bytes.count
        var high: UInt8 = 0
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if high >= 0x80 && String(validating: slice, as: UTF8.self) == nil {
                    pos = start
                    throw fail("invalid UTF-8 in a string")
                }
                pos = i + 1
                return slice
            }
            if c == UInt8(ascii: "\\") { return nil }
            if c < 0x20 { pos = i; throw fail("control character in a string") }
            high |= c
            i += 1
        }
        pos = n
        throw fail("unterminated string")
    }

    // MARK: - Grammar

    private var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }

    private func fail(_ message: String) -> Failure { Failure(message: message, offset: pos) }

    private mutating func expect(_ c: UInt8) throws(Failure) {
        guard peek == c else { throw fail("expected '\(Character(Unicode.Scalar(c)))'") }
        pos += 1
    }

    private mutating func skipSpace() {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { pos += 1 } else { break }
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard let c = peek else { throw fail("unexpected end of line") }
        switch c {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw fail("unexpected end of line") }
        let w = word.utf8Start
        for i in 0..<n where bytes[pos + i] != w[i] { throw fail("invalid literal") }
        pos += n
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        if depth > Self.maxDepth { throw fail("JSON nested deeper than \(Self.maxDepth) levels") }
        pos += 1
        var dict: [String: JSONValue] = [:]
        skipSpace()
        if peek == UInt8(ascii: "}") { pos += 1; return .object(dict) }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw fail("expected a string key") }
            let key = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            dict[key] = try value(depth: depth)
            skipSpace()
            if peek == UInt8(ascii: ",") { pos += 1; continue }
            if peek == UInt8(ascii: "}") { pos += 1; return .object(dict) }
            throw fail("expected ',' or '}' in an object")
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        if depth > Self.maxDepth { throw fail("JSON nested deeper than \(Self.maxDepth) levels") }
        pos += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek == UInt8(ascii: "]") { pos += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth))
            skipSpace()
            if peek == UInt8(ascii: ",") { pos += 1; continue }
            if peek == UInt8(ascii: "]") { pos += 1; return .array(items) }
            throw fail("expected ',' or ']' in an array")
        }
    }

    /// A key either as raw bytes (no escapes, the common case) or decoded.
    private struct Key { var raw: UnsafeBufferPointer<UInt8>?; var decoded: String? }

    private mutating func rawKey() throws(Failure) -> Key {
        guard peek == UInt8(ascii: "\"") else { throw fail("expected a string key") }
        let start = pos + 1
        var i = start
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                pos = i + 1
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if !Self.isValidUTF8(slice) { pos = start; throw fail("invalid UTF-8 in a key") }
                return Key(raw: slice, decoded: nil)
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { break }
            i += 1
        }
        return Key(raw: nil, decoded: try string())
    }

    private mutating func string() throws(Failure) -> String {
        pos += 1
        let start = pos
        // Fast path: no escapes.
        var i = pos
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                guard let s = Self.validString(slice) else { throw fail("invalid UTF-8 in a string") }
                pos = i + 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { pos = i; throw fail("control character in a string") }
            i += 1
        }
        // Slow path with escapes.
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        pos = i
        while true {
            guard pos < bytes.count else { throw fail("unterminated string") }
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") { pos += 1; break }
            if c < 0x20 { throw fail("control character in a string") }
            if c != UInt8(ascii: "\\") { out.append(c); pos += 1; continue }
            pos += 1
            guard pos < bytes.count else { throw fail("unterminated escape") }
            let e = bytes[pos]
            pos += 1
            if let b = JSONEscapeBytes.simple(e) {
                out.append(b)
                continue
            }
            guard e == UInt8(ascii: "u") else { throw fail("invalid escape") }
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                if pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") {
                    pos += 2
                    let low = try hex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        appendScalar(0xFFFD, to: &out)
                        scalar = low
                    }
                } else {
                    scalar = 0xFFFD
                }
            }
            if (0xD800...0xDFFF).contains(scalar) { scalar = 0xFFFD }
            appendScalar(scalar, to: &out)
        }
        guard let s = out.withUnsafeBufferPointer({ Self.validString($0) }) else { throw fail("invalid UTF-8 in a string") }
        return s
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw fail("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let d = JSONEscapeBytes.hexValue(bytes[pos]) else { throw fail("invalid \\u escape") }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    private func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = pos
        var isInteger = true
        if peek == UInt8(ascii: "-") { pos += 1 }
        guard let first = peek, first >= 0x30, first <= 0x39 else { throw fail("invalid number") }
        if first == 0x30 {
            pos += 1
        } else {
            while let c = peek, c >= 0x30, c <= 0x39 { pos += 1 }
        }
        if peek == UInt8(ascii: ".") {
            isInteger = false
            pos += 1
            guard let c = peek, c >= 0x30, c <= 0x39 else { throw fail("invalid number") }
            while let c = peek, c >= 0x30, c <= 0x39 { pos += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            isInteger = false
            pos += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { pos += 1 }
            guard let c = peek, c >= 0x30, c <= 0x39 else { throw fail("invalid number") }
            while let c = peek, c >= 0x30, c <= 0x39 { pos += 1 }
        }
        if isInteger, pos - start <= 18 {
            // At most 18 digits (and a sign) always fits in an Int64: no String needed.
            var v: Int64 = 0
            var i = start
            let negative = bytes[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            while i < pos { v = v * 10 + Int64(bytes[i] &- 0x30); i += 1 }
            return .integer(negative ? -v : v)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        if isInteger, let v = Int64(text) { return .integer(v) }
        return .number(Double(text) ?? .nan)
    }

    // MARK: - UTF-8

    static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // ASCII fast path.
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return String(validating: bytes, as: UTF8.self) != nil }
        return true
    }
}
