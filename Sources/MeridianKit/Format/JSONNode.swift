/// JSON to be written, with object members in a fixed order (for `status --json` and exports).
public indirect enum JSONNode: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONNode])
    case object([(String, JSONNode)])

    public static func string(_ s: String?) -> JSONNode { s.map { .string($0) } ?? .null }
    public static func int(_ n: Int) -> JSONNode { .int(Int64(n)) }

    /// Compact (or two-space indented) JSON text.
    public func text(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        let nl: (Int) -> String = { level in indent == nil ? "" : "\n" + String(repeating: "  ", count: level) }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .string(let s): JSONWriter.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                out += nl((indent ?? 0) + 1)
                item.write(into: &out, indent: indent.map { $0 + 1 })
            }
            out += nl(indent ?? 0) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, m) in members.enumerated() {
                if i > 0 { out += "," }
                out += nl((indent ?? 0) + 1)
                JSONWriter.writeString(m.0, into: &out)
                out += indent == nil ? ":" : ": "
                m.1.write(into: &out, indent: indent.map { $0 + 1 })
            }
            out += nl(indent ?? 0) + "}"
        }
    }
}
