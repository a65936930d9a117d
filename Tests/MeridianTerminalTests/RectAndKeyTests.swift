import Testing
@testable import MeridianTerminal

@Suite struct RectTests {
    let screen = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test func insetNeverGoesNegative() {
        #expect(screen.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(Rect(x: 5, y: 5, width: 1, height: 1).inset(by: 3).isEmpty)
        #expect(screen.inset(top: 1, bottom: 2) == Rect(x: 0, y: 1, width: 80, height: 21))
    }

    @Test func equalSplitsShareTheSpareCells() {
        let columns = screen.splitColumns(count: 3)
        #expect(columns.map(\.width) == [27, 27, 26])
        #expect(columns.map(\.x) == [0, 27, 54])
        let rows = Rect(x: 0, y: 2, width: 10, height: 10).splitRows(count: 4, spacing: 1)
        #expect(rows.map(\.height) == [2, 2, 2, 1])
        #expect(rows.map(\.y) == [2, 5, 8, 11])
    }

    @Test func fixedAndFillSplits() {
        let parts = screen.splitRows([.fixed(1), .fill(), .fixed(1)])
        #expect(parts.map(\.height) == [1, 22, 1])
        #expect(parts.map(\.y) == [0, 1, 23])
        let weighted = screen.splitColumns([.fill(1), .fill(3)])
        #expect(weighted.map(\.width) == [20, 60])
        let squeezed = Rect(x: 0, y: 0, width: 5, height: 1).splitColumns([.fixed(3), .fixed(3), .fill()])
        #expect(squeezed.map(\.width) == [3, 2, 0])
    }

    @Test func intersectionAndContains() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        let b = Rect(x: 5, y: 7, width: 10, height: 10)
        #expect(a.intersection(b) == Rect(x: 5, y: 7, width: 5, height: 3))
        #expect(a.intersection(Rect(x: 20, y: 20, width: 2, height: 2)).isEmpty)
        #expect(a.contains(Point(x: 9, y: 9)))
        #expect(!a.contains(Point(x: 10, y: 9)))
        #expect(!a.contains(Point(x: -1, y: 0)))
    }
}

@Suite struct KeyEventTests {
    @Test func controlCodesHaveNames() {
        #expect(KeyEvent(code: 9) == .tab)
        #expect(KeyEvent(code: 10) == .enter)
        #expect(KeyEvent(code: 13) == .enter)
        #expect(KeyEvent(code: 27) == .escape)
        #expect(KeyEvent(code: 127) == .backspace)
        #expect(KeyEvent(code: 8) == .backspace)
        #expect(KeyEvent(code: 12) == .ctrl("l"))
        #expect(KeyEvent(code: 3) == .ctrl("c"))
        #expect(KeyEvent(code: 0x71) == .char("q"))
        #expect(KeyEvent(code: 0x65E5) == .char("日"))
        #expect(KeyEvent(code: 0x9B) == .unknown(0x9B))
        #expect(KeyEvent(code: 0x202E) == .unknown(0x202E))
        #expect(KeyEvent(code: 0xD800) == nil)
    }
}
