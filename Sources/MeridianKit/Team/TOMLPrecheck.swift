/// Catches the TOML that TOMLKit 0.6.0's parser (toml++ 3) cannot be given safely: inputs that
/// reach one of its internal assertions, which abort the process in debug builds and are undefined
/// behaviour in release ones (both found by fuzzing, see Fuzz/):
/// - a table header whose key does not start with a bare-key character or a quote (`[(x]`);
/// - a bare value that looks like a date or time but is not one (`2026-11-02T-09:00`);
/// - a value that is missing where one must start (`a = ,`, `x = [}`, `[1, ,]`).
/// This scan follows TOML's statements, strings, comments and brackets just far enough to find
/// those, and reports them as syntax errors before toml++ sees the text.
enum TOMLPrecheck {
    /// A spot toml++ would mishandle: its 1-based line and what is wrong.
    struct Finding: Equatable {
        var line: Int
        var message: String
    }

    /// The first such spot, if any.
    static func firstUnsafe(_ text: String) -> Finding? {
        let b = Array(text.utf8)
        var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0   // toml++ skips a BOM
        var line = 1
        var depth = 0                 // open [ and { of a value
        var atStatementStart = true   // only whitespace so far on a top-level line
        var inValue = false           // after `=`, or inside a value's brackets
        var brackets: [UInt8] = []    // the open [ and { of a value, innermost last
        var expect: Expect = .nothing
        while i < b.count {
            let c = b[i]
            if expect != .nothing && c != 0x20 && c != 0x09 && c != 0x0D {
                let missing: Bool
                switch expect {
                case .afterEquals: missing = c == 0x0A || c == UInt8(ascii: "#") || c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") || c == UInt8(ascii: "=")
                case .inArray: missing = c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "=")
                case .nothing: missing = false
                }
                if missing { return Finding(line: line, message: "a value is missing here") }
                if c != 0x0A && c != UInt8(ascii: "#") { expect = .nothing }
            }
            switch c {
            case 0x0A:
                line += 1
                if depth == 0 { atStatementStart = true; inValue = false }
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
                if j < b.count && !isKeyStart(b[j]) && b[j] != UInt8(ascii: "]") {
                    return Finding(line: line, message: "a table header must start with a key (letters, digits, _ or -, or a quoted key)")
                }
                atStatementStart = false
                // The rest of the header line is the key and the closing brackets.
                while i < b.count && b[i] != 0x0A && b[i] != UInt8(ascii: "#") && b[i] != UInt8(ascii: "\"") && b[i] != UInt8(ascii: "'") { i += 1 }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                atStatementStart = false
                depth += 1
                brackets.append(c)
                if c == UInt8(ascii: "[") { expect = .inArray }
                i += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                atStatementStart = false
                depth = max(0, depth - 1)
                _ = brackets.popLast()
                i += 1
            case UInt8(ascii: ","):
                atStatementStart = false
                if brackets.last == UInt8(ascii: "[") { expect = .inArray }
                i += 1
            case UInt8(ascii: "="):
                atStatementStart = false
                inValue = true
                expect = .afterEquals
                i += 1
            default:
                atStatementStart = false
                var j = i
                while j < b.count && !isTokenEnd(b[j]) { j += 1 }
                // A full date may be followed by a space and a time: one value.
                if j + 1 < b.count && b[j] == 0x20 && isDigit(b[j + 1]) && isFullDate(b[i..<j]) {
                    j += 1
                    while j < b.count && !isTokenEnd(b[j]) { j += 1 }
                }
                if inValue && looksLikeDateTime(b[i..<j]) && !isDateTime(b[i..<j]) {
                    return Finding(line: line, message: "'\(String(decoding: b[i..<min(j, i + 40)], as: UTF8.self))' is not a valid date or time (e.g. 2026-11-02T09:00:00)")
                }
                i = max(j, i + 1)
            }
        }
        return nil
    }

    /// Where a value must start next.
    private enum Expect { case nothing, afterEquals, inArray }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private static func isTokenEnd(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: ",") || c == UInt8(ascii: "]")
            || c == UInt8(ascii: "}") || c == UInt8(ascii: "#") || c == UInt8(ascii: "=") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
    }

    /// A digit-led token with `:` or with `-` other than an exponent's sign: toml++ takes it for a date/time.
    private static func looksLikeDateTime(_ t: ArraySlice<UInt8>) -> Bool {
        guard let first = t.first, isDigit(first) else { return false }
        if t.contains(UInt8(ascii: ":")) { return true }
        var prev: UInt8 = 0
        for c in t {
            if c == UInt8(ascii: "-") && prev != UInt8(ascii: "e") && prev != UInt8(ascii: "E") { return true }
            prev = c
        }
        return false
    }

    /// TOML 1.0 date-times: full-date, partial-time, or date T|t|space time with optional offset.
    private static func isDateTime(_ t: ArraySlice<UInt8>) -> Bool {
        let u = Array(t)
        if isFullDate(u[...]) && u.count == 10 { return true }
        if let end = partialTime(u, 0), end == u.count { return true }
        guard u.count > 11, isFullDate(u[0..<10]), [UInt8(ascii: "T"), UInt8(ascii: "t"), 0x20].contains(u[10]),
              var k = partialTime(u, 11) else { return false }
        if k == u.count { return true }
        if u[k] == UInt8(ascii: "Z") || u[k] == UInt8(ascii: "z") { return k + 1 == u.count }
        guard u[k] == UInt8(ascii: "+") || u[k] == UInt8(ascii: "-") else { return false }
        k += 1
        return u.count == k + 5 && digits(u, k, 2) && u[k + 2] == UInt8(ascii: ":") && digits(u, k + 3, 2)
    }

    private static func isFullDate(_ t: ArraySlice<UInt8>) -> Bool {
        let u = Array(t)
        return u.count == 10 && digits(u, 0, 4) && u[4] == UInt8(ascii: "-") && digits(u, 5, 2) && u[7] == UInt8(ascii: "-") && digits(u, 8, 2)
    }

    /// `HH:MM:SS(.fraction)?` from `at`; the index after it.
    private static func partialTime(_ u: [UInt8], _ at: Int) -> Int? {
        guard u.count >= at + 8, digits(u, at, 2), u[at + 2] == UInt8(ascii: ":"), digits(u, at + 3, 2),
              u[at + 5] == UInt8(ascii: ":"), digits(u, at + 6, 2) else { return nil }
        var k = at + 8
        if k < u.count && u[k] == UInt8(ascii: ".") {
            k += 1
            let start = k
            while k < u.count && isDigit(u[k]) { k += 1 }
            if k == start { return nil }
        }
        return k
    }

    private static func digits(_ u: [UInt8], _ at: Int, _ n: Int) -> Bool {
        at + n <= u.count && u[at..<(at + n)].allSatisfy(isDigit)
    }

    /// TOML bare-key characters and string delimiters.
    private static func isKeyStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
    }
}
