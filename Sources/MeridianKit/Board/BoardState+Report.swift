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
        // team.toml's names are distinct; were one repeated, both would show its tasks, as `tasks(in:)` does.
        var firstIndex: [String: Int] = [:]
        for (i, name) in columns.enumerated() where firstIndex[name] == nil { firstIndex[name] = i }
        // Unknown columns show in the first one (`displayColumn`); within a column, the packed
        // (priority rank, creation) key of `inDisplayOrder`.
        var byGroup = Array(repeating: [(key: UInt64, slot: Int)](), count: columns.count)
        for slot in tasks.indices {
            let key = UInt64(tasks[slot].priority.rank) << 56 | UInt64(truncatingIfNeeded: tasks[slot].creationIndex)
            byGroup[firstIndex[tasks[slot].column] ?? 0].append((key, slot))
        }
        for g in byGroup.indices { byGroup[g].sort { $0.key < $1.key } }
        return BoardLayout(tasks: tasks, columns: columns.map { byGroup[firstIndex[$0] ?? 0].map(\.slot) })
    }
}
