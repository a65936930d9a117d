/// Compact JSON text with members in the order given; strings escaped per RFC 8259 so any
/// control character is written as `\uXXXX`.
public enum JSONWriter {
    public static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let n): out += String(n)
        case .number(let d): out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)) : "null"
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let dict):
            writeObject(dict.sorted { $0.key < $1.key }, into: &out)
        }
    }

    /// An object with members in exactly this order.
    public static func writeObject(_ members: [(key: String, value: JSONValue)], into out: inout String) {
        out += "{"
        for (i, m) in members.enumerated() {
            if i > 0 { out += "," }
            writeString(m.key, into: &out)
            out += ":"
            write(m.value, into: &out)
        }
        out += "}"
    }

    public static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where needsEscape(scalar.value):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Written as `\uXXXX`: C0 (RFC 8259 requires it), and also DEL, C1, bidi controls, invisible
    /// characters and the line/paragraph separators, so JSON printed to a terminal or pasted into
    /// JavaScript is inert. Escaping is lossless: a parser reads the same string back.
    static func needsEscape(_ v: UInt32) -> Bool {
        switch v {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x180E, 0x200B, 0x2060...0x2064, 0xFEFF, 0xFFF9...0xFFFB, 0x2028, 0x2029: return true
        default: return false
        }
    }

    public static func string(_ members: [(key: String, value: JSONValue)]) -> String {
        var s = ""
        writeObject(members, into: &s)
        return s
    }
}
