/// Reads a TOML v1.0.0 document: statements (key = value, `[table]`, `[[array of tables]]`),
/// keys, and the nested values (arrays, inline tables); strings and bare values are read by the
/// lexers, and the table rules are enforced by `TOMLTableBuilder`.
struct TOMLParser {
    /// Arrays and inline tables nested deeper than this are refused.
    static let maxValueDepth = 64

    private var cursor: TOMLCursor

    init(_ bytes: [UInt8]) { cursor = TOMLCursor(bytes) }

    /// The whole document as its root table.
    mutating func parse() throws(TOMLError) -> TOMLTable {
        if let bad = TOMLUTF8.firstInvalidOffset(cursor.bytes) {
            let line = 1 + cursor.bytes[..<bad].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            throw TOMLError(line: line, column: 1, message: "the text is not valid UTF-8")
        }
        let root = TOMLTableBuilder(kind: .header, position: TOMLPosition(line: 1, column: 1), depth: 0)
        var current = root
        while true {
            cursor.skipBlanks()
            guard let c = cursor.peek else { break }
            switch c {
            case UInt8(ascii: "#"):
                try cursor.skipComment()
                try cursor.finishLine(after: "a comment")
            case 0x0A, 0x0D:
                try cursor.consumeNewline()
            case UInt8(ascii: "["):
                current = try header(root)
                try cursor.finishLine(after: "a table header")
            default:
                try keyValue(into: current, depth: 0)
                try cursor.finishLine(after: "a value")
            }
        }
        return root.freeze()
    }

    /// `[a.b]` or `[[a.b]]`: the table that the following key/value lines fill.
    private mutating func header(_ root: TOMLTableBuilder) throws(TOMLError) -> TOMLTableBuilder {
        let at = cursor.position()
        let isArray = cursor.peek(1) == UInt8(ascii: "[")
        cursor.index += isArray ? 2 : 1
        cursor.skipBlanks()
        let path = try key()
        cursor.skipBlanks()
        let close = isArray ? "]]" : "]"
        guard cursor.peek == UInt8(ascii: "]"), !isArray || cursor.peek(1) == UInt8(ascii: "]") else {
            throw cursor.error("expected '\(close)' to close the table header, found \(cursor.peek.map(cursor.describe) ?? "the end of the file")")
        }
        cursor.index += close.utf8.count
        return isArray ? try root.appendTable(path, at: at) : try root.defineTable(path, at: at)
    }

    /// `key = value` into `table`.
    private mutating func keyValue(into table: TOMLTableBuilder, depth: Int) throws(TOMLError) {
        let path = try key()
        cursor.skipBlanks()
        guard cursor.peek == UInt8(ascii: "=") else {
            let found = cursor.peek.map(cursor.describe) ?? "the end of the file"
            throw cursor.error("expected '=' after the key '\(TOMLTableBuilder.dotted(path))', found \(found)")
        }
        cursor.index += 1
        cursor.skipBlanks()
        let node = try value(depth: depth)
        try table.assign(path, node)
    }

    /// A bare, quoted or dotted key: its parts with their positions.
    private mutating func key() throws(TOMLError) -> [TOMLTableBuilder.Key] {
        var parts: [TOMLTableBuilder.Key] = []
        while true {
            let at = cursor.position()
            guard let c = cursor.peek else { throw cursor.error("a key is missing at the end of the file") }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                parts.append((try cursor.readString(multilineAllowed: false), at))
            } else if Self.isBareKeyByte(c) {
                let from = cursor.index
                while let d = cursor.peek, Self.isBareKeyByte(d) { cursor.index += 1 }
                parts.append((String(decoding: cursor.bytes[from..<cursor.index], as: UTF8.self), at))
            } else {
                throw cursor.error("expected a key (letters, digits, '_' and '-', or a quoted key), found \(cursor.describe(c))")
            }
            cursor.skipBlanks()
            guard cursor.peek == UInt8(ascii: ".") else { return parts }
            cursor.index += 1
            cursor.skipBlanks()
        }
    }

    /// Any value, with the position where it starts.
    private mutating func value(depth: Int) throws(TOMLError) -> TOMLNode {
        let at = cursor.position()
        switch cursor.peek {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return TOMLNode(.string(try cursor.readString(multilineAllowed: true)), at: at)
        case UInt8(ascii: "["):
            return TOMLNode(try array(depth: depth + 1, at: at), at: at)
        case UInt8(ascii: "{"):
            return TOMLNode(try inlineTable(depth: depth + 1, at: at), at: at)
        default:
            return TOMLNode(try cursor.readBareValue(), at: at)
        }
    }

    /// `[ v, v, … ]`: any values (mixed types allowed), line ends and comments between, an
    /// optional trailing comma.
    private mutating func array(depth: Int, at: TOMLPosition) throws(TOMLError) -> TOMLValue {
        try checkDepth(depth, at)
        cursor.index += 1
        var items: [TOMLNode] = []
        while true {
            try cursor.skipBlanksCommentsAndNewlines()
            if cursor.peek == UInt8(ascii: "]") { break }
            guard !cursor.atEnd else { throw cursor.error("the array starting on line \(at.line) is never closed with ']'") }
            items.append(try value(depth: depth))
            try cursor.skipBlanksCommentsAndNewlines()
            if cursor.peek == UInt8(ascii: ",") { cursor.index += 1; continue }
            if cursor.peek == UInt8(ascii: "]") { break }
            guard let c = cursor.peek else { throw cursor.error("the array starting on line \(at.line) is never closed with ']'") }
            throw cursor.error("expected ',' or ']' in the array, found \(cursor.describe(c))")
        }
        cursor.index += 1
        return .array(items)
    }

    /// `{ k = v, … }` on one line, no trailing comma; closed once written.
    private mutating func inlineTable(depth: Int, at: TOMLPosition) throws(TOMLError) -> TOMLValue {
        try checkDepth(depth, at)
        cursor.index += 1
        let table = TOMLTableBuilder(kind: .inline, position: at, depth: 0)
        cursor.skipBlanks()
        if cursor.peek == UInt8(ascii: "}") {
            cursor.index += 1
            return .table(table.freeze())
        }
        while true {
            cursor.skipBlanks()
            if cursor.atNewline || cursor.atEnd { throw cursor.error("an inline table must be closed with '}' on the line where it starts") }
            if cursor.peek == UInt8(ascii: "}") { throw cursor.error("an inline table cannot end with a comma") }
            try keyValue(into: table, depth: depth)
            cursor.skipBlanks()
            switch cursor.peek {
            case UInt8(ascii: ","): cursor.index += 1
            case UInt8(ascii: "}"):
                cursor.index += 1
                return .table(table.freeze())
            case nil, 0x0A, 0x0D, UInt8(ascii: "#"):
                throw cursor.error("an inline table must be closed with '}' on the line where it starts")
            case let c?:
                throw cursor.error("expected ',' or '}' in the inline table, found \(cursor.describe(c))")
            }
        }
    }

    private mutating func checkDepth(_ depth: Int, _ at: TOMLPosition) throws(TOMLError) {
        if depth > Self.maxValueDepth {
            throw cursor.error("arrays and inline tables are nested more than \(Self.maxValueDepth) deep", at: at)
        }
    }

    static func isBareKeyByte(_ c: UInt8) -> Bool {
        switch c {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "_"), UInt8(ascii: "-"): return true
        default: return false
        }
    }
}
