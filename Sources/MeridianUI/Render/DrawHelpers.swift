import MeridianTerminal

extension FrameBuffer {
    /// Writes `text` cut (with `ellipsis`) or padded to exactly `width` columns, all in `style`.
    mutating func putField(_ text: String, x: Int, y: Int, width: Int, style: Style, ellipsis: String = "…") {
        guard width > 0 else { return }
        put(DisplayWidth.pad(text, toWidth: width, ellipsis: ellipsis), x: x, y: y, style: style, maxWidth: width)
    }

    /// Writes runs of differently styled text from `x`, never past `limit`; returns the next column.
    @discardableResult
    mutating func putRuns(_ runs: [(String, Style)], x: Int, y: Int, limit: Int, ellipsis: String = "…") -> Int {
        var column = x
        for (text, style) in runs where column < limit {
            let room = limit - column
            let shown = DisplayWidth.fits(text, room) ? text : DisplayWidth.truncate(text, toWidth: room, ellipsis: ellipsis)
            column += put(shown, x: column, y: y, style: style, maxWidth: room)
        }
        return column
    }
}

extension FrameBuffer {
    /// `drawBox(rect, title: nil, …)`: the border of `rect`, drawn with `fill` (cell by cell, no
    /// text to sanitize and split) when every border character is printable ASCII or box drawing —
    /// one column, a grapheme of its own — which writes the cells `drawBox` would.
    @discardableResult
    mutating func drawFrame(_ rect: Rect, style: Style, charset: BoxCharset) -> Rect {
        let corners = [charset.topLeft, charset.topRight, charset.bottomLeft, charset.bottomRight]
        guard rect.width >= 2, rect.height >= 2,
              (corners + [charset.horizontal, charset.vertical]).allSatisfy(Self.isPlainCellCharacter) else {
            return drawBox(rect, title: nil, style: style, titleStyle: style, charset: charset)
        }
        let (top, bottom) = (rect.y, rect.maxY - 1)
        let (left, right) = (rect.x, rect.maxX - 1)
        for (y, l, r) in [(top, charset.topLeft, charset.topRight), (bottom, charset.bottomLeft, charset.bottomRight)] {
            fill(Rect(x: left, y: y, width: 1, height: 1), style: style, char: l)
            fill(Rect(x: left + 1, y: y, width: rect.width - 2, height: 1), style: style, char: charset.horizontal)
            fill(Rect(x: right, y: y, width: 1, height: 1), style: style, char: r)
        }
        fill(Rect(x: left, y: top + 1, width: 1, height: rect.height - 2), style: style, char: charset.vertical)
        fill(Rect(x: right, y: top + 1, width: 1, height: rect.height - 2), style: style, char: charset.vertical)
        return rect.inset(by: 1)
    }

    /// Printable ASCII or a box-drawing / block character: one scalar, one column, never joined to a neighbour.
    static func isPlainCellCharacter(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let v = c.unicodeScalars.first?.value else { return false }
        return (0x20..<0x7F).contains(v) || (0x2500...0x259F).contains(v)
    }
}

/// Word wrapping by display width (wide characters count two columns; long words are cut).
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in TextSanitizerLines.split(text) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var w = String(word)
                var ww = DisplayWidth.of(w)
                while ww > width {
                    if !line.isEmpty { out.append(line); line = ""; lineWidth = 0 }
                    var head = ""
                    var hw = 0
                    for c in w {
                        let cw = DisplayWidth.of(c)
                        if hw + cw > width { break }
                        head.append(c)
                        hw += cw
                    }
                    if head.isEmpty { break }
                    out.append(head)
                    w = String(w.dropFirst(head.count))
                    ww = DisplayWidth.of(w)
                }
                if w.isEmpty { continue }
                if lineWidth == 0 {
                    line = w
                    lineWidth = ww
                } else if lineWidth + 1 + ww <= width {
                    line += " " + w
                    lineWidth += 1 + ww
                } else {
                    out.append(line)
                    line = w
                    lineWidth = ww
                }
            }
            out.append(line)
        }
        return out
    }
}

/// Splits text into paragraphs at newlines before sanitizing (so notes keep their lines).
enum TextSanitizerLines {
    static func split(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { TextSanitizer.clean(String($0)) }
    }
}

/// The border and title shared by the four panes.
enum PaneFrame {
    /// Draws the frame of `pane` (heavier and in the focus colour when focused) and returns the inside.
    static func draw(_ buffer: inout FrameBuffer, _ rect: Rect, pane: Pane, focused: Bool, style: RenderStyle, subtitle: String? = nil) -> Rect {
        let theme = style.theme
        let border = focused ? theme.style(.focusBorder) : theme.style(.border)
        let charset = focused ? style.glyphs.focusBox : style.glyphs.box
        buffer.fill(rect, style: theme.style(.text))
        let inner = buffer.drawFrame(rect, style: border, charset: charset)
        guard rect.width >= 5 else { return inner }
        let titleStyle = focused ? theme.style(.title).with(attrs: .bold) : theme.style(.title)
        let limit = rect.maxX - 2
        var x = buffer.putRuns([(" \(pane.rawValue + 1) \(pane.title) ", titleStyle)], x: rect.x + 1, y: rect.y, limit: limit, ellipsis: style.glyphs.ellipsis)
        if let subtitle, x + 3 < limit {
            x = buffer.putRuns([("\(subtitle) ", theme.style(.muted))], x: x, y: rect.y, limit: limit, ellipsis: style.glyphs.ellipsis)
        }
        return inner
    }
}
