/// Plain-text columns for the readable commands, padded by terminal display width (wide East
/// Asian characters count 2, combining marks 0). Cells must already be sanitized.
struct TextTable {
    var rows: [[String]] = []

    mutating func add(_ cells: [String]) { rows.append(cells) }

    /// Rows with columns separated by two spaces; trailing spaces trimmed.
    func render(indent: String = "  ") -> [String] {
        let n = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: n)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], Self.width(c)) } }
        return rows.map { r in
            var line = indent
            for (i, c) in r.enumerated() {
                line += c
                if i + 1 < r.count { line += String(repeating: " ", count: widths[i] - Self.width(c) + 2) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// Display columns of a string (an estimate good for names and times).
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { sum, u in
            let v = u.value
            if (0x0300...0x036F).contains(v) || (0x200B...0x200D).contains(v) || (0xFE00...0xFE0F).contains(v) { return sum }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
                || (0x20000...0x3FFFD).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }
}
