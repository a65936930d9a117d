/// Every journal file under `TEAM/journal/` (any depth; dot files, temp files and symlinks
/// skipped), read incrementally: a refresh reads only bytes appended since the last one.
public final class JournalStore {
    public let teamPath: String
    private var files: [String: JournalFileState] = [:]
    private var order: [String] = []
    /// Problems about the tree itself (symlinks, FIFOs, unreadable files).
    private var treeProblems: [Problem] = []

    public static let maxDepth = 16
    public static let maxFiles = 100_000

    public init(teamPath: String) {
        self.teamPath = teamPath
    }

    /// What a refresh found.
    public struct Change: Sendable {
        /// Whether anything differs from the previous refresh.
        public var changed: Bool
        /// When the only change is new lines appended: the events they hold (possibly empty).
        public var appendedOnly: [JournalEvent]?
    }

    /// Re-reads the tree, reading only what is new.
    @discardableResult
    public func refresh() -> Change {
        var seen: [String] = []
        var tree: [Problem] = []
        walk(relative: "journal", depth: 0, into: &seen, problems: &tree)
        var changed = tree != treeProblems || seen != order
        var onlyAppends = seen == order
        var appended: [JournalEvent] = []
        var next: [String: JournalFileState] = [:]
        next.reserveCapacity(seen.count)
        for rel in seen {
            var state = files[rel] ?? JournalFileState()
            let info = SafeFiles.info(teamPath + "/" + rel)
            switch JournalFileReader.update(&state, path: teamPath + "/" + rel, relative: rel, info: info) {
            case .unchanged:
                break
            case .appended(let range):
                if files[rel] == nil { onlyAppends = false }
                appended.append(contentsOf: state.events[range])
                changed = true
            case .replaced:
                changed = true
                onlyAppends = false
            case .unreadable(let why):
                tree.append(Problem(file: rel, message: "cannot read journal: \(why)"))
                changed = true
                onlyAppends = false
            }
            next[rel] = state
        }
        files = next
        order = seen
        treeProblems = tree
        return Change(changed: changed, appendedOnly: changed && onlyAppends ? appended : (changed ? nil : []))
    }

    /// All events of all files (duplicates included), file by file in path order.
    public var rawEvents: [JournalEvent] {
        var out: [JournalEvent] = []
        out.reserveCapacity(files.values.reduce(0) { $0 + $1.events.count })
        for rel in order { out.append(contentsOf: files[rel]?.events ?? []) }
        return out
    }

    /// Problems found in lines and in the tree.
    public var problems: [Problem] {
        var out = treeProblems
        for rel in order { out.append(contentsOf: files[rel]?.problems ?? []) }
        return out
    }

    /// The journal files read, relative to TEAM.
    public var filePaths: [String] { order }

    private func walk(relative: String, depth: Int, into out: inout [String], problems: inout [Problem]) {
        let path = teamPath + "/" + relative
        guard depth <= Self.maxDepth else {
            problems.append(Problem(file: relative, message: "journal folders nested deeper than \(Self.maxDepth) levels are not read"))
            return
        }
        for name in SafeFiles.list(path) {
            if name.hasPrefix(".") { continue }
            let rel = relative + "/" + name
            let info = SafeFiles.info(teamPath + "/" + rel)
            switch info.kind {
            case .directory:
                walk(relative: rel, depth: depth + 1, into: &out, problems: &problems)
            case .file:
                if name.hasSuffix(".jsonl") {
                    if out.count < Self.maxFiles { out.append(rel) }
                }
            case .symlink:
                if name.hasSuffix(".jsonl") || !name.contains(".") {
                    problems.append(Problem(file: rel, message: "symbolic link not followed"))
                }
            case .other:
                if name.hasSuffix(".jsonl") { problems.append(Problem(file: rel, message: "not a regular file; skipped")) }
            case .missing:
                break
            }
        }
    }
}
