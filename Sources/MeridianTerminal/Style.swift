/// How a cell looks: foreground, background and attributes.
///
/// ```swift
/// let selected = Style(fg: .black, bg: .cyan, attrs: [.reverse])
/// let title = Style.plain.with(attrs: [.bold])
/// ```
public struct Style: Hashable, Sendable {
    public var fg: TermColor
    public var bg: TermColor
    public var attrs: TextAttributes

    public init(fg: TermColor = .default, bg: TermColor = .default, attrs: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }

    /// The terminal's default colours, no attributes.
    public static let plain = Style()

    /// A copy with the given parts replaced; attributes given here are added to the existing ones.
    public func with(fg: TermColor? = nil, bg: TermColor? = nil, attrs: TextAttributes = []) -> Style {
        Style(fg: fg ?? self.fg, bg: bg ?? self.bg, attrs: self.attrs.union(attrs))
    }
}
