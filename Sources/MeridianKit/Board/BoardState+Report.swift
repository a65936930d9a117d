/// The live tasks laid out as the board shows them, for reports that walk every column: each
/// task is copied once (`orderedTasks` then grouping copies it three times).
public struct BoardLayout {
    /// The live tasks, in no particular order.
    public let tasks: [BoardTask]
    /// For each of the board's `columns` (same order), the positions in `tasks` of the tasks it
    /// shows, by priority (urgent first) then creation: what `tasks(in:)` returns.
    public let columns: [[Int]]
}

extension BoardState {
    /// Every column's tasks in display order, as `columns.map(tasks(in:))` without the copies.
    public var layout: BoardLayout {
        let tasks = self.tasks.values
        // A repeated column name shares its first occurrence's tasks, as `tasks(in:)` does.
        let buckets = ColumnBuckets(columns)
        var byBucket = Array(repeating: [(key: UInt64, slot: Int)](), count: buckets.count)
        for slot in tasks.indices {
            let t = tasks[slot]
            byBucket[buckets.index(of: t.column)].append((Self.displayKey(t.priority, creation: t.creationIndex), slot))
        }
        for b in byBucket.indices { byBucket[b].sort { $0.key < $1.key } }
        return BoardLayout(tasks: tasks, columns: columns.map { byBucket[buckets.index(of: $0)].map(\.slot) })
    }
}
