/// Plain-text output of strings from TEAM: control characters (C0, C1, DEL, bidi controls) are
/// replaced so nothing from the directory reaches a terminal as an escape sequence.
enum Sanitize {
    static func line(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x061C || v == 0x200E || v == 0x200F
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                out.append("\u{FFFD}")
            } else {
                out.append(u)
            }
        }
        return String(out)
    }
}
