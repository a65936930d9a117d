import Testing
@testable import MeridianTerminal

@Suite struct FrameBufferTests {
    let red = Style(fg: .red)
    let blue = Style(fg: .blue)

    @Test func putWritesTextAndReturnsColumnsUsed() {
        var buffer = FrameBuffer(width: 10, height: 2)
        #expect(buffer.put("hi", x: 1, y: 0, style: red) == 2)
        #expect(buffer.put("日本", x: 0, y: 1, style: red) == 4)
        #expect(buffer.lines() == [" hi       ", "日本      "])
        #expect(buffer[1, 0]?.style == red)
        #expect(buffer[0, 1]?.grapheme == "日")
        #expect(buffer[1, 1]?.isContinuation == true)
        #expect(buffer[3, 1]?.isContinuation == true)
    }

    @Test func putClipsToBufferAndMaxWidth() {
        var buffer = FrameBuffer(width: 6, height: 1)
        #expect(buffer.put("abcdefgh", x: 2, y: 0, style: red) == 4)
        #expect(buffer.lines() == ["  abcd"])
        buffer = FrameBuffer(width: 6, height: 1)
        #expect(buffer.put("abcdefgh", x: 1, y: 0, style: red, maxWidth: 3) == 3)
        #expect(buffer.lines() == [" abc  "])
        #expect(buffer.put("zz", x: 0, y: 5, style: red) == 0)
        #expect(buffer.put("zz", x: 7, y: 0, style: red) == 0)
    }

    @Test func wideCharacterStraddlingTheClipEdgeBecomesASpace() {
        var buffer = FrameBuffer(width: 5, height: 2, fill: Cell(grapheme: "."))
        #expect(buffer.put("a日本", x: 0, y: 0, style: red) == 5)
        #expect(buffer.lines()[0] == "a日本")
        #expect(buffer.put("ab日", x: 0, y: 1, style: red, maxWidth: 3) == 3)
        #expect(buffer.lines()[1] == "ab ..")
        #expect(buffer[2, 1] == Cell(grapheme: " ", style: red))
        #expect(buffer.cells.allSatisfy { !$0.isContinuation || $0.grapheme.isEmpty })
    }

    @Test func wideCharacterAtTheRightEdgeOfTheBufferBecomesASpace() {
        var buffer = FrameBuffer(width: 3, height: 1, fill: Cell(grapheme: "."))
        #expect(buffer.put("ab日", x: 0, y: 0, style: red) == 3)
        #expect(buffer.lines() == ["ab "])
        #expect(buffer[2, 0]?.isContinuation == false)
    }

    @Test func wideCharacterCutByTheLeftEdgeBecomesASpace() {
        var buffer = FrameBuffer(width: 4, height: 1, fill: Cell(grapheme: "."))
        #expect(buffer.put("日本", x: -1, y: 0, style: red) == 4)
        #expect(buffer.lines() == [" 本."])
    }

    @Test func overwritingTheLeftHalfOfAWideCharacterBlanksItsRightHalf() {
        var buffer = FrameBuffer(width: 4, height: 1)
        buffer.put("日本", x: 0, y: 0, style: red)
        buffer.put("x", x: 2, y: 0, style: blue)
        #expect(buffer.lines() == ["日x "])
        #expect(buffer[3, 0] == Cell(grapheme: " ", style: red))
        #expect(buffer.cells.filter(\.isContinuation).count == 1)
    }

    @Test func overwritingTheRightHalfOfAWideCharacterBlanksItsLeftHalf() {
        var buffer = FrameBuffer(width: 4, height: 1)
        buffer.put("日本", x: 0, y: 0, style: red)
        buffer.put("x", x: 1, y: 0, style: blue)
        #expect(buffer.lines() == [" x本"])
        #expect(buffer[0, 0] == Cell(grapheme: " ", style: red))
        #expect(buffer[1, 0] == Cell(grapheme: "x", style: blue))
    }

    @Test func wideOverWideAtAnOffsetLeavesNoOrphanHalves() {
        var buffer = FrameBuffer(width: 6, height: 1)
        buffer.put("日本語", x: 0, y: 0, style: red)
        buffer.put("中", x: 1, y: 0, style: blue)
        #expect(buffer.lines() == [" 中 語"])
        assertWideCellsConsistent(buffer)
    }

