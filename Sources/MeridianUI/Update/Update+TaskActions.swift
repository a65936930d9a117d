import MeridianKit

/// The board keys that write: `c` claim, `r` release, `<` `>` move, `n` new task (as effects, never directly).
extension Update {
    /// The selected task as the board shows it now.
    public static func selectedTask(_ state: AppState) -> BoardTask? {
        state.boardModel.task(column: state.boardColumn, row: state.boardRow)
    }

    /// The task keys act on the board's selection and need the board focused.
    static func taskForAction(_ state: inout AppState, verb: String) -> BoardTask? {
        guard state.focus == .board else {
            notify(&state, "To \(verb) a task, focus the Board (3) and select it.", .info)
            return nil
        }
        guard let task = selectedTask(state) else {
            notify(&state, "No task selected to \(verb).", .info)
            return nil
        }
        return task
    }

    static func requireMe(_ state: inout AppState) -> String? {
        guard let me = state.me else {
            notify(&state, "Who are you? Start with --as MEMBER to change the board.", .danger)
            return nil
        }
        return me
    }

    /// `c`: SPEC §1 — refused, writing nothing, when TEAM already shows another holder.
    static func claim(_ state: inout AppState) -> [Effect] {
        guard let task = taskForAction(&state, verb: "claim"), let me = requireMe(&state) else { return [] }
        if task.holder == me {
            notify(&state, "You already hold \(task.id).", .info)
            return []
        }
        if let holder = task.holder {
            notify(&state, "Claim refused: \(task.id) is held by \(holder). Ask them to release it.", .warning)
            return []
        }
        return [.write(PendingEvent(op: "task.claim", fields: [.init("task", .string(task.id))], successNotice: "Claimed \(task.id)."))]
    }

    /// `r`: only the holder can release.
    static func release(_ state: inout AppState) -> [Effect] {
        guard let task = taskForAction(&state, verb: "release"), let me = requireMe(&state) else { return [] }
        guard task.holder == me else {
            let who = task.holder.map { "it is held by \($0)" } ?? "nobody holds it"
            notify(&state, "Release refused: you don't hold \(task.id); \(who).", .warning)
            return []
        }
        return [.write(PendingEvent(op: "task.release", fields: [.init("task", .string(task.id))], successNotice: "Released \(task.id)."))]
    }

    /// `<` `>`: the task moves to the neighbouring column; the selection follows it after the reload.
    static func moveTask(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard let task = taskForAction(&state, verb: "move"), requireMe(&state) != nil else { return [] }
        let columns = state.snapshot.board.columns
        guard let from = columns.firstIndex(of: state.snapshot.board.displayColumn(task)) else { return [] }
        let to = from + delta
        guard columns.indices.contains(to) else {
            notify(&state, "\(task.id) is already in the \(delta < 0 ? "first" : "last") column.", .info)
            return []
        }
        state.selectedTask = task.id
        return [.write(PendingEvent(op: "task.move", fields: [.init("task", .string(task.id)), .init("column", .string(columns[to]))],
                                    successNotice: "Moved \(task.id) to \(columns[to])."))]
    }

    /// `n` then Enter: a `task.create` in the board's selected column.
    static func createTask(_ state: inout AppState, title raw: String) -> [Effect] {
        let title = raw.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { return [] }
        guard requireMe(&state) != nil else { return [] }
        let columns = state.snapshot.board.columns
        let column = columns[clamp(state.boardColumn, count: columns.count)]
        let id = TaskIDGenerator.next(avoiding: state.snapshot.board.knownIDs, using: &state.idRandom)
        state.selectedTask = id
        return [.write(PendingEvent(op: "task.create",
                                    fields: [.init("task", .string(id)), .init("title", .string(title)), .init("column", .string(column))],
                                    successNotice: "Created \(id) in \(column)."))]
    }
}
