extension FrameBuffer {
    /// Draws a border around `rect` with an optional title in the top edge (`┌ Title ───┐`) and
    /// returns the inner rectangle. The title is cut with the charset's ellipsis if it does not fit.
    /// Nothing is drawn when the rectangle is smaller than 2×2.
    @discardableResult
    public mutating func drawBox(_ rect: Rect, title: String? = nil, style: Style, titleStyle: Style,
                                 charset: BoxCharset = .unicode) -> Rect {
        let inner = rect.inset(by: 1)
        guard rect.width >= 2, rect.height >= 2 else { return inner }
        let horizontal = String(repeating: charset.horizontal, count: rect.width - 2)
        put("\(charset.topLeft)\(horizontal)\(charset.topRight)", x: rect.x, y: rect.y, style: style)
        put("\(charset.bottomLeft)\(horizontal)\(charset.bottomRight)", x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(String(charset.vertical), x: rect.x, y: y, style: style)
            put(String(charset.vertical), x: rect.maxX - 1, y: y, style: style)
        }
        if let title, !title.isEmpty, rect.width >= 5 {
            let room = rect.width - 4
            let shown = DisplayWidth.truncate(title, toWidth: room, ellipsis: charset.ellipsis)
            put(" \(shown) ", x: rect.x + 1, y: rect.y, style: titleStyle, maxWidth: rect.width - 2)
        }
        return inner
    }

    /// Draws a horizontal rule across `rect`'s row `y` joining its left and right borders (`├───┤`).
    public mutating func drawDivider(_ rect: Rect, y: Int, style: Style, charset: BoxCharset = .unicode) {
        guard rect.width >= 2 else { return }
        let line = "\(charset.teeLeft)\(String(repeating: charset.horizontal, count: rect.width - 2))\(charset.teeRight)"
        put(line, x: rect.x, y: y, style: style)
    }
}
