/// JSON to be written, with object members in a fixed order (for `status --json` and exports).
/// Not `indirect`: arrays and member lists are already on the heap, so a node needs no box of
/// its own (a 20,000-task document is built and freed without a million small allocations).
public enum JSONNode: Sendable {
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
        String(decoding: utf8(pretty: pretty), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes, written straight into one buffer.
    public func utf8(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 12)
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private static func newline(_ out: inout [UInt8], _ level: Int?) {
        guard let level else { return }
        let n = 2 * level + 1
        if n <= newlineAndSpaces.count {
            out.append(contentsOf: newlineAndSpaces[0..<n])
        } else {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(UInt8(0x20), count: n - 1))
        }
    }

    /// A newline then spaces, sliced for the common indentation depths.
    private static let newlineAndSpaces: [UInt8] = [0x0A] + Array(repeating: 0x20, count: 63)

    private func write(into out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let n): Self.writeInt(n, into: &out)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            let inner = indent.map { $0 + 1 }
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, inner)
                item.write(into: &out, indent: inner)
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            let inner = indent.map { $0 + 1 }
            for (i, m) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, inner)
                Self.writeString(m.0, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(0x20) }
                m.1.write(into: &out, indent: inner)
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeInt(_ n: Int64, into out: inout [UInt8]) {
        if n < 0 {
            if n == .min { out.append(contentsOf: String(n).utf8); return }
            out.append(UInt8(ascii: "-"))
            writeInt(-n, into: &out)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[count] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
                count += 1
            } while v > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(d[i]) }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func escape(_ scalar: UInt32, into out: inout [UInt8]) {
        out.append(contentsOf: "\\u".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((scalar >> UInt32(shift)) & 0xF)]) }
    }

    /// A JSON string: `"` `\`, control characters (C0, DEL, C1), bidi controls, invisible
    /// characters and U+2028/U+2029 escaped, as `JSONWriter.writeString` does, so nothing in TEAM
    /// text reaches a terminal as a control code.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { u in
            out.append(UInt8(ascii: "\""))
            var i = 0
            var runStart = 0
            let n = u.count
            while i < n {
                let c = u[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C && c < 0x7F { i += 1; continue }
                if c >= 0x80 {
                    // Only a few non-ASCII scalars need escaping (see `JSONWriter.needsEscape`): C1,
                    // bidi controls, invisible characters, U+2028/U+2029. Their lead bytes are
                    // C2, D8, E1, E2 and EF; anything else is copied as it is.
                    var scalar: UInt32 = 0
                    var length = 0
                    if (c == 0xC2 || c == 0xD8) && i + 1 < n {
                        scalar = UInt32(c & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F)
                        length = 2
                    } else if (c == 0xE1 || c == 0xE2 || c == 0xEF) && i + 2 < n {
                        scalar = UInt32(c & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)
                        length = 3
                    }
                    if length == 0 || !JSONWriter.needsEscape(scalar) { i += 1; continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
                    escape(scalar, into: &out)
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
                default: escape(UInt32(c), into: &out)
                }
                i += 1
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<n]))
            out.append(UInt8(ascii: "\""))
        }
    }
}
