import Foundation
import MeridianKit
import MeridianTerminal
@testable import MeridianUI
import Testing

/// View data kept in the state (`DerivedViews`) is only a cache: a frame drawn with it must be the
/// frame drawn from scratch, after any action and after fields are set behind `update`'s back.
@Suite struct DerivedViewsTests {
    static let style = RenderStyle(theme: .default, glyphs: .unicode)

    /// The frame with the kept view data, and the frame with none (every part derived afresh).
    static func frames(_ state: AppState) -> (kept: FrameBuffer, fresh: FrameBuffer) {
        var cold = state
        cold.derived = DerivedViews()
        return (Screen.render(state, style: style), Screen.render(cold, style: style))
    }

    /// Expects both frames to be equal, naming the first row that differs (text or style).
    static func expectSameFrames(_ state: AppState, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let (kept, fresh) = frames(state)
        let same = kept == fresh
        let row = (0..<kept.height).first { y in (0..<kept.width).contains { kept[$0, y] != fresh[$0, y] } }
        #expect(same, "\(what): row \(row.map(String.init) ?? "?") differs:\n\(row.map { kept.lines()[$0] } ?? "")\n\(row.map { fresh.lines()[$0] } ?? "")",
                sourceLocation: sourceLocation)
    }

    @Test func everyActionGivesTheFrameAFreshDerivationWould() throws {
        var s = try Fixture.state(width: 200, height: 60)
        let snapshot = s.snapshot
        let actions: [Action] = [
            .key(.char("3")), .key(.char("j")), .key(.char("j")), .key(.char("l")),
            .key(.char("/")), .key(.char("b")), .key(.char("o")), .key(.enter),
            .key(.char("]")), .key(.char("]")), .key(.char("]")), .key(.char("[")),
            .key(.escape), .key(.char("1")), .key(.char("j")), .key(.char("j")),
            .resize(width: 80, height: 24), .key(.char("2")), .resize(width: 120, height: 40),
            .tick(Fixture.now.addingTimeInterval(61)), .tick(Fixture.now.addingTimeInterval(11 * 3600)),
            .teamChanged(snapshot), .key(.char("4")), .key(.char("j")), .key(.char("t")),
            .resize(width: 200, height: 60),
        ]
        for (i, action) in actions.enumerated() {
            _ = Update.update(&s, action)
            Self.expectSameFrames(s, "after action \(i): \(action)")
        }
    }

    @Test func keptDataIsNotUsedOnceItsInputsChangeBehindUpdate() throws {
        var s = try Fixture.state(width: 200, height: 60)
        _ = Update.update(&s, .key(.char("3")))
        // Each change bypasses `update`, so nothing is re-derived: the views must notice.
        s.filter = "bob"
        Self.expectSameFrames(s, "filter set")
        s.filter = ""
        s.clock = Fixture.now.addingTimeInterval(9 * 3600 + 17 * 60)
        Self.expectSameFrames(s, "clock set")
        s.me = "bob"
        Self.expectSameFrames(s, "viewer set")
        s.clocksRow = s.snapshot.members.count - 1
        Self.expectSameFrames(s, "clocks row set")
        let generation = s.snapshotGeneration
        let same = s.snapshot
        s.snapshot = same
        #expect(s.snapshotGeneration != generation)
        Self.expectSameFrames(s, "snapshot set")
    }

    @Test func boardColumnsKeepTheBoardsDisplayOrder() throws {
        let snapshot = try Fixture.snapshot()
        let model = BoardModel(snapshot: snapshot, filter: "")
        #expect(model.columns.map(\.name) == snapshot.board.columns)
        for column in model.columns {
            // MeridianKit's own order (priority, then creation), tasks in unknown columns in the first.
            #expect(Array(column.tasks.ids) == snapshot.board.tasks(in: column.name).map(\.id), "\(column.name)")
            #expect(column.total == column.tasks.count)
            #expect(column.tasks.map(\.id) == Array(column.tasks.ids))
        }
        #expect(model.columns.reduce(0) { $0 + $1.total } == snapshot.board.tasks.count)
        // A filter keeps that order and the unfiltered totals.
        let filtered = BoardModel(snapshot: snapshot, filter: "t-")
        for (all, some) in zip(model.columns, filtered.columns) {
            #expect(some.total == all.total)
            #expect(Array(some.tasks.ids) == all.tasks.ids.filter { Set(some.tasks.ids).contains($0) })
        }
    }
}
