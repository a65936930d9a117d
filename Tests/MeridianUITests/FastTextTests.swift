import MeridianTerminal
@testable import MeridianUI
import Testing

/// `FastText` gives `DisplayWidth`'s answers: the ASCII shortcut and the byte-count bound are
/// checked against the general rule on hostile and international text.
@Suite struct FastTextTests {
    static let samples: [String] = [
        "", "a", "Review the login flow", "x\u{1B}[2Jy", "tab\tand\r\nnew\nline", "\u{7F}", "Élodie Müller", "García",
        "日本語 locale", "東京", "👍", "LGTM 👍", "👨‍👩‍👧", "🇩🇪🇫🇷", "#\u{FE0F}", "e\u{301}", "\u{301}", "a\u{200D}b",
        "\u{202E}evil", "\u{FFFD}", "▲ ● ☾ ☀ █░·▆", "\u{00AD}", "ｆｕｌｌ", "한국어", "\u{1100}\u{1161}", "a\u{FE0E}",
        String(repeating: "wide 字 ", count: 9),
    ]

    @Test func answersWhatDisplayWidthAnswers() {
        for s in Self.samples {
            #expect(FastText.width(s) == DisplayWidth.of(s), "\(s.debugDescription)")
            for width in 0...12 {
                #expect(FastText.truncate(s, toWidth: width, ellipsis: "…") == DisplayWidth.truncate(s, toWidth: width, ellipsis: "…"), "\(s.debugDescription) \(width)")
                #expect(FastText.truncate(s, toWidth: width, ellipsis: "~") == DisplayWidth.truncate(s, toWidth: width, ellipsis: "~"), "\(s.debugDescription) \(width)")
                #expect(FastText.pad(s, toWidth: width, ellipsis: "…") == DisplayWidth.pad(s, toWidth: width, ellipsis: "…"), "\(s.debugDescription) \(width)")
                #expect(FastText.fits(s, width) == (DisplayWidth.of(s) <= width), "\(s.debugDescription) \(width)")
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
}
