/// The fast path of `EventDecoder`: reads a journal line in the shape writers produce (one flat
/// object; strings, with `\"`-style escapes or `\uXXXX` outside the surrogates; integers of up to
/// 18 characters; `true`/`false`/`null`; arrays of strings) in one pass, eight bytes at a time
/// inside strings and numbers, and hands each member to `visit` as the tokens
/// `JSONParser.parseObjectTokens` would give. Anything else (a nested object, a fraction, a
/// surrogate escape, an error of any kind) makes it return false having promised nothing: the
/// caller then parses the line with `JSONParser`, which gives the answer and every error message.
enum JournalLineScanner {
    /// Whether the line was read; false: read it with `JSONParser` instead (what `visit` saw is void).
    /// Strings with escapes are decoded into `scratch.bytes`, array items listed in `scratch.items`.
    static func scan(_ u: UnsafeBufferPointer<UInt8>, scratch: inout LineScratch, _ visit: (FieldKey, FieldToken) -> Void) -> Bool {
        guard let base = u.baseAddress else { return false }
        // Decoded strings are never longer than the line: with this room they never move.
        scratch.bytes.reserveCapacity(u.count)
        var c = Cursor(base: base, n: u.count)
        c.skipSpace()
        guard c.at(UInt8(ascii: "{")) else { return false }
        c.i += 1
        var checked = false
        // Writers put no space between tokens: each `skip` looks at one byte unless there is some.
        while true {
            c.skip(before: UInt8(ascii: "\""))
            guard c.at(UInt8(ascii: "\"")) else { return false }
            // A known key, as writers spell it, is one compare; any other goes the long way.
            let key: FieldKey?
            if let (known, length) = FieldKey.match(c.base, c.i, c.n) {
                key = known
                c.i += length
            } else {
                guard let bytes = c.string(&scratch.bytes) else { return false }
                key = FieldKey(bytes)
                c.skip(before: UInt8(ascii: ":"))
                guard c.at(UInt8(ascii: ":")) else { return false }
                c.i += 1
            }
            guard c.i < c.n else { return false }
            if c.base[c.i] <= 0x20 { c.skipSpace() }
            guard c.i < c.n else { return false }
            let value: FieldToken
            switch c.base[c.i] {
            case UInt8(ascii: "\""):
                guard let s = c.string(&scratch.bytes) else { return false }
                value = .string(s)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard let v = c.integer() else { return false }
                value = .integer(v)
            case UInt8(ascii: "n"):
                guard c.literal("null") else { return false }
                value = .null
            case UInt8(ascii: "t"):
                guard c.literal("true") else { return false }
                value = .bool
            case UInt8(ascii: "f"):
                guard c.literal("false") else { return false }
                value = .bool
            case UInt8(ascii: "["):
                c.i += 1
                let start = scratch.items.count
                c.skipSpace()
                if c.at(UInt8(ascii: "]")) {
                    c.i += 1
                } else {
                    while true {
                        c.skipSpace()
                        guard c.at(UInt8(ascii: "\"")), let s = c.string(&scratch.bytes) else { return false }
                        scratch.items.append(s)
                        c.skipSpace()
                        if c.at(UInt8(ascii: ",")) { c.i += 1; continue }
                        if c.at(UInt8(ascii: "]")) { c.i += 1; break }
                        return false
                    }
                }
                value = .strings(start: Int32(start), count: Int32(scratch.items.count - start))
            default:
                return false
            }
            // Bytes above 0x7F were seen in a string: the line must be valid UTF-8 (then every
            // string in it is), or the full parser reports where it is not.
            if !checked && c.high & 0x8080_8080_8080_8080 != 0 {
                guard JournalBytes.isValidUTF8(u) else { return false }
                checked = true
            }
            if let key { visit(key, value) }
            c.skip(before: UInt8(ascii: ","))
            if c.at(UInt8(ascii: ",")) { c.i += 1; continue }
            if c.at(UInt8(ascii: "}")) { c.i += 1; break }
            return false
        }
        c.skipSpace()
        return c.i == c.n
    }

