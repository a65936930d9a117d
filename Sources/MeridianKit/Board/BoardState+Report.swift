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
        // Unknown columns show in the first one (`displayColumn`).
        let group = tasks.map { firstIndex[$0.column] ?? 0 }
        var order = Array(tasks.indices)
        order.sort { a, b in
            if group[a] != group[b] { return group[a] < group[b] }
            if tasks[a].priority != tasks[b].priority { return tasks[a].priority < tasks[b].priority }
            return tasks[a].creationIndex < tasks[b].creationIndex
        }
        var byGroup = Array(repeating: [Int](), count: columns.count)
        for slot in order { byGroup[group[slot]].append(slot) }
        return BoardLayout(tasks: tasks, columns: columns.map { byGroup[firstIndex[$0] ?? 0] })
    }
}