    @Test func fillAndSetStyle() {
        var buffer = FrameBuffer(width: 5, height: 3)
        buffer.fill(Rect(x: 1, y: 1, width: 10, height: 1), style: blue, char: "#")
        #expect(buffer.lines() == ["     ", " ####", "     "])
        buffer.put("日本", x: 0, y: 0, style: red)
        buffer.setStyle(Rect(x: 1, y: 0, width: 2, height: 1), blue)
        // the rectangle cuts both wide glyphs: each is restyled whole
        #expect(buffer.cells[0..<4].allSatisfy { $0.style == blue })
        #expect(buffer.lines()[0] == "日本 ")
        buffer.modifyStyle(Rect(x: 0, y: 1, width: 2, height: 1)) { $0.attrs.insert(.reverse) }
        #expect(buffer[1, 1]?.style == blue.with(attrs: .reverse))
        #expect(buffer[2, 1]?.style == blue)
    }

    @Test func fillRefusesWideAndControlCharacters() {
        var buffer = FrameBuffer(width: 2, height: 1)
        buffer.fill(buffer.area, style: red, char: "日")
        #expect(buffer.lines() == ["  "])
        buffer.fill(buffer.area, style: red, char: "\u{1B}")
        #expect(buffer.lines() == ["\u{FFFD}\u{FFFD}"])
    }

    @Test func zeroWidthClustersAreDroppedAndCombiningMarksStayWithTheirBase() {
        var buffer = FrameBuffer(width: 4, height: 1)
        #expect(buffer.put("\u{301}e\u{301}x", x: 0, y: 0, style: red) == 2)
        #expect(buffer[0, 0]?.grapheme == "e\u{301}")
        #expect(buffer.lines() == ["e\u{301}x  "])
    }

    @Test func emojiTakeTwoCells() {
        var buffer = FrameBuffer(width: 8, height: 1)
        let text = "👍🏽🇯🇵👨\u{200D}👩\u{200D}👧a"
        #expect(buffer.put(text, x: 0, y: 0, style: red) == 7)
        #expect(buffer.lines() == [text + " "])
        #expect(buffer.cells.map(\.isContinuation) == [false, true, false, true, false, true, false, false])
    }

    @Test func noCellEverHoldsAControlOrBidiCharacter() {
        let hostile = [
            "\u{1B}[2J\u{1B}[H", "\u{1B}]0;pwned\u{7}", "\u{1B}P+q\u{1B}\\", "\u{9B}6n", "\u{9D}0;x\u{9C}",
            "tab\there", "line\nbreak\r\n", "\u{7F}\u{0}\u{8}", "\u{202E}gnp.exe", "\u{2066}x\u{2069}",
            "\u{200F}\u{200E}\u{061C}", "zero\u{200B}width\u{FEFF}", "日\u{1B}本", "e\u{301}\u{1B}",
            String(decoding: [0xC2, 0x9B, 0x33, 0x31, 0x6D, 0xFF, 0xFE, 0x1B], as: UTF8.self),
        ]
        var buffer = FrameBuffer(width: 30, height: hostile.count + 2)
        for (row, text) in hostile.enumerated() {
            buffer.put(text, x: 0, y: row, style: red)
            buffer.put(text, x: 25, y: row, style: red)   // clipped writes too
        }
        buffer.drawBox(Rect(x: 0, y: hostile.count, width: 30, height: 2), title: "\u{1B}[31mevil",
                       style: red, titleStyle: blue)
        buffer.fill(Rect(x: 28, y: 0, width: 2, height: 3), style: red, char: "\u{9B}")
        for cell in buffer.cells {
            #expect(isTerminalSafe(cell.grapheme), "unsafe cell \(cell.grapheme.unicodeScalars.map(\.value))")
        }
    }

    @Test func cellSubscriptOutsideIsNil() {
        let buffer = FrameBuffer(width: 2, height: 2)
        #expect(buffer[2, 0] == nil)
        #expect(buffer[0, -1] == nil)
        #expect(buffer[1, 1] == .blank)
    }
}

/// Every continuation cell follows a two-column grapheme, and every two-column grapheme is followed by one.
func assertWideCellsConsistent(_ buffer: FrameBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
    for y in 0..<buffer.height {
        for x in 0..<buffer.width {
            let cell = buffer[x, y]!
            if cell.isContinuation {
                let lead = buffer[x - 1, y]
                #expect(lead.map { DisplayWidth.of($0.grapheme) } == 2, "orphan continuation at \(x),\(y)",
                        sourceLocation: sourceLocation)
            } else if DisplayWidth.of(cell.grapheme) == 2 {
                #expect(buffer[x + 1, y]?.isContinuation == true, "wide without continuation at \(x),\(y)",
                        sourceLocation: sourceLocation)
            }
        }
    }
}
