import Foundation
import MeridianKit
import MeridianTerminal
@testable import MeridianUI
import Testing

/// Layout thresholds and the one key table.
@Suite struct LayoutAndKeyMapTests {
    @Test func layoutKindsByThreshold() {
        #expect(Layout.compute(width: 120, height: 36, focus: .clocks).kind == .grid)
        #expect(Layout.compute(width: 119, height: 36, focus: .clocks).kind == .tabbed)
        #expect(Layout.compute(width: 120, height: 35, focus: .clocks).kind == .tabbed)
        #expect(Layout.compute(width: 40, height: 12, focus: .clocks).kind == .tabbed)
        #expect(Layout.compute(width: 39, height: 12, focus: .clocks).kind == .tooSmall)
        #expect(Layout.compute(width: 40, height: 11, focus: .clocks).kind == .tooSmall)
        #expect(Layout.compute(width: 0, height: 0, focus: .clocks).kind == .tooSmall)
    }

    @Test(arguments: [(120, 36), (200, 60), (333, 100)])
    func gridPanesTileTheBodyWithoutOverlap(width: Int, height: Int) {
        let layout = Layout.compute(width: width, height: height, focus: .board)
        #expect(layout.panes.count == 4)
        let rects = Array(layout.panes.values)
        #expect(rects.reduce(0) { $0 + $1.area } == width * (height - 3))
        for i in rects.indices { for j in rects.indices where i < j { #expect(rects[i].intersection(rects[j]).isEmpty) } }
    }

    @Test func tabbedShowsTheFocusedPane() {
        for pane in Pane.allCases {
            let layout = Layout.compute(width: 80, height: 24, focus: pane)
            #expect(Array(layout.panes.keys) == [pane])
            #expect(layout.tabs().map(\.pane) == Pane.allCases)
        }
    }

    @Test func everySpecKeyIsBound() {
        let expected: [(KeyEvent, Command)] = [
            (.tab, .focusNext), (.backTab, .focusPrevious), (.char("1"), .focus(.clocks)), (.char("2"), .focus(.timeline)),
            (.char("3"), .focus(.board)), (.char("4"), .focus(.oncall)), (.up, .moveUp), (.char("k"), .moveUp),
            (.down, .moveDown), (.char("j"), .moveDown), (.left, .moveLeft), (.char("h"), .moveLeft),
            (.right, .moveRight), (.char("l"), .moveRight), (.char("/"), .filter), (.char("c"), .claim),
            (.char("r"), .release), (.char("<"), .moveTaskLeft), (.char(">"), .moveTaskRight), (.char("n"), .newTask),
            (.enter, .details), (.char("["), .scrubBack), (.char("]"), .scrubForward), (.char("t"), .scrubNow),
            (.char("?"), .help), (.char("q"), .quit), (.escape, .clear),
        ]
        for (key, command) in expected { #expect(KeyMap.command(for: key) == command, "\(key)") }
    }

    @Test func noKeyIsBoundTwice() {
        var seen: [KeyEvent] = []
        for binding in KeyMap.bindings { for (key, _) in binding.keys { #expect(!seen.contains(key), "\(key) bound twice"); seen.append(key) } }
    }

    @Test func footerHelpAndReadmeComeFromTheTable() {
        let table = KeyMap.markdownTable()
        for binding in KeyMap.bindings { #expect(table.contains(binding.description)) }
        #expect(table.split(separator: "\n").count == KeyMap.bindings.count + 2)
        let help = HelpOverlay.lines().map(\.keys)
        for binding in KeyMap.bindings { #expect(help.contains(binding.label)) }
        #expect(Screen.footerHints(width: 200) == KeyMap.hints)
        let narrow = Screen.footerHints(width: 60)
        #expect(narrow.suffix(2) == ["? help", "q quit"])
    }

    /// The README's key table is the one KeyMap generates (one table feeds footer, help and docs).
    @Test func readmeListsExactlyTheKeyMap() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(KeyMap.markdownTable()), "README's key table differs from KeyMap: regenerate it with README_KEYS=path swift test --filter readmeSection")
    }

    /// `README_KEYS=path swift test --filter readmeSection` writes the README's key section.
    @Test func readmeSection() throws {
        guard let path = ProcessInfo.processInfo.environment["README_KEYS"], !path.isEmpty else { return }
        try KeyMap.markdownTable().write(toFile: path, atomically: true, encoding: .utf8)
    }
}
