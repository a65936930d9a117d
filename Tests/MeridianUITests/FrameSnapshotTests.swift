import Foundation
import MeridianKit
import MeridianTerminal
@testable import MeridianUI
import Testing

/// Whole frames rendered from the fixture team at a fixed instant, compared with text files.
@Suite struct FrameSnapshotTests {
    static func render(_ state: AppState, theme: Theme = .default, glyphs: Glyphs = .unicode) -> FrameBuffer {
        Screen.render(state, style: RenderStyle(theme: theme, glyphs: glyphs))
    }

    /// Every row takes exactly the frame's width in display columns: wide characters never shift a border.
    static func expectAligned(_ frame: FrameBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
        for (y, line) in frame.lines().enumerated() {
            #expect(DisplayWidth.of(line) == frame.width, "row \(y) is \(DisplayWidth.of(line)) columns: \(line)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: Pane.allCases)
    func tabbedAt80x24(pane: Pane) throws {
        var state = try Fixture.state(width: 80, height: 24)
        _ = Update.update(&state, .key(.char(Character("\(pane.rawValue + 1)"))))
        let frame = Self.render(state)
        Self.expectAligned(frame)
        let text = frame.lines().joined(separator: "\n")
        for title in ["1 Clocks", "2 Timeline", "3 Board", "4 On-call"] { #expect(text.contains(title)) }
        SnapshotAssert.check(text, named: "80x24-\(pane.title.lowercased())")
    }

    @Test(arguments: [(120, 40), (200, 60)])
    func gridShowsFourPanes(width: Int, height: Int) throws {
        let frame = Self.render(try Fixture.state(width: width, height: height))
        Self.expectAligned(frame)
        let text = frame.lines().joined(separator: "\n")
        for title in ["1 Clocks", "2 Timeline", "3 Board", "4 On-call", "Alice Martin", "Fix the login", "Primary"] {
            #expect(text.contains(title))
        }
        SnapshotAssert.check(text, named: "\(width)x\(height)")
    }

    @Test func noColorIsMonochromeWithAttributes() throws {
        var state = try Fixture.state(width: 80, height: 24)
        _ = Update.update(&state, .key(.char("3")))
        let frame = Self.render(state, theme: Theme.default.monochromed())
        for cell in frame.cells {
            #expect(cell.style.fg == .default && cell.style.bg == .default)
        }
        // The selected task is still visible without colour: reverse video.
        let selectedRows = (0..<frame.height).filter { y in (0..<frame.width).contains { frame[$0, y]!.style.attrs.contains(.reverse) && frame[$0, y]!.grapheme == "F" } }
        #expect(!selectedRows.isEmpty)
        SnapshotAssert.check(frame.styledDump(), named: "80x24-no-color-board")
    }

    @Test func cjkAndEmojiRowsKeepAlignment() throws {
        let state = try Fixture.state(width: 90, height: 12)
        var frame = FrameBuffer(width: 90, height: 8)
        ClocksView.draw(&frame, frame.area, state: state, style: RenderStyle(), focused: true)
        Self.expectAligned(frame)
        let text = frame.lines().joined(separator: "\n")
        #expect(text.contains("陳小明") && text.contains("Priya Raman 🌶️"))
        var board = FrameBuffer(width: 90, height: 12)
        var focused = state
        _ = Update.update(&focused, .key(.char("3")))
        BoardView.draw(&board, board.area, state: focused, style: RenderStyle(), focused: true)
        Self.expectAligned(board)
        #expect(board.lines().joined().contains("日本語"))
        SnapshotAssert.check(text + "\n" + board.lines().joined(separator: "\n"), named: "cjk-emoji-rows")
    }

    @Test func helpOverlayListsEveryBinding() throws {
        var state = try Fixture.state(width: 120, height: 40)
        _ = Update.update(&state, .key(.char("?")))
        let frame = Self.render(state)
        Self.expectAligned(frame)
        let text = frame.lines().joined(separator: "\n")
        for binding in KeyMap.bindings { #expect(text.contains(binding.description.prefix(30)), "help lacks \(binding.label)") }
        SnapshotAssert.check(text, named: "120x40-help")
    }

    @Test func hostileTitleNeverReachesTheTerminal() throws {
        var state = try Fixture.state(width: 100, height: 30)
        _ = Update.update(&state, .key(.char("3")))
        _ = Fixture.press(&state, ["/"] + "evil".typed + [KeyEvent.enter, KeyEvent.enter])
        #expect(state.mode == .details(task: "T-5", scroll: 0))
        let frame = Self.render(state)
        for cell in frame.cells {
            for scalar in cell.grapheme.unicodeScalars { #expect(!TextSanitizer.isUnsafe(scalar), "unsafe U+\(String(scalar.value, radix: 16))") }
        }
        Self.expectAligned(frame)
        let text = frame.lines().joined(separator: "\n")
        #expect(text.contains("T-5"))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}") && !text.contains("\u{07}"))
        SnapshotAssert.check(text, named: "100x30-hostile-details")
    }

    @Test func asciiFallbackDrawsOnlyASCII() throws {
        var state = try Fixture.state(width: 120, height: 40)
        state.me = "alice"
        let frame = Self.render(state, glyphs: .ascii)
        let text = frame.lines().joined(separator: "\n")
        // Everything the dashboard itself draws is ASCII; only TEAM's own text (names, titles) is not.
        var teamScalars = Set<Unicode.Scalar>(["\u{FFFD}"])
        for m in state.snapshot.members { teamScalars.formUnion(m.name.unicodeScalars) }
        for t in state.snapshot.board.tasks.values { teamScalars.formUnion(t.title.unicodeScalars) }
        let foreign = text.unicodeScalars.filter { $0.value > 0x7E && !teamScalars.contains($0) }
        #expect(foreign.isEmpty, "non-ASCII drawn: \(String(String.UnicodeScalarView(foreign)))")
        #expect(text.contains("+") && text.contains("|"))
    }

    /// Timeline blocks must not look like a pane's border, or a full row runs into the frame.
    @Test func asciiTimelineGlyphsDifferFromBorders() {
        let g = Glyphs.ascii
        let borders = Set([g.box, g.focusBox].flatMap { [$0.horizontal, $0.vertical, $0.topLeft, $0.topRight, $0.bottomLeft, $0.bottomRight] }.map(String.init))
        for glyph in [g.bar, g.gap, g.offBar, g.overlapBar, g.nowMarker] where glyph != g.nowMarker {
            #expect(!borders.contains(glyph), "timeline glyph '\(glyph)' is also a border character")
        }
    }

    @Test func tooSmallShowsANote() throws {
        let frame = Self.render(try Fixture.state(width: 30, height: 10))
        let text = frame.lines().joined(separator: " ")
        #expect(text.contains("at least 40×12"))
        #expect(text.contains("30×10"))
        SnapshotAssert.check(frame.lines().joined(separator: "\n"), named: "30x10-too-small")
    }
}
