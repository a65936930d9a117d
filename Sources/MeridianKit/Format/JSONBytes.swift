/// The one implementation of JSON strings and integers as UTF-8 bytes, shared by `JSONStream`
/// (and through it `JSONNode`) and `JSONWriter`, so every JSON Meridian writes escapes alike.
public enum JSONBytes {
    /// Appends `s` as a JSON string: `"` and `\` escaped, `\n` `\r` `\t` as such, and every other
    /// scalar `needsEscape` names as `\uXXXX` (lowercase hex).
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendString(utf8: $0, to: &out) }
    }

    /// The same for text already in UTF-8 (e.g. a `StaticString` key).
    public static func appendString(utf8 u: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var i = 0
        var runStart = 0
        let n = u.count
        while i < n {
            let c = u[i]
            if c >= 0x20 && c != 0x22 && c != 0x5C && c < 0x7F { i += 1; continue }
            if c >= 0x80 {
                // Only a few non-ASCII scalars need escaping (see `needsEscape`): C1, bidi controls,
                // invisible characters, U+2028/U+2029. Their lead bytes are C2, D8, E1, E2 and EF;
                // anything else is copied as it is.
                var scalar: UInt32 = 0
                var length = 0
                if (c == 0xC2 || c == 0xD8) && i + 1 < n {
                    scalar = UInt32(c & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F)
                    length = 2
                } else if (c == 0xE1 || c == 0xE2 || c == 0xEF) && i + 2 < n {
                    scalar = UInt32(c & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)
                    length = 3
                }
                if length == 0 || !needsEscape(scalar) { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
                appendUnicodeEscape(scalar, to: &out)
                i += length
                runStart = i
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
            switch c {
            case 0x22: out.append(contentsOf: "\\\"".utf8)
            case 0x5C: out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            default: appendUnicodeEscape(UInt32(c), to: &out)
            }
            i += 1
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<n]))
        out.append(UInt8(ascii: "\""))
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

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendUnicodeEscape(_ scalar: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: "\\u".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((scalar >> UInt32(shift)) & 0xF)]) }
    }

    /// Appends `n` in decimal, as `String(n)` writes it.
    public static func appendInt(_ n: Int64, to out: inout [UInt8]) {
        // Digits of the magnitude, least significant first; UInt64 holds |Int64.min|.
        var magnitude = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            if n < 0 { out.append(UInt8(ascii: "-")) }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(d[i]) }
        }
    }
}
