/// A terminal colour as the views ask for it, before it is mapped down to what the terminal can show.
///
/// ```swift
/// let accent = TermColor.rgb(255, 135, 0)
/// let warning = TermColor(hex: "#d7af00")   // .rgb(215, 175, 0)
/// ```
public enum TermColor: Hashable, Sendable {
    /// The terminal's own foreground or background colour.
    case `default`
    /// One of the 16 classic ANSI colours (0–7 normal, 8–15 bright). Values above 15 are clamped.
    case ansi(UInt8)
    /// An entry of the xterm 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    public static let black = TermColor.ansi(0)
    public static let red = TermColor.ansi(1)
    public static let green = TermColor.ansi(2)
    public static let yellow = TermColor.ansi(3)
    public static let blue = TermColor.ansi(4)
    public static let magenta = TermColor.ansi(5)
    public static let cyan = TermColor.ansi(6)
    public static let white = TermColor.ansi(7)
    public static let brightBlack = TermColor.ansi(8)
    public static let brightWhite = TermColor.ansi(15)

    /// Parses `#rrggbb` or `rrggbb` (case-insensitive); nil for anything else.
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit),
              let value = UInt32(digits, radix: 16) else { return nil }
        self = .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
    }
}
