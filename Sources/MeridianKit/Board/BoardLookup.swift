/// Finds a task or column named by a user, with refusals that name the known ones (SPEC §3: exit 1).
public enum BoardLookup {
    /// The live task `query` names: its exact id, else the one id equal to it ignoring case.
    public static func task(_ query: String, in board: BoardState) throws(BoardRefusal) -> BoardTask {
        if let t = board.tasks[query] { return t }
        let folded = query.lowercased()
        let matches = board.tasks.values.filter { $0.id.lowercased() == folded }
        if matches.count == 1 { return matches[0] }
        if board.deleted.contains(query) || board.deleted.contains(where: { $0.lowercased() == folded }) {
            throw BoardRefusal("Task '\(query)' was deleted.")
        }
        let ids = board.orderedTasks.map(\.id)
        if ids.isEmpty { throw BoardRefusal("No task '\(query)': the board is empty.") }
        if ids.count <= 8 {
            throw BoardRefusal("No task '\(query)'; known tasks: \(ids.joined(separator: ", ")).")
        }
        let near = nearest(query, among: ids, count: 5)
        throw BoardRefusal("No task '\(query)'; nearest: \(near.joined(separator: ", ")) (of \(ids.count); see `meridian board`).")
    }

    /// The column `query` names: exact, else the one column equal to it ignoring case.
    public static func column(_ query: String, in board: BoardState) throws(BoardRefusal) -> String {
        if board.columns.contains(query) { return query }
        let matches = board.columns.filter { $0.lowercased() == query.lowercased() }
        if matches.count == 1 { return matches[0] }
        throw BoardRefusal("No column '\(query)'; columns are: \(board.columns.joined(separator: ", ")).")
    }

    /// The `count` ids closest to `query` by edit distance (ties: longer common prefix, then id).
    static func nearest(_ query: String, among ids: [String], count: Int) -> [String] {
        let q = Array(query.lowercased().utf8)
        var scored: [(id: String, distance: Int, prefix: Int)] = []
        for id in ids {
            let c = Array(id.lowercased().utf8)
            let prefix = zip(q, c).prefix { $0 == $1 }.count
            scored.append((id, editDistance(q, c), prefix))
        }
        scored.sort { a, b in
            if a.distance != b.distance { return a.distance < b.distance }
            if a.prefix != b.prefix { return a.prefix > b.prefix }
            return a.id < b.id
        }
        return scored.prefix(count).map(\.id)
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diag = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let up = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1))
                diag = up
            }
        }
        return row[b.count]
    }
}

/// Why a board action was refused, as one plain sentence (the CLI exits 1 with it).
public struct BoardRefusal: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
