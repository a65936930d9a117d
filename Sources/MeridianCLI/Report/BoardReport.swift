import MeridianKit

/// The `board` section: columns with their tasks, WIP state, and every lost claim.
enum BoardReport {
    static func build(_ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> JSONNode {
        let board = snapshot.board
        let staleDays = snapshot.settings.staleClaimDays
        var byColumn: [String: [BoardTask]] = [:]
        for t in board.orderedTasks { byColumn[board.displayColumn(t), default: []].append(t) }
        let columns: [JSONNode] = board.columns.map { name in
            let tasks = byColumn[name] ?? []
            let limit = snapshot.settings.wipLimits[name]
            return .object([
                ("name", .string(name)),
                ("wip_limit", limit.map { .int($0) } ?? .null),
                ("over_limit", .bool(limit.map { tasks.count > $0 } ?? false)),
                ("tasks", .array(tasks.map { t in
                    .object([
                        ("id", .string(t.id)), ("title", .string(t.title)), ("column", .string(name)),
                        ("holder", .string(t.holder)), ("priority", .string(t.priority.rawValue)),
                        ("labels", .array(t.labels.map { .string($0) })), ("due", .string(t.due?.text)),
                        ("stale", .bool(BoardQueries.isStale(t, now: request.now, staleDays: staleDays))),
                    ])
                })),
            ])
        }
        return .object([
            ("columns", .array(columns)),
            ("conflicts", .array(board.conflicts.map { c in
                .object([("task", .string(c.task)), ("member", .string(c.member)), ("lost_to", .string(c.lostTo)), ("event", .string(c.event))])
            })),
        ])
    }
}
