/// Catches the TOML that TOMLKit 0.6.0's parser (toml++ 3) cannot be given safely. A table header
/// whose key does not start with a bare-key character or a quote (`[(x]`, `[[+x]]`) reaches an
/// assertion in toml++'s `parse_key`: an abort in debug builds and undefined behaviour in release
/// ones (found by fuzzing). This scan follows TOML's statements, strings, comments and brackets
/// just far enough to find table headers, and reports such a header as a syntax error instead.
enum TOMLPrecheck {
    /// The 1-based line of the first table header that toml++ would mishandle, if any.
    static func unsafeHeaderLine(_ text: String) -> Int? {
        let b = Array(text.utf8)
        var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0   // toml++ skips a BOM
        var line = 1
        var depth = 0                 // open [ and { of a value
        var atStatementStart = true   // only whitespace so far on a top-level line
        while i < b.count {
            let c = b[i]
            switch c {
            case 0x0A:
                line += 1
                if depth == 0 { atStatementStart = true }
                i += 1
            case 0x20, 0x09, 0x0D:
                i += 1
            case UInt8(ascii: "#"):
                while i < b.count && b[i] != 0x0A { i += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                atStatementStart = false
                let triple = i + 2 < b.count && b[i + 1] == c && b[i + 2] == c
                i += triple ? 3 : 1
                while i < b.count {
                    if c == UInt8(ascii: "\"") && b[i] == UInt8(ascii: "\\") { i += 2; continue }
                    if b[i] == 0x0A {
                        if !triple { break }
                        line += 1
                    }
                    if b[i] == c && (!triple || (i + 2 < b.count && b[i + 1] == c && b[i + 2] == c)) {
                        i += triple ? 3 : 1
                        // A multi-line string may end with up to two more quotes.
                        while triple && i < b.count && b[i] == c { i += 1 }
                        break
                    }
                    i += 1
                }
            case UInt8(ascii: "[") where atStatementStart && depth == 0:
                // A table header: `[` or `[[`, optional blanks, then the key's first character.
                var j = i + 1
                if j < b.count && b[j] == UInt8(ascii: "[") { j += 1 }
                while j < b.count && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
                if j < b.count && !isKeyStart(b[j]) && b[j] != UInt8(ascii: "]") { return line }
                atStatementStart = false
                // The rest of the header line is the key and the closing brackets.
                while i < b.count && b[i] != 0x0A && b[i] != UInt8(ascii: "#") && b[i] != UInt8(ascii: "\"") && b[i] != UInt8(ascii: "'") { i += 1 }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                atStatementStart = false
                depth += 1
                i += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                atStatementStart = false
                depth = max(0, depth - 1)
                i += 1
            default:
                atStatementStart = false
                i += 1
            }
        }
        return nil
    }

    /// TOML bare-key characters and string delimiters.
    private static func isKeyStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
    }
}
