import Foundation

/// A live team directory: loads a snapshot and keeps it current by reading only what changed.
/// Not thread-safe; use from one task. The snapshot it hands out is an immutable value.
public final class Team {
    public let path: String
    private let journal: JournalStore
    private var config: TeamConfigLoader.Config
    /// Parsed config files, so a reload parses only the ones that changed.
    private let configCache: ConfigParseCache
    private var state: TeamState
    private var mergeProblems: [Problem] = []
    /// Fingerprints of the merged events' ids, so an appended duplicate forces a full merge.
    /// Made on the first append after a fold (a one-shot load never needs it).
    private var ids: IDFingerprints?
    public private(set) var snapshot: TeamSnapshot
    /// A journal cache write still running on another thread (see `init(path:cache:saveCacheInBackground:timing:)`).
    private var pendingCacheSave: DispatchGroup?

    /// The steps of a load, for `init(path:cache:timing:)` to report.
    public enum LoadPhase: String, Sendable, CaseIterable {
        /// team.toml, members/, oncall/: parsed while the journals are read; this is the wait for
        /// it once they are.
        case config
        /// Reading and decoding the journal files (or their cache entries).
        case read
        /// De-duplicating and ordering the events (SPEC §1 merge rule).
        case merge
        /// Folding the events into board, presence and overrides, and publishing the snapshot.
        case fold
        /// Writing the journal cache.
        case saveCache
    }

    /// Opens TEAM and reads everything; throws only when TEAM is not a team directory.
    /// With a `cache`, journal files start from their cached decoded events (only bytes written
    /// since are parsed) and the cache is brought up to date afterwards; answers are the same.
    /// With `saveCacheInBackground`, that write runs on another thread while the journals are
    /// merged and folded (and the caller works with the snapshot); `finishCacheSave()` waits for
    /// it, as does the next reload. `timing`, when given, runs each step of the load (so a
    /// benchmark can time it).
    public init(path: String, cache: JournalCache? = nil, saveCacheInBackground: Bool = false,
                timing: ((LoadPhase, () -> Void) -> Void)? = nil) throws(TeamError) {
        let run = timing ?? { _, step in step() }
        self.path = path
        let journal = JournalStore(teamPath: path, cache: cache)
        self.journal = journal
        // team.toml, members/ and oncall/ are parsed on another thread while the journals are read.
        let configLoad = ConfigLoad(path: path, cache: ConfigParseCache())
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { configLoad.run() }
        run(.read) { journal.refresh() }
        run(.config) { group.wait() }
        guard let loaded = configLoad.result else { preconditionFailure("the config load did not run") }
        config = try loaded.get()
        // Only for a team directory (the line above throws for anything else), so no write is
        // left running behind a failed open.
        if saveCacheInBackground, let save = journal.cacheSave() {
            let saving = DispatchGroup()
            DispatchQueue.global().async(group: saving, execute: save)
            pendingCacheSave = saving
        }
        configCache = configLoad.cache
        state = TeamState(columns: config.settings.columns, rotations: Set(config.rotations.map(\.id)))
        snapshot = TeamSnapshot(path: path, settings: config.settings, members: [], rotations: [], state: state, problems: [])
        refold(run)
        if !saveCacheInBackground { run(.saveCache) { journal.saveCache() } }
    }

    deinit { finishCacheSave() }

    /// Waits for a journal cache write started in the background by `init`, if one still runs.
    public func finishCacheSave() {
        pendingCacheSave?.wait()
        pendingCacheSave = nil
    }

    /// Loads the config on another thread; `result` is read after the group it ran in is waited for.
    private final class ConfigLoad: @unchecked Sendable {
        let path: String
        let cache: ConfigParseCache
        var result: Result<TeamConfigLoader.Config, TeamError>?

        init(path: String, cache: ConfigParseCache) {
            self.path = path
            self.cache = cache
        }

        func run() { result = Result { () throws(TeamError) in try TeamConfigLoader.load(teamPath: path, cache: cache) } }
    }

    /// Writes the journal cache entries of files that grew since it was last written (no-op without a cache).
    public func saveCache() {
        finishCacheSave()
        journal.saveCache()
    }

    /// Re-reads TEAM; returns true when the snapshot changed. Appended events that sort after
    /// everything read are applied on their own; anything else re-folds the journals.
    @discardableResult
    public func reload(configChanged: Bool = true) throws(TeamError) -> Bool {
        finishCacheSave()
        var changed = false
        if configChanged {
            let fresh = try TeamConfigLoader.load(teamPath: path, cache: configCache)
            if fresh.settings != config.settings || fresh.members != config.members || fresh.rotations != config.rotations || fresh.problems != config.problems {
                config = fresh
                changed = true
            }
        }
        let change = journal.refresh()
        if !changed, let appended = change.appended {
            if appended.isEmpty {
                // Only bad lines (or nothing) were appended: their problems still need publishing.
                guard change.changed else { return false }
                publish()
                return true
            }
            if applyAppended(appended, logs: change.logs, files: change.files) { return true }
        }
        if changed || change.changed {
            refold { _, step in step() }
            return true
        }
        return false
    }

