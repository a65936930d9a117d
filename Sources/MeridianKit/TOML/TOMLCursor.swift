/// The read position in a TOML text's bytes, with its line and (character) column, and the
/// small steps every part of the parser shares: blanks, comments, line ends, errors.
struct TOMLCursor {
    let bytes: [UInt8]
    var index = 0
    /// 1-based line of `index`, and the offset where that line starts.
    private(set) var line = 1
    private(set) var lineStart = 0
    /// Column memo on the current line, so columns on one long line cost linear time overall.
    private var memoOffset = 0
    private var memoColumn = 1

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3; memoOffset = 3 }
    }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    func peek(_ ahead: Int) -> UInt8? { index + ahead < bytes.count ? bytes[index + ahead] : nil }

    /// The position of `index`.
    mutating func position() -> TOMLPosition { position(at: index) }

    /// The position of an offset on the current line (at or after its start).
    mutating func position(at offset: Int) -> TOMLPosition {
        if memoOffset < lineStart || offset < memoOffset { memoOffset = lineStart; memoColumn = 1 }
        var k = memoOffset
        var col = memoColumn
        let end = min(offset, bytes.count)
        while k < end {
            if bytes[k] & 0xC0 != 0x80 { col += 1 }
            k += 1
        }
        memoOffset = end
        memoColumn = col
        return TOMLPosition(line: line, column: col)
    }

    /// An error at the current position.
    mutating func error(_ message: String) -> TOMLError { error(message, at: position()) }

    func error(_ message: String, at p: TOMLPosition) -> TOMLError {
        TOMLError(line: p.line, column: p.column, message: message)
    }

    /// Steps over a `\n` (or `\r\n`) at `index`, counting the line.
    mutating func consumeNewline() throws(TOMLError) {
        if bytes[index] == 0x0D {
            guard peek(1) == 0x0A else { throw error("a carriage return must be followed by a line feed") }
            index += 1
        }
        index += 1
        line += 1
        lineStart = index
    }

    /// True at `\n` or `\r` (a lone `\r` is refused when consumed).
    var atNewline: Bool { peek == 0x0A || peek == 0x0D }

    /// Skips spaces and tabs.
    mutating func skipBlanks() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    /// Skips a `#` comment up to (not including) the line end; control characters are refused.
    mutating func skipComment() throws(TOMLError) {
        index += 1
        while index < bytes.count {
            let c = bytes[index]
            if c == 0x0A || (c == 0x0D && peek(1) == 0x0A) { return }
            if TOMLCursor.isForbiddenControl(c) {
                throw error("control character \(TOMLCursor.hex(c)) is not allowed in a comment")
            }
            index += 1
        }
    }

    /// Skips blanks, comments and line ends (inside arrays).
    mutating func skipBlanksCommentsAndNewlines() throws(TOMLError) {
        while let c = peek {
            switch c {
            case 0x20, 0x09: index += 1
            case 0x0A, 0x0D: try consumeNewline()
            case UInt8(ascii: "#"): try skipComment()
            default: return
            }
        }
    }

    /// After a statement: blanks, an optional comment, then a line end or the end of the text.
    mutating func finishLine(after what: String) throws(TOMLError) {
        skipBlanks()
        if peek == UInt8(ascii: "#") { try skipComment() }
        guard let c = peek else { return }
        guard c == 0x0A || c == 0x0D else {
            throw error("unexpected \(describe(c)) after \(what); put each statement on its own line")
        }
        try consumeNewline()
    }

    /// Control characters TOML allows nowhere except escaped in strings: all but tab, and DEL.
    static func isForbiddenControl(_ c: UInt8) -> Bool { (c < 0x20 && c != 0x09) || c == 0x7F }

    static func hex(_ c: UInt8) -> String {
        let h = String(c, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - h.count) + h
    }

    /// A byte in words for messages: `'x'` for printable ASCII, else its code point.
    func describe(_ c: UInt8) -> String {
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        switch c {
        case 0x0A, 0x0D: return "the end of the line"
        case 0x20: return "a space"
        case 0x09: return "a tab"
        default: return c >= 0x80 ? "a non-ASCII character" : "control character \(TOMLCursor.hex(c))"
        }
    }
}
