@testable import MeridianTerminal
import Testing

/// `DisplayWidth`'s shortcuts (printable ASCII as byte counts, the byte-count bound of `fits`)
/// give the general rule's answers — grapheme by grapheme, after sanitizing, as `Reference`
/// spells it out — on hostile and international text.
@Suite struct DisplayWidthShortcutTests {
    static let samples: [String] = [
        "", "a", "Review the login flow", "x\u{1B}[2Jy", "tab\tand\r\nnew\nline", "\u{7F}", "Élodie Müller", "García",
        "日本語 locale", "東京", "👍", "LGTM 👍", "👨‍👩‍👧", "🇩🇪🇫🇷", "#\u{FE0F}", "e\u{301}", "\u{301}", "a\u{200D}b",
        "\u{202E}evil", "\u{FFFD}", "▲ ● ☾ ☀ █░·▆", "\u{00AD}", "ｆｕｌｌ", "한국어", "\u{1100}\u{1161}", "a\u{FE0E}",
        String(repeating: "wide 字 ", count: 9),
    ]

    @Test func answersWhatDisplayWidthAnswers() {
        for s in Self.samples {
            #expect(DisplayWidth.of(s) == Reference.width(s), "\(s.debugDescription)")
            for width in 0...12 {
                #expect(DisplayWidth.truncate(s, toWidth: width, ellipsis: "…") == Reference.truncate(s, width, "…"), "\(s.debugDescription) \(width)")
                #expect(DisplayWidth.truncate(s, toWidth: width, ellipsis: "~") == Reference.truncate(s, width, "~"), "\(s.debugDescription) \(width)")
                #expect(DisplayWidth.pad(s, toWidth: width, ellipsis: "…") == Reference.pad(s, width, "…"), "\(s.debugDescription) \(width)")
                #expect(DisplayWidth.fits(s, width) == (Reference.width(s) <= width), "\(s.debugDescription) \(width)")
            }
        }
    }

    /// What `fits` stands on: no text is wider than its UTF-8 bytes, before or after sanitizing.
    @Test func noTextIsWiderThanItsBytes() {
        var scalars: [Unicode.Scalar] = []
        for v in stride(from: 0, to: 0x3_0000, by: 7) { if let s = Unicode.Scalar(v) { scalars.append(s) } }
        let joiners: [String] = ["", "\u{FE0F}", "\u{200D}", "\u{1F3FB}", "\u{301}"]
        for s in scalars {
            for j in joiners {
                let text = String(s) + j
                #expect(DisplayWidth.of(text) <= text.utf8.count, "\(text.debugDescription)")
                #expect(DisplayWidth.of(TextSanitizer.clean(text)) <= text.utf8.count, "\(text.debugDescription)")
            }
        }
        for s in Self.samples { #expect(DisplayWidth.of(s) <= s.utf8.count, "\(s.debugDescription)") }
    }

    /// The general rule with no shortcut: sanitize, then add up graphemes one by one.
    enum Reference {
        static func width(_ s: String) -> Int { s.reduce(0) { $0 + DisplayWidth.of($1) } }

        static func truncate(_ text: String, _ width: Int, _ ellipsis: String) -> String {
            guard width > 0 else { return "" }
            let clean = TextSanitizer.clean(text)
            if Self.width(clean) <= width { return clean }
            let mark = TextSanitizer.clean(ellipsis)
            guard Self.width(mark) <= width else { return take(clean, width) }
            return take(clean, width - Self.width(mark)) + mark
        }

        static func pad(_ text: String, _ width: Int, _ ellipsis: String) -> String {
            let cut = truncate(text, width, ellipsis)
            return cut + String(repeating: " ", count: max(0, width - Self.width(cut)))
        }

        static func take(_ text: String, _ width: Int) -> String {
            var used = 0
            var out = ""
            for c in text {
                let w = DisplayWidth.of(c)
                if used + w > width { break }
                used += w
                out.append(c)
            }
            return out
        }
    }
}
