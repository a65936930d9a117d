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
        self.init(board: snapshot.board, wipLimits: snapshot.settings.wipLimits, query: TaskFilter(filter, snapshot: snapshot))
    }

    /// One pass over the tasks. Only the fields the order needs are read from each task (into
    /// locals, so the task itself is not copied) unless a filter has to look at the whole task.
    init(board: BoardState, wipLimits: [String: Int], query: TaskFilter) {
        let names = board.columns
        let buckets = ColumnBuckets(names)
        var totals = Array(repeating: 0, count: buckets.count)
        var order = BoardOrder(capacity: query.isEmpty ? board.tasks.count : 0)
        if !names.isEmpty {
            if query.isEmpty {
                for (id, task) in board.tasks {
                    let column = task.column, priority = task.priority, creation = task.creationIndex
                    let bucket = buckets.index(of: column)
                    totals[bucket] += 1
                    order.add(id, bucket: bucket, priority: priority, creation: creation)
                }
            } else {
                for (id, task) in board.tasks {
                    let column = task.column, priority = task.priority, creation = task.creationIndex
                    let bucket = buckets.index(of: column)
                    totals[bucket] += 1
                    if query.matches(id: id, title: task.title, priority: priority, labels: task.labels, holder: task.holder, notes: task.notes) {
                        order.add(id, bucket: bucket, priority: priority, creation: creation)
                    }
                }
            }
        }
        let shown = order.columns(count: buckets.count)
        columns = names.map { name in
            let bucket = buckets.index(of: name)
            return Column(name: name, tasks: TaskList(table: board.tasks, ids: shown[bucket]), total: totals[bucket], wipLimit: wipLimits[name])
        }
    }

    /// This model narrowed by a filter that shows a subset of what it shows (`TaskFilter.narrows`),
    /// for the same board: only the tasks shown here are looked at, and their order is kept.
    func narrowed(by query: TaskFilter) -> BoardModel {
        var out = self
        for c in out.columns.indices {
            let list = columns[c].tasks
            out.columns[c].tasks = TaskList(table: list.table, ids: list.ids.filter { query.matches(list.table[$0]!) })
        }
        return out
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
