import Foundation
import MeridianTerminal

/// Colour values as theme files write them: `#rrggbb`, `default`, a palette index `0`–`255`,
/// or an ANSI name (`red`, `bright-blue`, …).
public enum ColorText {
    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// The colour, or nil when the text is none of the accepted forms.
    public static func parse(_ text: String) -> TermColor? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "default" || t == "none" { return .default }
        if t.hasPrefix("#") { return TermColor(hex: t) }
        if let n = Int(t), (0...255).contains(n) { return n < 16 ? .ansi(UInt8(n)) : .indexed(UInt8(n)) }
        if let i = names.firstIndex(of: t) { return .ansi(UInt8(i)) }
        if t.hasPrefix("bright-"), let i = names.firstIndex(of: String(t.dropFirst(7))) { return .ansi(UInt8(i + 8)) }
        return nil
    }
}
