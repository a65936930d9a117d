import MeridianTerminal

/// A look: a colour for every role. Views ask for roles (`theme.style(.warning)`), never raw colours.
///
/// ```swift
/// let theme = try ThemeLoader().load("light").theme
/// buffer.put("late", x: 0, y: 0, style: theme.style(.warning))
/// ```
public struct Theme: Hashable, Sendable {
    public var name: String
    public var colors: [ThemeRole: TermColor]
    /// True when colours must not be used (NO_COLOR or a monochrome terminal): styles then carry
    /// meaning with attributes only (reverse for selection, bold for focus and warnings, dim for muted).
    public var monochrome: Bool

    public init(name: String, colors: [ThemeRole: TermColor], monochrome: Bool = false) {
        self.name = name
        self.colors = colors
        self.monochrome = monochrome
    }

    /// The compiled-in default theme (the same text as `Themes/default.toml`).
    public static let `default`: Theme = {
        let text = BuiltinThemes.files[0].text
        return ThemeParser.parse(text, file: "default.toml", base: nil).theme
    }()

    /// A copy drawn without colours.
    public func monochromed(_ flag: Bool = true) -> Theme {
        var copy = self
        copy.monochrome = flag
        return copy
    }

    public func color(_ role: ThemeRole) -> TermColor {
        colors[role] ?? Theme.default.colors[role] ?? .default
    }

    /// Foreground `role` on the surface.
    public func style(_ role: ThemeRole) -> Style {
        if monochrome { return Style(attrs: Self.monochromeAttributes[role] ?? []) }
        return Style(fg: color(role), bg: color(.surface), attrs: Self.colourAttributes[role] ?? [])
    }

    /// The selected row: the selection colours (reverse video without colour).
    public var selected: Style {
        if monochrome { return Style(attrs: .reverse) }
        return Style(fg: color(.selectionText), bg: color(.selection))
    }

    /// The header bar and the active tab.
    public var header: Style {
        if monochrome { return Style(attrs: .reverse) }
        return Style(fg: color(.headerText), bg: color(.header), attrs: .bold)
    }

    /// A filled block in `role`'s colour (timeline bars); reverse video without colour.
    public func block(_ role: ThemeRole) -> Style {
        if monochrome { return Style(attrs: Self.monochromeAttributes[role] ?? []) }
        return Style(fg: color(role), bg: color(.surface))
    }

    static let colourAttributes: [ThemeRole: TextAttributes] = [
        .title: .bold, .focusBorder: .bold, .danger: .bold, .now: .bold, .header: .bold,
    ]
    static let monochromeAttributes: [ThemeRole: TextAttributes] = [
        .muted: .dim, .title: .bold, .focusBorder: .bold, .warning: .bold, .danger: [.bold, .underline],
        .now: [.bold, .reverse], .accent: .bold, .primary: .bold, .offHours: .dim, .border: .dim,
    ]
}
