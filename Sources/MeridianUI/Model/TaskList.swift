import MeridianKit

/// A board column's shown tasks in display order: their ids, with each task read from the
/// snapshot's task table only when accessed — deriving a column copies no task, and a frame reads
/// only the rows it draws.
public struct TaskList: RandomAccessCollection, Sendable {
    let table: TaskTable
    /// The tasks' ids, in display order.
    public let ids: [String]

    init(table: TaskTable, ids: [String]) {
        self.table = table
        self.ids = ids
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }

    /// Every id comes from `table`, so the task is always there.
    public subscript(position: Int) -> BoardTask { table[ids[position]]! }
}
