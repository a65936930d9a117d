import MeridianKit

/// A parsed TOML value as one canonical line of text, so tests can state expected documents
/// compactly: `{a: 1, b: "x", c: [1.5, true], d: 1979-05-27T07:32:00+00:00}`. Strings are quoted
/// with `\" \\ \n \t \r` and `\u{X}` escapes; floats print as Swift does (`1.0`, `5e+22`, `inf`, `nan`);
/// offset date-times always show their offset as ±HH:MM.
enum TOMLRender {
    static func render(_ t: TOMLTable, exact: Bool = false) -> String { render(.table(t), exact: exact) }

    /// `exact`: floats as their bit patterns (`f3ff0000000000000`) and times to the microsecond with
    /// six digits, the form the Python oracle prints too.
    static func render(_ v: TOMLValue, exact: Bool = false) -> String {
        func time(_ t: TOMLTime) -> String {
            guard exact else { return t.description }
            let us = String(t.nanosecond / 1000)
            return "\(two(t.hour)):\(two(t.minute)):\(two(t.second)).\(String(repeating: "0", count: 6 - us.count))\(us)"
        }
        switch v {
        case .string(let s): return quote(s)
        case .integer(let n): return String(n)
        case .float(let x):
            if x.isNaN { return "nan" }
            return exact ? "f" + String(x.bitPattern, radix: 16) : x.description
        case .boolean(let b): return b ? "true" : "false"
        case .offsetDateTime(let d, let t, let off):
            let sign = off < 0 ? "-" : "+"
            let m = abs(off)
            return "\(d)T\(time(t))\(sign)\(two(m / 60)):\(two(m % 60))"
        case .localDateTime(let d, let t): return "\(d)T\(time(t))"
        case .localDate(let d): return d.description
        case .localTime(let t): return time(t)
        case .array(let a): return "[" + a.map { render($0.value, exact: exact) }.joined(separator: ", ") + "]"
        case .table(let t): return "{" + t.entries.map { key($0.key) + ": " + render($0.node.value, exact: exact) }.joined(separator: ", ") + "}"
        }
    }

    static func key(_ k: String) -> String {
        !k.isEmpty && k.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x5F || $0 == 0x2D } ? k : quote(k)
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F { out += "\\u{\(String(u.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Parses `text` and renders it, or `error at line L: message`.
    static func parse(_ text: String) -> String {
        do { return render(try TOMLDocument(parsing: text).root) } catch { return "error at line \(error.line): \(error.message)" }
    }
}