    /// Applies appended events on their own when they all sort after everything applied and
    /// bring new ids; false (nothing applied) when they need the full merge instead.
    private func applyAppended(_ appended: [(file: Int, events: Range<Int>)], logs: [EventLog], files: [String]) -> Bool {
        withExtendedLifetime(logs) {
            let views = logs.map(\.view)
            var known = ids ?? Self.fingerprints(views, except: appended)
            var items: [(file: Int, index: Int, event: JournalEvent)] = []
            for a in appended {
                for i in a.events { items.append((a.file, i, views[a.file].event(i, file: files[a.file]))) }
            }
            var fresh = Set<String>()
            for item in items {
                let fingerprint = views[item.file].idFingerprint(views[item.file].records[item.index])
                guard state.canAppend(item.event), !known.contains(fingerprint), fresh.insert(item.event.id).inserted else { return false }
            }
            items.sort { JournalEvent.precedes($0.event, $1.event) }
            for item in items {
                let log = views[item.file]
                let r = log.records[item.index]
                state.apply(r, in: log, file: files[item.file])
                state.noteLast(item.event)
                known.insert(log.idFingerprint(r))
            }
            ids = known
            publish()
            return true
        }
    }

    /// The fingerprints of every id in `logs` but the `appended` events: the ids merged so far
    /// (every event read is kept, or loses to a kept event with its id).
    private static func fingerprints(_ logs: [EventLogView], except appended: [(file: Int, events: Range<Int>)]) -> IDFingerprints {
        var set = IDFingerprints(capacity: logs.reduce(0) { $0 + $1.records.count })
        var skip = [Range<Int>?](repeating: nil, count: logs.count)
        for a in appended { skip[a.file] = a.events }
        for (l, log) in logs.enumerated() {
            let end = skip[l]?.lowerBound ?? log.records.count
            for i in 0..<end { set.insert(log.idFingerprint(log.records[i])) }
        }
        return set
    }

    private func refold(_ run: (LoadPhase, () -> Void) -> Void) {
        let logs = journal.logs
        let files = journal.filePaths
        // The logs are read through views (plain pointers); `logs` keeps them alive meanwhile.
        withExtendedLifetime(logs) {
            let views = logs.map(\.view)
            var merged = EventMerge.Merged(refs: [], losers: [])
            run(.merge) {
                merged = EventMerge.merge(views) { [path] l, i in Self.lineBytes(teamPath: path, file: files[l], views[l].records[i]) }
            }
            run(.fold) {
                // Drop the old fold first so two full states never live at once.
                let rotations = Set(config.rotations.map(\.id))
                state = TeamState(columns: config.settings.columns, rotations: rotations)
                snapshot.state = state
                var s = state
                if merged.refs.count >= ParallelFold.minimumEvents, ProcessInfo.processInfo.activeProcessorCount > 1 {
                    s = ParallelFold.fold(merged, views, files: files, columns: config.settings.columns, rotations: rotations)
                } else {
                    for r in merged.refs {
                        let log = views[Int(r.list)]
                        s.apply(log.records[Int(r.index)], in: log, file: files[Int(r.list)])
                    }
                }
                if let r = merged.refs.last { s.noteLast(views[Int(r.list)].event(Int(r.index), file: files[Int(r.list)])) }
                state = s
                ids = nil
                mergeProblems = EventMerge.problems(merged.losers.map { ref in
                    let log = views[Int(ref.list)]
                    let r = log.records[Int(ref.index)]
                    return EventMerge.Loser(file: files[Int(ref.list)], line: r.line, id: log.idString(r),
                                            bytes: Self.lineBytes(teamPath: path, file: files[Int(ref.list)], r))
                })
                publish()
            }
        }
    }

    private func publish() {
        let problems = (config.problems + journal.problems + mergeProblems + state.problems).sorted()
        snapshot = TeamSnapshot(path: path, settings: config.settings, members: config.members, rotations: config.rotations, state: state, problems: problems)
    }

    /// The bytes of an event's line, read again from its file (empty if the file changed).
    static func lineBytes(teamPath: String, file: String, _ r: EventRecord) -> [UInt8] {
        guard case .success(let bytes) = SafeFiles.read(teamPath + "/" + file, offset: r.offset, length: r.length),
              bytes.count == r.length else { return [] }
        return bytes
    }
}
