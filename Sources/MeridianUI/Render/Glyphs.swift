import MeridianTerminal

/// Every symbol the views draw, in a UTF-8 set and an ASCII set for terminals or locales without UTF-8.
public struct Glyphs: Hashable, Sendable {
    public var box: BoxCharset
    public var focusBox: BoxCharset
    public var working, offHours, away, timeOff: String
    public var day, night: String
    public var urgent, high, normal, low: String
    /// Timeline cells: a working block, off hours, time off, the overlap block.
    public var bar, gap, offBar, overlapBar: String
    public var nowMarker: String
    public var warning, stale, conflict, override: String
    public var left, right, bullet, arrow, dash: String
    /// Separates parts of a line: `·`, ASCII `-`.
    public var dot: String
    public var ellipsis: String

    public static let unicode = Glyphs(
        box: .unicode, focusBox: .heavy,
        working: "●", offHours: "○", away: "◐", timeOff: "✕",
        day: "☀", night: "☾",
        urgent: "‼", high: "↑", normal: "·", low: "↓",
        bar: "█", gap: "·", offBar: "░", overlapBar: "▆",
        nowMarker: "│",
        warning: "⚠", stale: "◷", conflict: "✗", override: "⇄",
        left: "◀", right: "▶", bullet: "•", arrow: "→", dash: "–", dot: "·",
        ellipsis: "…")

    public static let ascii = Glyphs(
        box: .ascii, focusBox: .asciiHeavy,
        working: "*", offHours: "o", away: "~", timeOff: "x",
        day: "^", night: ".",
        urgent: "!", high: "^", normal: "-", low: "v",
        bar: "%", gap: ".", offBar: "x", overlapBar: "*",
        nowMarker: "|",
        warning: "!", stale: "z", conflict: "X", override: "@",
        left: "<", right: ">", bullet: "*", arrow: "->", dash: "-", dot: "-",
        ellipsis: "~")
}

/// How to draw: the theme's roles and the glyph set.
public struct RenderStyle: Sendable {
    public var theme: Theme
    public var glyphs: Glyphs

    public init(theme: Theme = .default, glyphs: Glyphs = .unicode) {
        self.theme = theme
        self.glyphs = glyphs
    }

    public func style(_ role: ThemeRole) -> Style { theme.style(role) }
}
