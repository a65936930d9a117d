import Foundation

/// Every journal file under `TEAM/journal/` (any depth; dot files, temp files and symlinks
/// skipped), read incrementally: a refresh reads only bytes appended since the last one.
public final class JournalStore {
    public let teamPath: String
    /// The journal files read, relative to TEAM, in path order, and what has been read of each.
    private var order: [String] = []
    private var states: [JournalFileState] = []
    /// Problems about the tree itself (symlinks, FIFOs, unreadable files).
    private var treeProblems: [Problem] = []

    public static let maxDepth = 16
    public static let maxFiles = 100_000

    /// Whether a large refresh may read files on several threads (the result is the same either way).
    public let parallelRead: Bool

    /// Where decoded files are kept between runs (nil: no cache).
    public let cache: JournalCache?

    public init(teamPath: String, parallelRead: Bool = true, cache: JournalCache? = nil) {
        self.teamPath = teamPath
        self.parallelRead = parallelRead
        self.cache = cache
    }

    /// Writes the cache entries of files read or grown since the cache was last written.
    public func saveCache() { cacheSave()?() }

    /// The cache write as it stands now, to run later on any thread (nil without a cache): it
    /// holds the files' states as they are now, so a refresh meanwhile does not change what it writes.
    func cacheSave() -> (@Sendable () -> Void)? {
        guard let cache else { return nil }
        let items = SaveItems(all: zip(order, states).map { rel, state in (rel, teamPath + "/" + rel, state) })
        return { cache.save(items.all) }
    }

    /// The files' states handed to a cache write on another thread. They are values; the logs
    /// they share with the store are only read by both sides until the store refreshes, which
    /// its owner (`Team`) does only after waiting for the write.
    private struct SaveItems: @unchecked Sendable {
        let all: [(relative: String, path: String, state: JournalFileState)]
    }

    /// What a refresh found.
    public struct Change: Sendable {
        /// Whether anything differs from the previous refresh.
        public var changed: Bool
        /// When the only change is new lines appended: where their events are (file, events),
        /// possibly none.
        var appended: [(file: Int, events: Range<Int>)]?
        /// The files' logs and paths as the refresh left them.
        let logs: [EventLog]
        let files: [String]
        let teamPath: String

        /// When the only change is new lines appended: the events they hold (possibly empty).
        public var appendedOnly: [JournalEvent]? {
            appended.map { $0.flatMap { a in
                a.events.map { i in
                    let hash = JournalStore.lineHash(teamPath: teamPath, file: files[a.file], logs[a.file].records[i])
                    return logs[a.file].event(i, file: files[a.file], contentHash: hash)
                }
            } }
        }
    }

    /// Re-reads the tree, reading only what is new.
    @discardableResult
    public func refresh() -> Change {
        let walk = JournalTree.walk(teamPath: teamPath, maxDepth: Self.maxDepth, maxFiles: Self.maxFiles)
        let found = walk.files
        var tree = walk.problems
        let seen = found.map(\.0)
        var changed = tree != treeProblems || seen != order
        var onlyAppends = seen == order
        var appended: [(file: Int, events: Range<Int>)] = []
        if seen != order {
            // Files came or went: line the states up with the new list (a new file starts empty).
            var was: [String: Int] = [:]
            for (k, rel) in order.enumerated() { was[rel] = k }
            states = seen.map { rel in was[rel].map { states[$0] } ?? JournalFileState() }
            order = seen
        }
        let outcomes = readAll(infos: found.map(\.1))
        for (k, rel) in seen.enumerated() {
            switch outcomes[k] {
            case .unchanged:
                break
            case .appended(let range):
                if !range.isEmpty { appended.append((k, range)) }
                changed = true
            case .replaced:
                changed = true
                onlyAppends = false
            case .unreadable(let why):
                tree.append(Problem(file: rel, message: "cannot read journal: \(why)"))
                changed = true
                onlyAppends = false
            }
        }
        treeProblems = tree
        return Change(changed: changed, appended: changed && onlyAppends ? appended : (changed ? nil : []), logs: logs, files: order,
                      teamPath: teamPath)
    }

    /// Brings every file's state up to date, in place. Files are independent, so when there is a
    /// lot to read (a cold start) they are read and decoded on all cores: one worker per core,
    /// each taking the next file (biggest first) and reusing its own buffers from file to file;
    /// small refreshes stay on this thread.
    private func readAll(infos: [SafeFiles.Info]) -> [JournalFileReader.Outcome] {
        let paths = order
        let cache = self.cache
        let team = teamPath
        /// Reads file `k` (from its cache entry first, when it is seen for the first time and one is valid).
        @Sendable func read(_ state: inout JournalFileState, _ k: Int, room: JournalReadRoom) -> JournalFileReader.Outcome {
            let path = team + "/" + paths[k]
            if state.inode == 0, let cache, let cached = cache.load(relative: paths[k], path: path, info: infos[k], room: room) { state = cached }
            return JournalFileReader.update(&state, path: path, relative: paths[k], info: infos[k], room: room)
        }
        var outcomes = [JournalFileReader.Outcome](repeating: .unchanged, count: paths.count)
        var pending = 0
        for k in paths.indices { pending += max(0, infos[k].size - states[k].consumed) }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if parallelRead, pending >= Self.parallelReadBytes, paths.count > 1, cores > 1 {
            // Biggest first: the last files taken are small, so the workers finish together.
            let queue = paths.indices.sorted { infos[$0].size - states[$0].consumed > infos[$1].size - states[$1].consumed }
            let next = WorkCounter()
            states.withUnsafeMutableBufferPointer { s in
                outcomes.withUnsafeMutableBufferPointer { o in
                    let slots = Slots(states: s, outcomes: o)
                    DispatchQueue.concurrentPerform(iterations: min(cores, paths.count)) { _ in
                        let room = JournalReadRoom()
                        while let i = next.take(below: queue.count) {
                            let k = queue[i]
                            slots.outcomes[k] = read(&slots.states[k], k, room: room)
                        }
                    }
                }
            }
        } else {
            let room = JournalReadRoom()
            for k in paths.indices { outcomes[k] = read(&states[k], k, room: room) }
        }
        return outcomes
    }

    /// Below this many new bytes a refresh reads on the calling thread.
    static let parallelReadBytes = 1 << 20

    /// Each worker writes only the slots `k` of the files it took.
    private struct Slots: @unchecked Sendable {
        let states: UnsafeMutableBufferPointer<JournalFileState>
        let outcomes: UnsafeMutableBufferPointer<JournalFileReader.Outcome>
    }

    /// All events of all files (duplicates included), file by file in path order.
    public var rawEvents: [JournalEvent] { eventLists.flatMap { $0 } }

    /// Each file's events (duplicates included), in path order.
    public var eventLists: [[JournalEvent]] {
        zip(order, states).map { rel, state in state.log.events(file: rel) { Self.lineHash(teamPath: teamPath, file: rel, $0) } }
    }

    /// `JournalBytes.hash` of an event's line, read again from its file (of no bytes if it cannot be read).
    static func lineHash(teamPath: String, file: String, _ r: EventRecord) -> UInt64 {
        Team.lineBytes(teamPath: teamPath, file: file, r).withUnsafeBufferPointer { JournalBytes.hash($0) }
    }

    /// Each file's decoded events, in path order (the logs themselves, not copies).
    var logs: [EventLog] { states.map(\.log) }

    /// Problems found in lines and in the tree.
    public var problems: [Problem] {
        var out = treeProblems
        for state in states { out.append(contentsOf: state.problems) }
        return out
    }

    /// The journal files read, relative to TEAM.
    public var filePaths: [String] { order }
}
