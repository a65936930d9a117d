import Testing
@testable import MeridianTerminal

@Suite struct BoxTests {
    @Test func unicodeBoxWithTitle() {
        var buffer = FrameBuffer(width: 12, height: 4)
        let inner = buffer.drawBox(buffer.area, title: "Clocks", style: .plain, titleStyle: Style(attrs: .bold))
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(buffer.lines() == [
            "┌ Clocks ──┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
        #expect(buffer[2, 0]?.style.attrs == .bold)
        #expect(buffer[0, 0]?.style.attrs == [])
    }

    @Test func asciiBoxWithTruncatedTitle() {
        var buffer = FrameBuffer(width: 10, height: 3)
        buffer.drawBox(buffer.area, title: "Timeline of the day", style: .plain, titleStyle: .plain, charset: .ascii)
        #expect(buffer.lines() == [
            "+ Timel~ +",
            "|        |",
            "+--------+",
        ])
    }

    @Test func wideTitleIsCutOnAGlyphBoundary() {
        var buffer = FrameBuffer(width: 9, height: 2)
        buffer.drawBox(buffer.area, title: "日本語の時計", style: .plain, titleStyle: .plain)
        #expect(buffer.lines() == ["┌ 日本… ┐", "└───────┘"])
        assertWideCellsConsistent(buffer)
    }

    @Test func boxInsideALargerBufferAndDivider() {
        var buffer = FrameBuffer(width: 8, height: 5, fill: Cell(grapheme: "."))
        buffer.drawBox(Rect(x: 1, y: 0, width: 6, height: 4), style: .plain, titleStyle: .plain, charset: .heavy)
        buffer.drawDivider(Rect(x: 1, y: 0, width: 6, height: 4), y: 2, style: .plain, charset: .heavy)
        #expect(buffer.lines() == [
            ".┏━━━━┓.",
            ".┃....┃.",
            ".┣━━━━┫.",
            ".┗━━━━┛.",
            "........",
        ])
    }

    @Test func tooSmallBoxDrawsNothing() {
        var buffer = FrameBuffer(width: 3, height: 3)
        buffer.drawBox(Rect(x: 0, y: 0, width: 1, height: 3), style: .plain, titleStyle: .plain)
        #expect(buffer.lines() == ["   ", "   ", "   "])
    }
}

@Suite struct FrameDiffTests {
    @Test func withoutAPreviousFrameEveryRowIsARun() {
        var buffer = FrameBuffer(width: 3, height: 2)
        buffer.put("abc", x: 0, y: 1, style: .plain)
        let runs = FrameDiff.changes(from: nil, to: buffer)
        #expect(runs.map(\.row) == [0, 1])
        #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 3 })
    }

    @Test func aSizeChangeRedrawsEverything() {
        let old = FrameBuffer(width: 3, height: 2)
        let new = FrameBuffer(width: 4, height: 2)
        #expect(FrameDiff.changes(from: old, to: new).map(\.cells.count) == [4, 4])
    }

    @Test func identicalFramesHaveNoChanges() {
        var buffer = FrameBuffer(width: 10, height: 3)
        buffer.put("same 日本", x: 0, y: 1, style: Style(fg: .green))
        #expect(FrameDiff.changes(from: buffer, to: buffer).isEmpty)
    }

    @Test func findsExactlyTheChangedCells() {
        let old = FrameBuffer(width: 10, height: 3)
        var new = old
        new.put("ab", x: 2, y: 0, style: .plain)
        new.put("z", x: 9, y: 2, style: .plain)
        new.setStyle(Rect(x: 5, y: 0, width: 2, height: 1), Style(attrs: .reverse))
        let runs = FrameDiff.changes(from: old, to: new)
        #expect(runs == [
            CellRun(row: 0, x: 2, cells: [Cell(grapheme: "a"), Cell(grapheme: "b")]),
            CellRun(row: 0, x: 5, cells: [Cell.blank(Style(attrs: .reverse)), Cell.blank(Style(attrs: .reverse))]),
            CellRun(row: 2, x: 9, cells: [Cell(grapheme: "z")]),
        ])
        // Applying the runs to the old frame gives the new one.
        var replay = old
        for run in runs {
            for (i, cell) in run.cells.enumerated() {
                replay.put(cell.grapheme, x: run.x + i, y: run.row, style: cell.style)
            }
        }
        #expect(replay == new)
    }

    @Test func restylingHalfAWideGlyphRedrawsTheWholeGlyph() {
        var old = FrameBuffer(width: 6, height: 1)
        old.put("日本", x: 0, y: 0, style: .plain)
        var new = old
        new.modifyStyle(Rect(x: 3, y: 0, width: 1, height: 1)) { $0.attrs = .bold }
        let runs = FrameDiff.changes(from: old, to: new)
        #expect(runs.count == 1)
        #expect(runs[0].x == 2)
        #expect(runs[0].cells.first?.grapheme == "本")
        #expect(runs[0].cells.count == 2)
    }

    @Test func runsNeverStartOnAContinuationNorSplitAGlyph() {
        var old = FrameBuffer(width: 6, height: 1)
        old.put("日本", x: 0, y: 0, style: .plain)
        // States the public API cannot make: only one half of a glyph differs.
        var rightHalfOnly = old
        rightHalfOnly.cells[3].style = Style(attrs: .bold)
        #expect(FrameDiff.changes(from: old, to: rightHalfOnly).map { [$0.x, $0.cells.count] } == [[2, 2]])
        var leftHalfOnly = old
        leftHalfOnly.cells[0].style = Style(attrs: .bold)
        #expect(FrameDiff.changes(from: old, to: leftHalfOnly).map { [$0.x, $0.cells.count] } == [[0, 2]])
    }

    @Test func aChangedWideGlyphIsOneRunOfBothCells() {
        var base = FrameBuffer(width: 6, height: 1)
        base.put("日本", x: 0, y: 0, style: .plain)
        var changedGlyph = base
        changedGlyph.put("中", x: 2, y: 0, style: .plain)
        let glyphRuns = FrameDiff.changes(from: base, to: changedGlyph)
        #expect(glyphRuns == [CellRun(row: 0, x: 2, cells: [Cell(grapheme: "中"), Cell.continuation(.plain)])])
    }
}

@Suite struct StyledDumpTests {
    @Test func dumpShowsTextStylesAndLegend() {
        var buffer = FrameBuffer(width: 6, height: 1)
        buffer.put("ab", x: 0, y: 0, style: Style(fg: .cyan))
        buffer.put("日", x: 2, y: 0, style: Style(attrs: [.bold, .reverse]))
        #expect(buffer.styledDump().split(separator: "\n", omittingEmptySubsequences: false) == [
            "ab日  ",
            "aabb..",
            "a = fg:ansi(6) bg:default attrs:[]",
            "b = fg:default bg:default attrs:[bold,reverse]",
        ])
    }
}
