/// Compact JSON text with members in the order given; strings escaped per RFC 8259 so any
/// control character is written as `\uXXXX` (by `JSONBytes`, as every JSON Meridian writes).
public enum JSONWriter {
    public static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let n): appendBytes(to: &out) { JSONBytes.appendInt(n, to: &$0) }
        case .number(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
                appendBytes(to: &out) { JSONBytes.appendInt(Int64(d), to: &$0) }
            } else {
                out += d.isFinite ? String(d) : "null"
            }
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
        appendBytes(to: &out) { JSONBytes.appendString(s, to: &$0) }
    }

    public static func string(_ members: [(key: String, value: JSONValue)]) -> String {
        var s = ""
        writeObject(members, into: &s)
        return s
    }

    /// Appends what `write` puts in a byte buffer (always valid UTF-8: JSONBytes copies scalars whole).
    private static func appendBytes(to out: inout String, _ write: (inout [UInt8]) -> Void) {
        var bytes: [UInt8] = []
        write(&bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