    /// A position in a line, and what the scan has noticed so far.
    struct Cursor {
        let base: UnsafePointer<UInt8>
        let n: Int
        var i = 0
        /// Every string byte seen, ORed: bytes above 0x7F leave their top bit here.
        var high: UInt64 = 0

        init(base: UnsafePointer<UInt8>, n: Int) {
            self.base = base
            self.n = n
        }

        @inline(__always)
        func at(_ c: UInt8) -> Bool { i < n && base[i] == c }

        /// `skipSpace`, unless the next byte already is `expected`.
        @inline(__always)
        mutating func skip(before expected: UInt8) {
            if i < n, base[i] != expected { skipSpace() }
        }

        @inline(__always)
        mutating func skipSpace() {
            while i < n, base[i] <= 0x20 {
                let c = base[i]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 } else { return }
            }
        }

        /// The string whose opening quote is at `i`: its bytes, in the line or (escapes decoded)
        /// appended to `out`; nil when it is not one this scanner reads.
        @inline(__always)
        mutating func string(_ out: inout PodList<UInt8>) -> UnsafeBufferPointer<UInt8>? {
            let start = i + 1
            guard let end = stop(from: start) else { return nil }
            if base[end] == UInt8(ascii: "\"") {
                i = end + 1
                return UnsafeBufferPointer(start: base + start, count: end - start)
            }
            return escaped(from: start, at: end, &out)
        }

        /// A string with escapes: its pieces copied to `out`, escapes resolved.
        mutating func escaped(from start: Int, at first: Int, _ out: inout PodList<UInt8>) -> UnsafeBufferPointer<UInt8>? {
            let origin = out.count
            var piece = start
            var k = first
            while true {
                guard base[k] == UInt8(ascii: "\\"), k + 1 < n else { return nil }
                out.append(contentsOf: UnsafeBufferPointer(start: base + piece, count: k - piece))
                let e = base[k + 1]
                var skip = 2
                if let b = JSONEscapeBytes.simple(e) {
                    out.append(b)
                } else if e == UInt8(ascii: "u") {
                    // Four hex digits naming a scalar outside the surrogates; anything else is the full parser's.
                    guard k + 6 <= n, let v = JournalLineScanner.hex4(base + k + 2), v < 0xD800 || v > 0xDFFF else { return nil }
                    JournalLineScanner.appendScalar(v, to: &out)
                    skip = 6
                } else {
                    return nil
                }
                piece = k + skip
                guard let next = stop(from: piece) else { return nil }
                k = next
                if base[k] == UInt8(ascii: "\"") {
                    out.append(contentsOf: UnsafeBufferPointer(start: base + piece, count: k - piece))
                    i = k + 1
                    return UnsafeBufferPointer(rebasing: out.view[origin..<out.count])
                }
            }
        }

