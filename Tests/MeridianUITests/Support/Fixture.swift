import Foundation
import MeridianKit
import MeridianUI

/// The fixture team and states built on it, at a fixed instant.
enum Fixture {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let teamPath = testsDirectory.appendingPathComponent("Fixtures/team").path
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    /// Thursday 2026-11-26 15:00 in Berlin.
    static let now = Instant.parse("2026-11-26T14:00:00Z")!

    static func snapshot(at path: String = teamPath) throws -> TeamSnapshot {
        try Team(path: path).snapshot
    }

    /// A state as the dashboard starts it: alice, fixture team, first snapshot announced.
    static func state(width: Int = 120, height: Int = 40, me: String? = "alice", path: String = teamPath) throws -> AppState {
        let snap = try snapshot(at: path)
        var state = AppState(snapshot: snap, me: me, fallbackZone: .utc, clock: now, width: width, height: height)
        _ = Update.update(&state, .teamChanged(snap))
        state.notices = []
        return state
    }

    /// A copy of the fixture team in a fresh temporary folder (for tests that write).
    static func copyTeam() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-ui-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: teamPath, toPath: dir.path)
        return dir.path
    }

    /// Applies keys in order and returns every effect.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: [KeyEventLike]) -> [Effect] {
        keys.flatMap { Update.update(&state, .key($0.event)) }
    }
}

import MeridianTerminal

/// Lets tests write keys as strings ("3", "/") or events.
protocol KeyEventLike { var event: KeyEvent { get } }
extension KeyEvent: KeyEventLike { var event: KeyEvent { self } }
extension String: KeyEventLike { var event: KeyEvent { .char(first!) } }

extension String {
    /// One `.char` event per character.
    var typed: [KeyEvent] { map { KeyEvent.char($0) } }
}
