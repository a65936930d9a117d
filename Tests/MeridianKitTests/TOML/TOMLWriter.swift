import MeridianKit

/// Writes a parsed document back as TOML (every table inline under a quoted key), for
/// round-trip tests: parsing what this writes must give the same values.
enum TOMLWriter {
    static func write(_ t: TOMLTable) -> String {
        t.entries.map { key($0.key) + " = " + value($0.node.value) + "\n" }.joined()
    }

    static func value(_ v: TOMLValue) -> String {
        switch v {
        case .string(let s): return string(s)
        case .integer(let n): return String(n)
        case .float(let x):
            if x.isNaN { return "nan" }
            if x.isInfinite { return x < 0 ? "-inf" : "inf" }
            return x.description
        case .boolean(let b): return b ? "true" : "false"
        case .array(let a): return "[" + a.map { value($0.value) }.joined(separator: ", ") + "]"
        case .table(let t): return "{" + t.entries.map { key($0.key) + " = " + value($0.node.value) }.joined(separator: ", ") + "}"
        default: return TOMLRender.render(v)
        }
    }

    static func key(_ k: String) -> String { string(k) }

    /// A basic string with every control character escaped.
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let h = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
