/// The one implementation of JSON strings and integers as UTF-8 bytes, shared by `JSONStream`
/// (and through it `JSONNode`) and `JSONWriter`, so every JSON Meridian writes escapes alike.
public enum JSONBytes {
    /// Appends `s` as a JSON string: `"` and `\` escaped, `\n` `\r` `\t` as such, and every other
    /// scalar `needsEscape` names as `\uXXXX` (lowercase hex).
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { u in
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: maxStringLength(u.count)))
            let written = out.withUnsafeMutableBufferPointer { writeString(u, to: $0.baseAddress! + start) }
            out.removeLast(out.count - start - written)
        }
    }

    /// Appends `n` in decimal, as `String(n)` writes it.
    public static func appendInt(_ n: Int64, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: maxIntLength))
        let written = out.withUnsafeMutableBufferPointer { writeInt(n, to: $0.baseAddress! + start) }
        out.removeLast(out.count - start - written)
    }

    /// Room `writeString` may need for `count` UTF-8 bytes: quotes, and six bytes (`\u001b`) a byte.
    @inline(__always)
    public static func maxStringLength(_ count: Int) -> Int { 6 * count + 2 }

    /// Room `writeInt` may need: a sign and 19 digits.
    public static let maxIntLength = 20

    /// Writes UTF-8 text as a JSON string at `p`, which has room for `maxStringLength(u.count)`
    /// bytes; returns how many it wrote.
    public static func writeString(_ u: UnsafeBufferPointer<UInt8>, to p: UnsafeMutablePointer<UInt8>) -> Int {
        p[0] = UInt8(ascii: "\"")
        var o = 1
        var i = 0
        let n = u.count
        if let base = u.baseAddress {
            // Eight plain bytes (printable ASCII, no quote or backslash) are copied at once.
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if isPlain(word) {
                    UnsafeMutableRawPointer(p + o).storeBytes(of: word, as: UInt64.self)
                    o += 8
                    i += 8
                } else {
                    writeNext(u, &i, p, &o)
                }
            }
        }
        while i < n { writeNext(u, &i, p, &o) }
        p[o] = UInt8(ascii: "\"")
        return o + 1
    }

    /// Writes the byte at `u[i]` (or the escape of the scalar starting there) and moves past it.
    @inline(__always)
    private static func writeNext(_ u: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ p: UnsafeMutablePointer<UInt8>, _ o: inout Int) {
        let c = u[i]
        if c >= 0x20 && c != 0x22 && c != 0x5C && c < 0x7F {
            p[o] = c
            o += 1
            i += 1
            return
        }
        if c >= 0x80 {
            // Only a few non-ASCII scalars need escaping (see `needsEscape`): C1, bidi controls,
            // invisible characters, U+2028/U+2029. Their lead bytes are C2, D8, E1, E2 and EF;
            // anything else is copied as it is.
            let n = u.count
            var scalar: UInt32 = 0
            var length = 0
            if (c == 0xC2 || c == 0xD8) && i + 1 < n {
                scalar = UInt32(c & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F)
                length = 2
            } else if (c == 0xE1 || c == 0xE2 || c == 0xEF) && i + 2 < n {
                scalar = UInt32(c & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)
                length = 3
            }
            if length == 0 || !needsEscape(scalar) {
                p[o] = c
                o += 1
                i += 1
                return
            }
            o += writeUnicodeEscape(scalar, to: p + o)
            i += length
            return
        }
        p[o] = 0x5C
        switch c {
        case 0x22: p[o + 1] = 0x22; o += 2
        case 0x5C: p[o + 1] = 0x5C; o += 2
        case 0x0A: p[o + 1] = UInt8(ascii: "n"); o += 2
        case 0x0D: p[o + 1] = UInt8(ascii: "r"); o += 2
        case 0x09: p[o + 1] = UInt8(ascii: "t"); o += 2
        default: o += writeUnicodeEscape(UInt32(c), to: p + o)
        }
        i += 1
    }

    /// Whether none of eight bytes needs a look: all in 0x20...0x7E and none `"` or `\`
    /// (bit tricks that find a byte below a bound or equal to a value, in all eight at once).
    @inline(__always)
    static func isPlain(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (w &- ones &* 0x20) & ~w & highs
        let from7F = (w | (w &+ ones)) & highs
        let q = w ^ (ones &* 0x22)
        let quote = (q &- ones) & ~q & highs
        let b = w ^ (ones &* 0x5C)
        let backslash = (b &- ones) & ~b & highs
        return below20 | from7F | quote | backslash == 0
    }

    /// Written as `\uXXXX`: C0 (RFC 8259 requires it), and also DEL, C1, bidi controls, invisible
    /// characters and the line/paragraph separators, so JSON printed to a terminal or pasted into
    /// JavaScript is inert. Escaping is lossless: a parser reads the same string back.
    public static func needsEscape(_ v: UInt32) -> Bool {
        switch v {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x180E, 0x200B, 0x2060...0x2064, 0xFEFF, 0xFFF9...0xFFFB, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `\uXXXX` (lowercase hex) for a scalar below U+10000: six bytes.
    private static func writeUnicodeEscape(_ scalar: UInt32, to p: UnsafeMutablePointer<UInt8>) -> Int {
        p[0] = 0x5C
        p[1] = UInt8(ascii: "u")
        for k in 0..<4 {
            let digit = UInt8(truncatingIfNeeded: (scalar >> UInt32(12 - 4 * k)) & 0xF)
            p[2 + k] = digit < 10 ? 0x30 + digit : UInt8(ascii: "a") + digit - 10
        }
        return 6
    }

    /// Writes `n` in decimal at `p` (room for `maxIntLength` bytes), as `String(n)` writes it;
    /// returns how many bytes it wrote.
    public static func writeInt(_ n: Int64, to p: UnsafeMutablePointer<UInt8>) -> Int {
        // UInt64 holds |Int64.min|.
        var magnitude = n.magnitude
        var length = 1
        var rest = magnitude / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        var o = 0
        if n < 0 {
            p[0] = UInt8(ascii: "-")
            o = 1
        }
        for k in stride(from: o + length - 1, through: o, by: -1) {
            p[k] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
            magnitude /= 10
        }
        return o + length
    }
}
