/// The live tasks laid out as the board shows them, for reports that walk every column. It names
/// tasks by their slot in the board's table and lends each one in place: no task is copied
/// (a copy costs a retain and a release of each of its strings and arrays).
public struct BoardLayout {
    /// The board's task table (shared with the board, not copied).
    let table: TaskTable
    /// For each of the board's `columns` (same order), the slots of the tasks it shows, by
    /// priority (urgent first) then creation: what `tasks(in:)` returns.
    public let columns: [[Int]]

    /// Lends the task in `slot` (an entry of `columns`) to `body`, without copying it.
    @inline(__always)
    public func withTask<R>(_ slot: Int, _ body: (BoardTask) -> R) -> R { table.withLiveTask(slot: slot, body) }
}

extension BoardState {
    /// Every column's tasks in display order, as `columns.map(tasks(in:))` without the copies.
    public var layout: BoardLayout {
        // A repeated column name shares its first occurrence's tasks, as `tasks(in:)` does.
        let buckets = ColumnBuckets(columns)
        var byBucket = Array(repeating: [(key: UInt64, slot: Int)](), count: buckets.count)
        tasks.forEachLive { slot, t in
            byBucket[buckets.index(of: t.column)].append((Self.displayKey(t.priority, creation: t.creationIndex), slot))
        }
        for b in byBucket.indices { byBucket[b].sort { $0.key < $1.key } }
        return BoardLayout(table: tasks, columns: columns.map { byBucket[buckets.index(of: $0)].map(\.slot) })
    }
}
