/// A live team directory: loads a snapshot and keeps it current by reading only what changed.
/// Not thread-safe; use from one task. The snapshot it hands out is an immutable value.
public final class Team {
    public let path: String
    private let journal: JournalStore
    private var config: TeamConfigLoader.Config
    /// Parsed config files, so a reload parses only the ones that changed.
    private let configCache = ConfigParseCache()
    private var state: TeamState
    private var mergeProblems: [Problem] = []
    /// Ids of the merged events, so an appended duplicate forces a full merge.
    private var ids: Set<String> = []
    public private(set) var snapshot: TeamSnapshot

    /// Opens TEAM and reads everything; throws only when TEAM is not a team directory.
    /// With a `cache`, journal files start from their cached decoded events (only bytes written
    /// since are parsed) and the cache is brought up to date afterwards; answers are the same.
    public init(path: String, cache: JournalCache? = nil) throws(TeamError) {
        self.path = path
        config = try TeamConfigLoader.load(teamPath: path, cache: configCache)
        journal = JournalStore(teamPath: path, cache: cache)
        journal.refresh()
        state = TeamState(columns: config.settings.columns, rotations: Set(config.rotations.map(\.id)))
        snapshot = TeamSnapshot(path: path, settings: config.settings, members: [], rotations: [], state: state, problems: [])
        refold()
        journal.saveCache()
    }

    /// Writes the journal cache entries of files that grew since it was last written (no-op without a cache).
    public func saveCache() { journal.saveCache() }

    /// Re-reads TEAM; returns true when the snapshot changed. Appended events that sort after
    /// everything read are applied on their own; anything else re-folds the journals.
    @discardableResult
    public func reload(configChanged: Bool = true) throws(TeamError) -> Bool {
        var changed = false
        if configChanged {
            let fresh = try TeamConfigLoader.load(teamPath: path, cache: configCache)
            if fresh.settings != config.settings || fresh.members != config.members || fresh.rotations != config.rotations || fresh.problems != config.problems {
                config = fresh
                changed = true
            }
        }
        let change = journal.refresh()
        if !changed, let appended = change.appendedOnly, appended.allSatisfy({ state.canAppend($0) && !ids.contains($0.id) }),
           Set(appended.map(\.id)).count == appended.count {
            if appended.isEmpty {
                // Only bad lines (or nothing) were appended: their problems still need publishing.
                guard change.changed else { return false }
                publish()
                return true
            }
            for e in appended.sorted(by: JournalEvent.precedes) {
                state.apply(e)
                ids.insert(e.id)
            }
            publish()
            return true
        }
        if changed || change.changed {
            refold()
            return true
        }
        return false
    }

    private func refold() {
        let lists = journal.eventLists
        let merged = EventMerge.order(lists, lineBytes: { [path] src in Self.lineBytes(teamPath: path, src) })
        // Drop the old fold first so two full states never live at once.
        state = TeamState(columns: config.settings.columns, rotations: Set(config.rotations.map(\.id)))
        snapshot.state = state
        var s = state
        for r in merged.refs { s.apply(lists[Int(r.list)][Int(r.index)]) }
        state = s
        ids = merged.ids
        mergeProblems = merged.problems
        publish()
    }

    private func publish() {
        let problems = (config.problems + journal.problems + mergeProblems + state.problems).sorted()
        snapshot = TeamSnapshot(path: path, settings: config.settings, members: config.members, rotations: config.rotations, state: state, problems: problems)
    }

    static func lineBytes(teamPath: String, _ src: EventSource) -> [UInt8] {
        guard case .success(let bytes) = SafeFiles.read(teamPath + "/" + src.file, offset: src.offset, length: src.length),
              bytes.count == src.length else { return [] }
        return bytes
    }
}
