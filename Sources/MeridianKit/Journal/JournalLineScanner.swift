/// The fast path of `EventDecoder`: reads a journal line in the shape writers produce (one flat
/// object; strings without escapes; integers; `true`/`false`/`null`; arrays of such strings) in one
/// pass, eight bytes at a time inside strings, and hands each member to `visit` exactly as
/// `JSONParser.parseObjectTokens` would. Anything else (an escape, a nested object, a fraction, an
/// error of any kind) makes it return false having promised nothing: the caller then parses the
/// line with `JSONParser`, which gives the answer and every error message.
enum JournalLineScanner {
    typealias Token = JSONParser.Token

    /// Whether the line was read; false: read it with `JSONParser` instead (what `visit` saw is void).
    static func scan(_ u: UnsafeBufferPointer<UInt8>, _ visit: (UnsafeBufferPointer<UInt8>, Token) -> Void) -> Bool {
        guard let base = u.baseAddress else { return false }
        let n = u.count
        var i = 0
        var high: UInt64 = 0
        var checked = false
        @inline(__always) func skipSpace() {
            while i < n {
                let c = base[i]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 } else { break }
            }
        }
        /// A string without escapes or control characters starting at the quote `i`: its bytes.
        @inline(__always) func string() -> UnsafeBufferPointer<UInt8>? {
            let start = i + 1
            guard let end = closingQuote(base, from: start, count: n, high: &high) else { return nil }
            i = end + 1
            return UnsafeBufferPointer(start: base + start, count: end - start)
        }
        skipSpace()
        guard i < n, base[i] == UInt8(ascii: "{") else { return false }
        i += 1
        while true {
            skipSpace()
            guard i < n, base[i] == UInt8(ascii: "\""), let key = string() else { return false }
            skipSpace()
            guard i < n, base[i] == UInt8(ascii: ":") else { return false }
            i += 1
            skipSpace()
            guard i < n else { return false }
            let value: Token
            switch base[i] {
            case UInt8(ascii: "\""):
                guard let s = string() else { return false }
                value = .raw(s)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard let v = integer(base, &i, n) else { return false }
                value = .value(.integer(v))
            case UInt8(ascii: "n"):
                guard literal(base, &i, n, "null") else { return false }
                value = .value(.null)
            case UInt8(ascii: "t"):
                guard literal(base, &i, n, "true") else { return false }
                value = .value(.bool(true))
            case UInt8(ascii: "f"):
                guard literal(base, &i, n, "false") else { return false }
                value = .value(.bool(false))
            case UInt8(ascii: "["):
                i += 1
                var items: [JSONValue] = []
                skipSpace()
                if i < n, base[i] == UInt8(ascii: "]") {
                    i += 1
                } else {
                    while true {
                        skipSpace()
                        guard i < n, base[i] == UInt8(ascii: "\""), let s = string() else { return false }
                        items.append(.string(String(decoding: s, as: UTF8.self)))
                        skipSpace()
                        guard i < n else { return false }
                        if base[i] == UInt8(ascii: ",") { i += 1; continue }
                        if base[i] == UInt8(ascii: "]") { i += 1; break }
                        return false
                    }
                }
                value = .value(.array(items))
            default:
                return false
            }
            // Bytes above 0x7F were seen in a string: the line must be valid UTF-8 (then every
            // string in it is), or the full parser reports where it is not.
            if !checked && high & 0x8080_8080_8080_8080 != 0 {
                guard JournalBytes.isValidUTF8(u) else { return false }
                checked = true
            }
            visit(key, value)
            skipSpace()
            guard i < n else { return false }
            if base[i] == UInt8(ascii: ",") { i += 1; continue }
            if base[i] == UInt8(ascii: "}") { i += 1; break }
            return false
        }
        skipSpace()
        return i == n
    }

    /// The index of the quote closing a string whose bytes start at `from`, when the string has
    /// no escape and no control character (else nil). Bytes above 0x7F are ORed into `high`.
    @inline(__always)
    static func closingQuote(_ base: UnsafePointer<UInt8>, from: Int, count n: Int, high: inout UInt64) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        var i = from
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            high |= w
            let quote = w ^ (ones &* 0x22), slash = w ^ (ones &* 0x5C)
            // A byte is flagged when it is `"`, `\` or below 0x20; the lowest flag is exact.
            let flags = ((quote &- ones) & ~quote | (slash &- ones) & ~slash | (w &- ones &* 0x20) & ~w) & tops
            if flags != 0 {
                let k = i + flags.trailingZeroBitCount / 8
                return base[k] == UInt8(ascii: "\"") ? k : nil
            }
            i += 8
        }
        while i < n {
            let c = base[i]
            if c == UInt8(ascii: "\"") { return i }
            if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
            high |= UInt64(c)
            i += 1
        }
        return nil
    }

    /// An integer of at most 18 characters (sign included) as JSON writes it, else nil.
    @inline(__always)
    static func integer(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> Int64? {
        let start = i
        var k = i
        let negative = base[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        let digits = k
        var v: Int64 = 0
        while k < n, base[k] >= 0x30, base[k] <= 0x39, k - start < 19 {
            v = v &* 10 &+ Int64(base[k] &- 0x30)
            k += 1
        }
        guard k > digits, k - start <= 18 else { return nil }
        // A leading zero takes no more digits; a fraction or exponent is the full parser's.
        if base[digits] == 0x30 && k - digits > 1 { return nil }
        if k < n, base[k] == UInt8(ascii: ".") || base[k] == UInt8(ascii: "e") || base[k] == UInt8(ascii: "E") || (base[k] >= 0x30 && base[k] <= 0x39) {
            return nil
        }
        i = k
        return negative ? -v : v
    }

    @inline(__always)
    static func literal(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int, _ word: StaticString) -> Bool {
        let m = word.utf8CodeUnitCount
        guard i + m <= n else { return false }
        for k in 0..<m where base[i + k] != word.utf8Start[k] { return false }
        i += m
        return true
    }
}
