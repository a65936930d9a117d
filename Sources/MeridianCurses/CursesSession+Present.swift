import CNCursesW
import MeridianTerminal

extension CursesSession {
    /// Draws a frame: only the cells that changed since the last frame are written, each run of
    /// one style with its attributes and colour pair set explicitly, then one `doupdate`.
    /// A different frame size (after a resize) repaints everything.
    public func present(_ buffer: FrameBuffer) {
        guard isStarted, let window else { return }
        let (width, height) = size
        if let previous, previous.width != buffer.width || previous.height != buffer.height {
            self.previous = nil
        }
        if self.previous == nil { _ = werase(window) }

        for run in FrameDiff.changes(from: previous, to: buffer) where run.row < height {
            var x = run.x
            var current: (attrs: attr_t, pair: Int32)?
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation { continue }
                let glyphWidth = max(1, DisplayWidth.of(cell.grapheme))
                guard x + glyphWidth <= width else { break }
                let look = attributes(for: cell.style)
                if current == nil || current! != look {
                    _ = mer_attr_set(window, look.attrs, look.pair)
                    current = look
                }
                var column = Int32(x)
                for part in glyph(cell.grapheme, width: glyphWidth) {
                    part.withUnsafeBufferPointer { chars in
                        _ = mer_put_cell(window, Int32(run.row), column, chars.baseAddress, look.attrs, look.pair)
                    }
                    column += part[0] == 0x20 ? 1 : max(1, mer_wcwidth(part[0]))
                }
            }
        }
        _ = mer_attr_set(window, mer_a_normal(), 0)
        _ = wnoutrefresh(window)
        _ = doupdate()
        previous = buffer
    }

    /// Curses attributes and colour pair for a style, after mapping it to the session's profile.
    func attributes(for style: Style) -> (attrs: attr_t, pair: Int32) {
        let mapped = colorProfile.map(style)
        var attrs = mer_a_normal()
        if mapped.attrs.contains(.bold) { attrs |= mer_a_bold() }
        if mapped.attrs.contains(.dim) { attrs |= mer_a_dim() }
        if mapped.attrs.contains(.underline) { attrs |= mer_a_underline() }
        if mapped.attrs.contains(.reverse) { attrs |= mer_a_reverse() }
        if mapped.attrs.contains(.italic) { attrs |= mer_a_italic() }
        let pair = colorProfile == .monochrome ? 0 : colorPairs.pair(fg: mapped.fg, bg: mapped.bg)
        return (attrs, pair)
    }

    /// What to hand curses for a grapheme so that curses (which counts columns with the C
    /// library's `wcwidth`) advances exactly `width` columns, as `DisplayWidth` laid it out.
    ///
    /// Each element is one curses cell: a spacing character plus up to four combining marks,
    /// NUL-terminated. Emoji sequences the C library would count wider than one glyph (skin
    /// tones, ZWJ families) are shown as their first emoji; a glyph the C library counts narrower
    /// is padded with a space; one it cannot show at all becomes `�` (or `?`) plus padding.
    func glyph(_ grapheme: String, width: Int) -> [[wchar_t]] {
        if let cached = glyphCache[grapheme] { return cached }
        let plan = makeGlyph(grapheme, width: width)
        if glyphCache.count > 4096 { glyphCache.removeAll(keepingCapacity: true) }
        glyphCache[grapheme] = plan
        return plan
    }

    private func makeGlyph(_ grapheme: String, width: Int) -> [[wchar_t]] {
        let space: [wchar_t] = [0x20, 0]
        var parts: [[wchar_t]] = []
        var partWidths: [Int] = []
        for scalar in grapheme.unicodeScalars {
            let wide = wchar_t(bitPattern: scalar.value)
            let columns = Int(mer_wcwidth(wide))
            if columns > 0 {
                parts.append([wide])
                partWidths.append(columns)
            } else if columns == 0, isCombiningMark(scalar), let last = parts.indices.last, parts[last].count < 5 {
                parts[last].append(wide)
            } else if columns < 0, parts.isEmpty {
                break
            }
        }
        guard !parts.isEmpty, partWidths[0] <= width else {
            return [replacementGlyph] + Array(repeating: space, count: max(0, width - 1))
        }
        if partWidths.reduce(0, +) != width {
            parts = [parts[0]]
            partWidths = [partWidths[0]]
        }
        let padding = width - partWidths.reduce(0, +)
        return parts.map { $0 + [0] } + Array(repeating: space, count: max(0, padding))
    }

    /// Combining marks curses can attach to a cell; joiners and variation selectors are left out
    /// because the terminal would otherwise draw a sequence wider than curses counts it.
    private func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF: return false
        default:
            let category = scalar.properties.generalCategory
            return category == .nonspacingMark || category == .enclosingMark
        }
    }
}
