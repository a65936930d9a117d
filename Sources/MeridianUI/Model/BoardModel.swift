import Foundation
import MeridianKit

/// The board as the Board pane shows it: every column of team.toml with its tasks in display order
/// (priority, then creation), narrowed by the filter; WIP state counts every task, filtered or not.
public struct BoardModel: Sendable {
    /// One column.
    public struct Column: Sendable {
        public var name: String
        public var tasks: TaskList
        /// Tasks in the column before filtering.
        public var total: Int
        public var wipLimit: Int?
        public var overLimit: Bool { wipLimit.map { total > $0 } ?? false }
    }

    public var columns: [Column]

    public init(snapshot: TeamSnapshot, filter: String) {
        let board = snapshot.board
        let names = board.columns
        // One bucket per distinct column name; a task in an unknown column shows in the first.
        var bucketOf: [String: Int] = [:]
        for name in names where bucketOf[name] == nil { bucketOf[name] = bucketOf.count }
        let query = TaskFilter(filter, snapshot: snapshot)
        var totals = Array(repeating: 0, count: bucketOf.count)
        // Sort keys of the shown tasks: priority rank, then creation (BoardState's display order).
        // Only keys and ids are collected; tasks stay in the table (no copy of 20,000 tasks).
        var keys: [(key: UInt64, bucket: Int32, id: String)] = []
        keys.reserveCapacity(board.tasks.count)
        if !names.isEmpty {
            for (id, task) in board.tasks {
                let bucket = bucketOf[task.column] ?? 0
                totals[bucket] += 1
                guard query.isEmpty || query.matches(task) else { continue }
                keys.append((UInt64(Self.rank(task.priority)) << 56 | UInt64(truncatingIfNeeded: task.creationIndex), Int32(bucket), id))
            }
        }
        keys.sort { $0.key < $1.key }
        var shown = Array(repeating: [String](), count: bucketOf.count)
        for k in keys { shown[Int(k.bucket)].append(k.id) }
        columns = names.map { name in
            let bucket = bucketOf[name]!
            return Column(name: name, tasks: TaskList(table: board.tasks, ids: shown[bucket]), total: totals[bucket], wipLimit: snapshot.settings.wipLimits[name])
        }
    }

    /// Urgent first, as `Priority`'s order.
    static func rank(_ p: Priority) -> Int {
        switch p {
        case .urgent: return 0
        case .high: return 1
        case .normal: return 2
        case .low: return 3
        }
    }

    /// Column and row of a task, if it is shown.
    public func locate(_ id: String) -> (column: Int, row: Int)? {
        for (c, column) in columns.enumerated() {
            if let r = column.tasks.ids.firstIndex(of: id) { return (c, r) }
        }
        return nil
    }

    /// The first shown task in board order (left column first), if any.
    public var firstMatch: (column: Int, row: Int)? {
        for (c, column) in columns.enumerated() where !column.tasks.isEmpty { return (c, 0) }
        return nil
    }

    public func task(column: Int, row: Int) -> BoardTask? {
        guard columns.indices.contains(column), columns[column].tasks.indices.contains(row) else { return nil }
        return columns[column].tasks[row]
    }
}

/// `/` filtering: every word must appear (case-insensitively) in the task's id, title, labels,
/// priority, holder (id or name) or notes.
public struct TaskFilter: Sendable {
    let words: [String]
    let names: [String: String]

    public init(_ text: String, snapshot: TeamSnapshot) {
        words = text.lowercased().split(whereSeparator: { $0 == " " }).map(String.init)
        names = Dictionary(snapshot.members.map { ($0.id, $0.name.lowercased()) }, uniquingKeysWith: { a, _ in a })
    }

    public var isEmpty: Bool { words.isEmpty }

    public func matches(_ task: BoardTask) -> Bool {
        guard !words.isEmpty else { return true }
        var haystack = [task.id.lowercased(), task.title.lowercased(), task.priority.rawValue]
        haystack += task.labels.map { $0.lowercased() }
        if let holder = task.holder {
            haystack.append(holder.lowercased())
            if let name = names[holder] { haystack.append(name) }
        }
        if let notes = task.notes { haystack.append(notes.lowercased()) }
        return words.allSatisfy { word in haystack.contains { $0.contains(word) } }
    }
}
