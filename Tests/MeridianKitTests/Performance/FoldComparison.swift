@testable import MeridianKit

/// A team's journals folded two ways, for tests that hold the two-core fold to the plain one:
/// `ParallelFold.fold` and `TeamState.apply` one event at a time, over the same merge.
struct FoldComparison {
    let snapshot: TeamSnapshot
    let parallel: TeamState
    let oneAtATime: TeamState

    init(teamPath: String) throws {
        let store = JournalStore(teamPath: teamPath)
        store.refresh()
        snapshot = try Team(path: teamPath).snapshot
        let logs = store.logs, files = store.filePaths
        let columns = snapshot.settings.columns, rotations = Set(snapshot.rotations.map(\.id))
        (parallel, oneAtATime) = withExtendedLifetime(logs) {
            let views = logs.map(\.view)
            let merged = EventMerge.merge(views) { l, i in Team.lineBytes(teamPath: teamPath, file: files[l], views[l].records[i]) }
            var one = TeamState(columns: columns, rotations: rotations)
            for r in merged.refs { one.apply(views[Int(r.list)].records[Int(r.index)], in: views[Int(r.list)], file: files[Int(r.list)]) }
            return (ParallelFold.fold(merged, views, files: files, columns: columns, rotations: rotations), one)
        }
    }

    /// A fold's state as the snapshot dump shows it (config from the loaded snapshot).
    func dump(_ s: TeamState) -> String {
        SnapshotDump.text(TeamSnapshot(path: snapshot.path, settings: snapshot.settings, members: snapshot.members, rotations: snapshot.rotations,
                                       state: s, problems: s.problems.sorted()))
    }
}
