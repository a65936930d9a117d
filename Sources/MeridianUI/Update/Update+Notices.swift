import MeridianKit

/// Notices: one line at the foot, newest first, announcing new problems and my lost claims.
extension Update {
    static func notify(_ state: inout AppState, _ text: String, _ level: Notice.Level) {
        state.notices.insert(Notice(text, level: level), at: 0)
        trimNotices(&state)
    }

    static func trimNotices(_ state: inout AppState) {
        if state.notices.count > 20 { state.notices.removeLast(state.notices.count - 20) }
    }

    /// Lost claims of mine and new problems in TEAM make notices (a lost claim ends up on top).
    static func announce(_ state: inout AppState) {
        let snapshot = state.snapshot
        let fresh = snapshot.problems.filter { !state.seenProblems.contains($0) }
        if fresh.count == 1 && state.announced {
            notify(&state, "New problem in TEAM: \(fresh[0].description)", .warning)
        } else if !fresh.isEmpty {
            let what = state.announced ? "new problems" : (fresh.count == 1 ? "problem" : "problems")
            notify(&state, "\(fresh.count) \(what) in TEAM; run `meridian check` to list them.", .warning)
        }
        if let me = state.me {
            for conflict in snapshot.board.conflicts where conflict.member == me && !state.seenConflicts.contains(conflict.event) {
                notify(&state, "You lost the claim on \(conflict.task): \(conflict.lostTo) claimed it first.", .danger)
            }
        }
        state.seenConflicts.formUnion(snapshot.board.conflicts.map(\.event))
        state.seenProblems = Set(snapshot.problems)
        state.announced = true
    }
}
