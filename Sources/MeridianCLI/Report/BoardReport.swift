import MeridianKit

/// The `board` section: columns with their tasks, WIP state, and every lost claim.
enum BoardReport {
    /// `holder` non-nil keeps only that member's tasks and lost claims (`board --mine --json`);
    /// `over_limit` always counts the whole column.
    static func build(_ snapshot: TeamSnapshot, _ request: StatusReport.Request, holder: String? = nil) -> JSONNode {
        let board = snapshot.board
        let staleDays = snapshot.settings.staleClaimDays
        var byColumn: [String: [BoardTask]] = [:]
        for t in board.orderedTasks { byColumn[board.displayColumn(t), default: []].append(t) }
        let columns: [JSONNode] = board.columns.map { name in
            let all = byColumn[name] ?? []
            let shown = holder.map { h in all.filter { $0.holder == h } } ?? all
            let limit = snapshot.settings.wipLimits[name]
            return .object([
                ("name", .string(name)),
                ("wip_limit", limit.map { .int($0) } ?? .null),
                ("over_limit", .bool(limit.map { all.count > $0 } ?? false)),
                ("tasks", .array(shown.map { t in
                    .object([
                        ("id", .string(t.id)), ("title", .string(t.title)), ("column", .string(name)),
                        ("holder", .string(t.holder)), ("priority", .string(t.priority.rawValue)),
                        ("labels", .array(t.labels.map { .string($0) })), ("due", .string(t.due?.text)),
                        ("stale", .bool(BoardQueries.isStale(t, now: request.now, staleDays: staleDays))),
                        ("notes", .string(t.notes)), ("comments", .int(t.comments.count)),
                    ])
                })),
            ])
        }
        let conflicts = holder.map { board.conflicts(lostBy: $0) } ?? board.conflicts
        return .object([
            ("columns", .array(columns)),
            ("conflicts", .array(conflicts.map { c in
                .object([("task", .string(c.task)), ("member", .string(c.member)), ("lost_to", .string(c.lostTo)), ("event", .string(c.event))])
            })),
        ])
    }
}
