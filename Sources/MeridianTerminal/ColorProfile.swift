/// How many colours the terminal can show; maps any `TermColor` down to what it can.
///
/// ```swift
/// let profile = ColorProfile.detect(environment: ProcessInfo.processInfo.environment, colors: 256)
/// profile.map(.rgb(255, 0, 0))   // .indexed(196) on a 256-colour terminal
/// ```
public enum ColorProfile: Int, Comparable, Hashable, Sendable, CaseIterable {
    /// No colour at all: attributes (bold, reverse, …) carry focus and selection.
    case monochrome
    /// The 8 basic ANSI colours.
    case ansi8
    /// The xterm 256-colour palette.
    case ansi256
    /// 24-bit colour.
    case truecolor

    public static func < (lhs: ColorProfile, rhs: ColorProfile) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Chooses a profile the way htop and most modern tools do.
    ///
    /// - `NO_COLOR` set to any non-empty value: monochrome (https://no-color.org).
    /// - `COLORTERM` = `truecolor` or `24bit`: truecolor.
    /// - otherwise 256 colours if `colors >= 256`, 8 if `colors >= 8`, else monochrome.
    public static func detect(environment: [String: String], colors: Int) -> ColorProfile {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorterm == "truecolor" || colorterm == "24bit" { return .truecolor }
        if colors >= 256 { return .ansi256 }
        if colors >= 8 { return .ansi8 }
        return .monochrome
    }

    /// The nearest colour this profile can show. `.default` always stays `.default`.
    public func map(_ color: TermColor) -> TermColor {
        switch (self, color) {
        case (_, .default), (.truecolor, _):
            return color
        case (.monochrome, _):
            return .default
        case (.ansi256, .ansi(let n)):
            return .ansi(min(n, 15))
        case (.ansi256, .indexed):
            return color
        case (.ansi256, .rgb(let r, let g, let b)):
            return .indexed(Palette.nearest256(Int(r), Int(g), Int(b)))
        case (.ansi8, .ansi(let n)):
            return .ansi(min(n, 15) % 8)
        case (.ansi8, .indexed(let n)):
            if n < 16 { return .ansi(n % 8) }
            let (r, g, b) = Palette.rgb(ofIndex: n)
            return .ansi(Palette.nearest8(r, g, b))
        case (.ansi8, .rgb(let r, let g, let b)):
            return .ansi(Palette.nearest8(Int(r), Int(g), Int(b)))
        }
    }

    /// The style with both colours mapped. Attributes are kept in every profile, so that
    /// reverse and bold still show focus and selection on a monochrome terminal.
    public func map(_ style: Style) -> Style {
        Style(fg: map(style.fg), bg: map(style.bg), attrs: style.attrs)
    }
}
