/// TOML's four string forms: basic `"…"` (with escapes), literal `'…'`, and their multi-line
/// `"""…"""` / `'''…'''` forms (a newline right after the opening quotes is dropped; a
/// backslash at a line end joins lines in the basic form). Control characters other than tab
/// must be escaped; a lone carriage return is refused.
extension TOMLCursor {
    /// Reads a string starting at a quote; `multiline` false for keys.
    mutating func readString(multilineAllowed: Bool) throws(TOMLError) -> String {
        let quote = bytes[index]
        let start = position()
        if multilineAllowed && peek(1) == quote && peek(2) == quote {
            index += 3
            return quote == UInt8(ascii: "\"") ? try readMultilineBasic(from: start) : try readMultilineLiteral(from: start)
        }
        index += 1
        return quote == UInt8(ascii: "\"") ? try readBasic() : try readLiteral()
    }

    private mutating func readBasic() throws(TOMLError) -> String {
        var out: [UInt8] = []
        while let c = peek {
            switch c {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape(into: &out)
            case 0x0A, 0x0D:
                throw error("this string is not closed on its line (use \"\"\" for a multi-line string)")
            default:
                if TOMLCursor.isForbiddenControl(c) { throw error("control character \(TOMLCursor.hex(c)) must be escaped in a string") }
                out.append(c)
                index += 1
            }
        }
        throw error("this string is not closed on its line (use \"\"\" for a multi-line string)")
    }

    private mutating func readLiteral() throws(TOMLError) -> String {
        let from = index
        while let c = peek {
            if c == UInt8(ascii: "'") {
                index += 1
                return String(decoding: bytes[from..<(index - 1)], as: UTF8.self)
            }
            if c == 0x0A || c == 0x0D { break }
            if TOMLCursor.isForbiddenControl(c) { throw error("control character \(TOMLCursor.hex(c)) is not allowed in a literal string") }
            index += 1
        }
        throw error("this string is not closed on its line (use ''' for a multi-line string)")
    }

    private mutating func readMultilineBasic(from start: TOMLPosition) throws(TOMLError) -> String {
        var out: [UInt8] = []
        if atNewline { try consumeNewline() }
        while let c = peek {
            switch c {
            case UInt8(ascii: "\""):
                if try closesMultiline(quote: c, into: &out) { return String(decoding: out, as: UTF8.self) }
            case UInt8(ascii: "\\"):
                var k = index + 1
                while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
                if k < bytes.count, bytes[k] == 0x0A || bytes[k] == 0x0D {
                    // A line-ending backslash (blanks may follow it): drop it, the line end and all blanks and line ends after.
                    index = k
                    try consumeNewline()
                    while let d = peek, d == 0x20 || d == 0x09 || d == 0x0A || d == 0x0D {
                        if d == 0x20 || d == 0x09 { index += 1 } else { try consumeNewline() }
                    }
                } else {
                    try readEscape(into: &out)
                }
            case 0x0A, 0x0D:
                try consumeNewline()
                out.append(0x0A)
            default:
                if TOMLCursor.isForbiddenControl(c) { throw error("control character \(TOMLCursor.hex(c)) must be escaped in a string") }
                out.append(c)
                index += 1
            }
        }
        throw error("this multi-line string is never closed", at: start)
    }

    private mutating func readMultilineLiteral(from start: TOMLPosition) throws(TOMLError) -> String {
        var out: [UInt8] = []
        if atNewline { try consumeNewline() }
        while let c = peek {
            switch c {
            case UInt8(ascii: "'"):
                if try closesMultiline(quote: c, into: &out) { return String(decoding: out, as: UTF8.self) }
            case 0x0A, 0x0D:
                try consumeNewline()
                out.append(0x0A)
            default:
                if TOMLCursor.isForbiddenControl(c) { throw error("control character \(TOMLCursor.hex(c)) is not allowed in a literal string") }
                out.append(c)
                index += 1
            }
        }
        throw error("this multi-line string is never closed", at: start)
    }

    /// At a run of quotes inside a multi-line string: fewer than three are content; three to five
    /// close the string (up to two of them being content); more is an error.
    private mutating func closesMultiline(quote: UInt8, into out: inout [UInt8]) throws(TOMLError) -> Bool {
        var run = 0
        while index + run < bytes.count, bytes[index + run] == quote { run += 1 }
        if run > 5 { throw error("too many quotes in a row; escape some of them or use the other quote style") }
        if run < 3 {
            out.append(contentsOf: repeatElement(quote, count: run))
            index += run
            return false
        }
        out.append(contentsOf: repeatElement(quote, count: run - 3))
        index += run
        return true
    }

    /// `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX` at a backslash, appended as UTF-8.
    private mutating func readEscape(into out: inout [UInt8]) throws(TOMLError) {
        let at = position()
        guard let e = peek(1) else { throw error("a backslash must start an escape such as \\n or \\u00E9") }
        index += 2
        switch e {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let n = e == UInt8(ascii: "u") ? 4 : 8
            var v: UInt32 = 0
            for k in 0..<n {
                guard index + k < bytes.count, let d = TOMLCursor.hexDigit(bytes[index + k]) else {
                    throw error("\\\(Character(Unicode.Scalar(e))) must be followed by \(n) hex digits", at: at)
                }
                v = v << 4 | UInt32(d)
            }
            index += n
            guard let scalar = Unicode.Scalar(v) else {
                throw error("escape \\\(Character(Unicode.Scalar(e)))\(String(v, radix: 16, uppercase: true)) is not a Unicode scalar value", at: at)
            }
            out.append(contentsOf: UTF8.encode(scalar)!)
        default:
            throw error("invalid escape \\\(e >= 0x21 && e < 0x7F ? String(Character(Unicode.Scalar(e))) : TOMLCursor.hex(e)) (use \\\\ for a backslash)", at: at)
        }
    }

    static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
