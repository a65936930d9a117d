import Testing
@testable import MeridianTerminal

/// True if no scalar of the text could act on a terminal.
func isTerminalSafe(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { scalar in
        let v = scalar.value
        let bidi: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                 0x2066, 0x2067, 0x2068, 0x2069]
        return v >= 0x20 && v != 0x7F && !(0x80...0x9F).contains(v) && !bidi.contains(v)
    }
}

@Suite struct TextSanitizerTests {
    @Test func everyC0ControlIsReplacedButWhitespaceBecomesSpace() {
        for v in UInt32(0)..<0x20 {
            let scalar = Unicode.Scalar(v)!
            let cleaned = TextSanitizer.clean("a\(Character(scalar))b")
            switch v {
            case 0x09, 0x0A, 0x0D: #expect(cleaned == "a b", "U+\(String(v, radix: 16))")
            default: #expect(cleaned == "a\u{FFFD}b", "U+\(String(v, radix: 16))")
            }
        }
    }

    @Test func delAndEveryC1ControlAreReplaced() {
        #expect(TextSanitizer.clean("a\u{7F}b") == "a\u{FFFD}b")
        for v in UInt32(0x80)...0x9F {
            let text = "x" + String(Character(Unicode.Scalar(v)!)) + "y"
            #expect(TextSanitizer.clean(text) == "x\u{FFFD}y", "U+\(String(v, radix: 16))")
        }
    }

    @Test func crlfIsOneSpace() {
        #expect(TextSanitizer.clean("one\r\ntwo\nthree\rfour\tfive") == "one two three four five")
    }

    @Test func escapeSequencesCannotSurvive() {
        let csi = "before\u{1B}[2Jafter"
        let osc = "\u{1B}]0;owned\u{7}title"
        let dcs = "\u{1B}P1$r0m\u{1B}\\tail"
        let c1CSI = "\u{9B}31mred"
        #expect(TextSanitizer.clean(csi) == "before\u{FFFD}[2Jafter")
        #expect(TextSanitizer.clean(osc) == "\u{FFFD}]0;owned\u{FFFD}title")
        #expect(TextSanitizer.clean(dcs) == "\u{FFFD}P1$r0m\u{FFFD}\\tail")
        #expect(TextSanitizer.clean(c1CSI) == "\u{FFFD}31mred")
        for text in [csi, osc, dcs, c1CSI] {
            #expect(isTerminalSafe(TextSanitizer.clean(text)))
            #expect(!TextSanitizer.clean(text).unicodeScalars.contains("\u{1B}"))
        }
    }

    @Test func bidiControlsAreReplaced() {
        let bidi: [UInt32] = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                              0x2066, 0x2067, 0x2068, 0x2069]
        for v in bidi {
            let text = "user\(Character(Unicode.Scalar(v)!))txt.exe"
            #expect(TextSanitizer.clean(text) == "user\u{FFFD}txt.exe", "U+\(String(v, radix: 16))")
        }
    }

    @Test func invisibleCharactersAreReplaced() {
        for v: UInt32 in [0x200B, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF] {
            let text = "a\(Character(Unicode.Scalar(v)!))b"
            #expect(TextSanitizer.clean(text) == "a\u{FFFD}b", "U+\(String(v, radix: 16))")
        }
    }

    @Test func ordinaryTextIsUntouched() {
        let samples = ["plain ascii", "café", "cafe\u{301}", "日本語", "👍🏽", "🇯🇵",
                       "👨\u{200D}👩\u{200D}👧", "Ünïcödé — “quotes”", "\u{FFFD}"]
        for text in samples {
            #expect(TextSanitizer.clean(text) == text)
        }
    }

    @Test func cleaningIsIdempotent() {
        let nasty = "\u{1B}]8;;http://x\u{7}link\u{1B}]8;;\u{7}\u{202E}\r\n\u{9B}"
        let once = TextSanitizer.clean(nasty)
        #expect(TextSanitizer.clean(once) == once)
    }

    @Test func invalidUTF8IsRepairedThenCleaned() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x1B, 0x5B, 0x32, 0x4A, 0xC3, 0x28, 0xC2, 0x9B, 0x62]
        let repaired = String(decoding: bytes, as: UTF8.self)
        let cleaned = TextSanitizer.clean(repaired)
        #expect(isTerminalSafe(cleaned))
        #expect(cleaned == "a\u{FFFD}\u{FFFD}[2J\u{FFFD}(\u{FFFD}b")
    }
}
