import MeridianTerminal

/// The `?` overlay: the key table (the same rows as the footer and the README), scrollable.
public enum HelpOverlay {
    /// The help text, one line per key binding, plus the prompt keys.
    public static func lines() -> [(keys: String, text: String)] {
        KeyMap.bindings.map { ($0.label, $0.description) } + [
            ("", ""),
            ("In prompts", "Enter confirms, Esc cancels, Backspace deletes, Ctrl-U clears"),
            ("Mouse", "A click focuses a pane or selects a task"),
        ]
    }

    public static func draw(_ buffer: inout FrameBuffer, scroll: Int, style: RenderStyle) {
        let theme = style.theme
        let rows = lines()
        let width = min(buffer.width - 4, 86)
        let height = min(buffer.height - 2, rows.count + 2)
        guard width >= 20, height >= 3 else { return }
        let rect = Rect(x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
        buffer.fill(rect, style: theme.style(.text))
        let inner = buffer.drawBox(rect, title: "Help \(style.glyphs.dot) Esc closes", style: theme.style(.focusBorder), titleStyle: theme.style(.title).with(attrs: .bold), charset: style.glyphs.focusBox)
        let keyWidth = 12
        let first = max(0, min(scroll, rows.count - inner.height))
        for (i, row) in rows.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + i
            buffer.putField(row.keys, x: inner.x + 1, y: y, width: keyWidth, style: theme.style(.accent).with(attrs: .bold), ellipsis: style.glyphs.ellipsis)
            buffer.putField(row.text, x: inner.x + 1 + keyWidth, y: y, width: inner.width - keyWidth - 1, style: theme.style(.text), ellipsis: style.glyphs.ellipsis)
        }
    }
}
