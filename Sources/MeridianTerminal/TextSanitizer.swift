/// Makes untrusted text safe to show: nothing in the result can act as a terminal control.
///
/// Replaced by U+FFFD `�`: every C0 control (ESC included, so no escape sequence survives), DEL,
/// every C1 control (U+0080–U+009F), bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069), invisible characters (U+180E, U+200B, U+2060–U+2064, U+FEFF, U+FFF9–U+FFFB)
/// and the line/paragraph separators U+2028/U+2029. Tab, newline and carriage return become a space
/// (CR LF becomes one space). Joiners U+200C/U+200D stay: emoji sequences need them.
///
/// ```swift
/// TextSanitizer.clean("a\u{1B}[2Jb\tc")   // "a�[2Jb c"
/// ```
public enum TextSanitizer {
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The text with every unsafe scalar replaced. Returns the input itself when it is already safe.
    public static func clean(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        var output = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\t", "\r":
                output.append(" ")
            case "\n":
                if !previousWasCR { output.append(" ") }
            default:
                output.append(isUnsafe(scalar) ? replacement : scalar)
            }
        }
        return String(output)
    }

    /// True if the scalar must never reach the terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true                  // C0, DEL, C1
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi
        case 0x180E, 0x200B, 0x2060...0x2064, 0xFEFF, 0xFFF9...0xFFFB: return true  // invisible
        case 0x2028, 0x2029: return true                            // line/paragraph separators
        default: return false
        }
    }

    /// Printable ASCII only (0x20–0x7E): nothing to do.
    private static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
}