        /// The index of the first `"`, `\` or control character from `from` (nil: none before
        /// the end), eight bytes at a time. Bytes on the way are ORed into `high`.
        @inline(__always)
        mutating func stop(from: Int) -> Int? {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let tops: UInt64 = 0x8080_8080_8080_8080
            var k = from
            let raw = UnsafeRawPointer(base)
            while k + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                high |= w
                let quote = w ^ (ones &* 0x22), slash = w ^ (ones &* 0x5C)
                // A byte is flagged when it is `"`, `\` or below 0x20; the lowest flag is exact.
                let flags = ((quote &- ones) & ~quote | (slash &- ones) & ~slash | (w &- ones &* 0x20) & ~w) & tops
                if flags != 0 { return k + flags.trailingZeroBitCount / 8 }
                k += 8
            }
            while k < n {
                let c = base[k]
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { return k }
                high |= UInt64(c)
                k += 1
            }
            return nil
        }

        /// An integer of at most 18 characters (sign included) as JSON writes it, else nil.
        @inline(__always)
        mutating func integer() -> Int64? {
            let start = i
            var k = i
            let negative = base[k] == UInt8(ascii: "-")
            if negative { k += 1 }
            let digits = k
            var v: Int64 = 0
            // Eight digits at a time while there are eight.
            if k + 8 <= n, let eight = JournalLineScanner.eightDigits(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: k, as: UInt64.self)) {
                v = Int64(eight)
                k += 8
            }
            // Then the up to eight digits that follow, in one step (a clock has 13).
            if k + 8 <= n {
                let w = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: k, as: UInt64.self)
                let m = JournalLineScanner.leadingDigits(w)
                if m > 0 {
                    v = v &* JournalLineScanner.powersOfTen[m] &+ Int64(JournalLineScanner.digitsValue(w, count: m))
                    k += m
                }
            }
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
        mutating func literal(_ word: StaticString) -> Bool {
            let m = word.utf8CodeUnitCount
            guard i + m <= n else { return false }
            for k in 0..<m where base[i + k] != word.utf8Start[k] { return false }
            i += m
            return true
        }
    }

    /// The value of eight decimal digits loaded little-endian (first digit in the lowest byte),
    /// or nil when any byte is not a digit (after Lemire, "Faster integer parsing").
    @inline(__always)
    static func eightDigits(_ w: UInt64) -> UInt64? {
        let highNibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        guard (w & highNibbles) | (((w &+ 0x0606_0606_0606_0606) & highNibbles) >> 4) == 0x3333_3333_3333_3333 else { return nil }
        var v = w &- 0x3030_3030_3030_3030
        v = (v &* 10) &+ (v >> 8)
        let pairs: UInt64 = 0x0000_00FF_0000_00FF
        return ((v & pairs) &* 0x000F_4240_0000_0064 &+ ((v >> 16) & pairs) &* 0x0000_2710_0000_0001) >> 32
    }

    /// How many of the eight bytes loaded little-endian in `w` are decimal digits before the first
    /// byte that is not (0 to 8).
    @inline(__always)
    static func leadingDigits(_ w: UInt64) -> Int {
        let highNibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, threes: UInt64 = 0x3030_3030_3030_3030
        // A digit byte has high nibble 3 and stays below 0x3A: both tests leave 0 in its high
        // nibble. A carry out of a byte (0xFA and up, not a digit) only spoils later bytes.
        let z = ((w & highNibbles) ^ threes) | (((w &+ 0x0606_0606_0606_0606) & highNibbles) ^ threes)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let nonDigit = (((z & low7) &+ low7) | z) & 0x8080_8080_8080_8080
        return nonDigit == 0 ? 8 : nonDigit.trailingZeroBitCount / 8
    }

    /// The value of the first `count` (1 to 8) bytes of `w`, which are decimal digits.
    @inline(__always)
    static func digitsValue(_ w: UInt64, count: Int) -> UInt64 {
        // The digits moved to the top bytes, the bytes below them made '0': leading zeros.
        let shift = UInt64(8 * (8 - count))
        let padded = (w << shift) | (0x3030_3030_3030_3030 >> UInt64(8 * count))
        let v = padded &- 0x3030_3030_3030_3030
        let tens = (v &* 10) &+ (v >> 8)
        let pairs: UInt64 = 0x0000_00FF_0000_00FF
        return ((tens & pairs) &* 0x000F_4240_0000_0064 &+ ((tens >> 16) & pairs) &* 0x0000_2710_0000_0001) >> 32
    }

    /// 10^k for k in 0...8.
    static let powersOfTen: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// The value of four hex digits (either case), or nil.
    @inline(__always)
    static func hex4(_ p: UnsafePointer<UInt8>) -> UInt32? {
        var v: UInt32 = 0
        for k in 0..<4 {
            guard let d = JSONEscapeBytes.hexValue(p[k]) else { return nil }
            v = v << 4 | d
        }
        return v
    }

    /// The UTF-8 of a scalar below 0x10000 (not a surrogate).
    static func appendScalar(_ v: UInt32, to out: inout PodList<UInt8>) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
