import Testing
@testable import MeridianTerminal

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("hello, world") == 12)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of(Character("a")) == 1)
    }

    @Test func accentedLetterIsOneColumnPrecomposedOrCombining() {
        let precomposed = "\u{E9}"
        let combining = "e\u{301}"
        #expect(precomposed.unicodeScalars.count == 1)
        #expect(combining.unicodeScalars.count == 2)
        #expect(DisplayWidth.of(precomposed) == 1)
        #expect(DisplayWidth.of(combining) == 1)
        #expect(DisplayWidth.of("caf\u{E9}") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
    }

    @Test func cjkAndHangulAndFullwidthAreTwoColumns() {
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｱ") == 1)   // halfwidth katakana
        #expect(DisplayWidth.of("Ａ") == 2)   // fullwidth A
        #expect(DisplayWidth.of("東京 9:00") == 9)
    }

    @Test func emojiClustersAreTwoColumns() {
        let thumbs = "👍🏽"
        #expect(thumbs.count == 1)
        #expect(DisplayWidth.of(thumbs) == 2)
        #expect(DisplayWidth.of("🇯🇵") == 2)
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        #expect(family.count == 1)
        #expect(DisplayWidth.of(family) == 2)
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)   // VS16 asks for emoji presentation
        #expect(DisplayWidth.of("❤") == 1)           // text presentation by default
        #expect(DisplayWidth.of("ok👍") == 4)
    }

    @Test func zeroWidthThingsTakeNoColumn() {
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)    // lone combining mark
        #expect(DisplayWidth.of(Character("\u{200B}")) == 0)   // zero-width space
        #expect(DisplayWidth.of(Character("\u{FE0F}")) == 0)   // lone variation selector
        #expect(DisplayWidth.of(Character("\u{1B}")) == 0)     // controls never take a column
    }

    @Test func truncateRespectsDisplayWidth() {
        #expect(DisplayWidth.truncate("Timeline", toWidth: 8) == "Timeline")
        #expect(DisplayWidth.truncate("Timeline", toWidth: 5) == "Time…")
        #expect(DisplayWidth.truncate("Timeline", toWidth: 5, ellipsis: "~") == "Time~")
        #expect(DisplayWidth.truncate("日本語", toWidth: 4) == "日…")
        #expect(DisplayWidth.truncate("日本語", toWidth: 5) == "日本…")
        #expect(DisplayWidth.truncate("日本語", toWidth: 6) == "日本語")
        #expect(DisplayWidth.truncate("abc", toWidth: 0) == "")
        #expect(DisplayWidth.truncate("abc", toWidth: 1) == "…")
        #expect(DisplayWidth.truncate("a\u{1B}[2J", toWidth: 10) == "a\u{FFFD}[2J")
        #expect(DisplayWidth.pad("日", toWidth: 4) == "日  ")
    }
}
