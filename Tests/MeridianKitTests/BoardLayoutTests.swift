import Foundation
import Testing
@testable import MeridianKit

/// `BoardState.layout` (tasks lent in place, for reports) against the plain reads it replaces:
/// `columns.map(tasks(in:))`.
@Suite struct BoardLayoutTests {
    static func columnsByPlainRead(_ board: BoardState) -> [[String]] {
        board.columns.map { board.tasks(in: $0).map(\.id) }
    }

    static func columnsByLayout(_ board: BoardState) -> [[String]] {
        let layout = board.layout
        return layout.columns.map { $0.map { layout.withTask($0) { $0.id } } }
    }

    @Test func generatedTeamLaysOutLikeTasksInColumn() throws {
        let dir = NSTemporaryDirectory() + "meridian-layout-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try BigTeamGenerator(config: .scaled(down: 20)).write(to: dir)
        let board = try Team(path: dir).snapshot.board
        #expect(board.tasks.count > 500)
        let plain = Self.columnsByPlainRead(board)
        #expect(Self.columnsByLayout(board) == plain)
        #expect(plain.filter { !$0.isEmpty }.count > 2, "several columns hold tasks")
        #expect(board.layout.columns.map(\.count).reduce(0, +) == board.tasks.count)
    }

    /// Tasks in an unknown column show in the first; priority beats creation order; an empty
    /// column stays empty.
    @Test func unknownColumnsAndPriorities() throws {
        let team = HostileTeam("layout")
        team.write("team.toml", "name = \"L\"\ncolumns = [\"Todo\", \"Doing\", \"Done\"]\n")
        func create(_ id: String, _ lc: Int64, column: String, priority: String) -> String {
            Lines.event(id: "c-\(id)", lc: lc, [("task", .string(id)), ("title", .string(id)), ("column", .string(column)), ("priority", .string(priority))])
        }
        let lines = [
            create("T1", 1, column: "Todo", priority: "low"),
            create("T2", 2, column: "Nowhere", priority: "urgent"),
            create("T3", 3, column: "Doing", priority: "normal"),
            create("T4", 4, column: "Todo", priority: "high"),
            create("T5", 5, column: "Elsewhere", priority: "low"),
            create("T6", 6, column: "Doing", priority: "urgent"),
        ]
        team.write("journal/alice/lap.jsonl", lines.joined(separator: "\n") + "\n")
        let board = try #require(team.load()).board
        let expected = [["T2", "T4", "T1", "T5"], ["T6", "T3"], []]
        #expect(Self.columnsByPlainRead(board) == expected)
        #expect(Self.columnsByLayout(board) == expected)
    }
}
