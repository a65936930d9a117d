/// A grid of cells that views draw into; the terminal is only told about the difference of two frames.
///
/// Every string is passed through `TextSanitizer` before it is stored, so no cell can ever hold a
/// control character: safety by construction. Wide graphemes take two cells, the second marked as a
/// continuation; writing over either half of a wide grapheme blanks the other half.
///
/// ```swift
/// var buffer = FrameBuffer(width: 20, height: 3)
/// buffer.drawBox(buffer.area, title: "Clocks", style: .plain, titleStyle: .plain.with(attrs: .bold))
/// buffer.put("東京 09:00", x: 1, y: 1, style: .plain)
/// buffer.lines()   // ["┌ Clocks ──────────┐", "│東京 09:00        │", "└──────────────────┘"]
/// ```
public struct FrameBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major cells: the cell at (x, y) is `cells[y * width + x]`.
    public internal(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        let safeFill = DisplayWidth.of(fill.grapheme) == 1 && !fill.isContinuation
            ? Cell(grapheme: TextSanitizer.clean(fill.grapheme), style: fill.style) : Cell.blank(fill.style)
        self.cells = Array(repeating: safeFill, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle at (0, 0).
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); nil outside the buffer.
    public subscript(x: Int, y: Int) -> Cell? {
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        return cells[y * width + x]
    }

    /// Writes text at (x, y), clipped to the buffer and to `maxWidth` columns, and returns the number
    /// of columns it took (so `x += buffer.put(...)` continues the line).
    ///
    /// The text is sanitized first. Zero-width clusters on their own are dropped. A wide grapheme that
    /// would straddle the right clip edge (or the left edge of the buffer) is replaced by spaces.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        guard x < limit else { return 0 }
        var column = x
        for character in TextSanitizer.clean(text) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column >= limit { break }
            if column + w > limit {
                while column < limit {
                    if column >= 0 { write(Cell.blank(style), x: column, y: y, span: 1) }
                    column += 1
                }
                break
            }
            if column < 0 {
                for c in max(0, column)..<max(0, column + w) { write(Cell.blank(style), x: c, y: y, span: 1) }
            } else {
                write(Cell(grapheme: String(character), style: style), x: column, y: y, span: w)
            }
            column += w
        }
        return column - x
    }

    /// Fills a rectangle (clipped to the buffer) with one narrow character in the given style.
    public mutating func fill(_ rect: Rect, style: Style, char: Character = " ") {
        let clean = TextSanitizer.clean(String(char))
        let grapheme = DisplayWidth.of(clean) == 1 ? clean : " "
        let region = rect.intersection(area)
        for y in region.y..<region.maxY {
            for x in region.x..<region.maxX {
                write(Cell(grapheme: grapheme, style: style), x: x, y: y, span: 1)
            }
        }
    }

    /// Gives every cell of the rectangle (clipped to the buffer) a new style, keeping the text.
    /// A wide grapheme cut by the rectangle's edge is restyled whole: a glyph has one style.
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        modifyStyle(rect) { $0 = style }
    }

    /// Changes the style of every cell of the rectangle with `change`, e.g. to add `.reverse`.
    public mutating func modifyStyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let region = rect.intersection(area)
        guard !region.isEmpty else { return }
        for y in region.y..<region.maxY {
            var start = region.x
            var end = region.maxX
            if cells[y * width + start].isContinuation && start > 0 { start -= 1 }
            if end < width && cells[y * width + end].isContinuation { end += 1 }
            for x in start..<end { change(&cells[y * width + x].style) }
        }
    }

    /// Plain text of every row; a wide grapheme appears once (its continuation adds nothing).
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !cells[y * width + x].isContinuation {
                line += cells[y * width + x].grapheme
            }
            return line
        }
    }

    /// Stores `cell` at (x, y) spanning `span` (1 or 2) columns, blanking the far half of any wide
    /// grapheme it partly covers. The caller guarantees the span fits in the row.
    mutating func write(_ cell: Cell, x: Int, y: Int, span: Int) {
        let row = y * width
        if cells[row + x].isContinuation, x > 0 {
            cells[row + x - 1] = Cell.blank(cells[row + x - 1].style)
        }
        let last = x + span - 1
        if last + 1 < width, cells[row + last + 1].isContinuation {
            cells[row + last + 1] = Cell.blank(cells[row + last + 1].style)
        }
        cells[row + x] = cell
        if span == 2 { cells[row + x + 1] = Cell.continuation(cell.style) }
    }
}
