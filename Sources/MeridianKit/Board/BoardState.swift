import Foundation

/// A comment on a task.
public struct TaskComment: Hashable, Sendable {
    public var by: String
    public var at: Date
    public var text: String
    public var event: String
}

/// One task as folded from the journals.
public struct BoardTask: Hashable, Sendable {
    public var id: String
    public var title: String
    /// The column as last written (may be unknown to team.toml; see `BoardState.displayColumn`).
    public var column: String
    public var priority: Priority
    public var labels: [String]
    public var due: DueDate?
    public var notes: String?
    public var holder: String?
    public var createdBy: String
    public var createdAt: Date
    /// Position of the winning create in merge order: "creation order".
    public var creationIndex: Int
    /// Latest `at` of any event naming the task (for staleness).
    public var lastActivity: Date
    public var comments: [TaskComment]
    /// Where the event that last set `column` lives (for the unknown-column problem).
    public var columnSource: EventSource
}

/// A lost claim: `member` claimed `task` apart from `lostTo`, who held it first in merge order.
public struct ClaimConflict: Hashable, Sendable {
    public var task: String
    public var member: String
    public var lostTo: String
    /// The id of the lost `task.claim` event (each event is applied once, so each loss appears once).
    public var event: String
    public var at: Date
}

/// The board folded from task events in merge order (SPEC §1 merge rule and claims).
public struct BoardState: Sendable {
    public private(set) var columns: [String]
    public private(set) var tasks = TaskTable()
    /// Every lost claim, in merge order, whoever lost it (deleted tasks included).
    public private(set) var conflicts: [ClaimConflict] = []
    /// Every task id named by any task event read (deleted and not-yet-created ones too), so a
    /// new id never collides with one already in TEAM.
    public private(set) var knownIDs: Set<String> = []
    /// Ids whose winning create has been followed by a `task.delete`.
    public private(set) var deleted: Set<String> = []
    private var creates = 0
    /// Live tasks whose column team.toml does not know, kept as events apply so publishing a
    /// snapshot never scans every task.
    private var unknownColumn: Set<String> = []

    public init(columns: [String]) {
        self.columns = columns.isEmpty ? TeamSettings.defaultColumns : columns
    }

    /// The column a task shows in: its own when team.toml knows it, else the first.
    public func displayColumn(_ task: BoardTask) -> String {
        columns.contains(task.column) ? task.column : columns[0]
    }

    /// Tasks of a column ordered by priority (urgent first), then creation order.
    public func tasks(in column: String) -> [BoardTask] {
        Self.inDisplayOrder(tasks.values.filter { displayColumn($0) == column })
    }

    /// All tasks, by priority then creation.
    public var orderedTasks: [BoardTask] { Self.inDisplayOrder(tasks.values) }

    /// `tasks` sorted by `displayOrder`, moving 16-byte keys instead of whole tasks.
    static func inDisplayOrder(_ tasks: [BoardTask]) -> [BoardTask] {
        var keys: [(key: UInt64, slot: Int)] = []
        keys.reserveCapacity(tasks.count)
        for (slot, t) in tasks.enumerated() {
            keys.append((displayKey(t.priority, creation: t.creationIndex), slot))
        }
        keys.sort { $0.key < $1.key }
        return keys.map { tasks[$0.slot] }
    }

    /// Tasks held by `member`, by priority then creation.
    public func tasks(heldBy member: String) -> [BoardTask] { orderedTasks.filter { $0.holder == member } }

    /// Lost claims of `member` (what the loser is shown).
    public func conflicts(lostBy member: String) -> [ClaimConflict] { conflicts.filter { $0.member == member } }

    /// `displayOrder` as one number: priority rank in the top byte, creation order below, so
    /// sorting keys sorts tasks without touching them.
    @inlinable
    public static func displayKey(_ priority: Priority, creation: Int) -> UInt64 {
        UInt64(priority.rank) << 56 | UInt64(truncatingIfNeeded: creation)
    }

    /// SPEC §3 order: priority (urgent first), then creation order.
    public static func displayOrder(_ a: BoardTask, _ b: BoardTask) -> Bool {
        if a.priority != b.priority { return a.priority < b.priority }
        return a.creationIndex < b.creationIndex
    }

    /// Problems of the board as it stands: a task whose column is not in team.toml (SPEC §1).
    /// State-based, so a task moved back to a known column (or deleted) is no longer a problem.
    public var currentProblems: [Problem] {
        guard !unknownColumn.isEmpty else { return [] }
        return unknownColumn.compactMap { tasks[$0] }.sorted { $0.creationIndex < $1.creationIndex }.map { t in
            Problem(file: t.columnSource.file, line: t.columnSource.line,
                    message: "task '\(t.id)' is in unknown column '\(t.column)' (known: \(columns.joined(separator: ", "))); shown in '\(columns[0])'")
        }
    }

    /// Keeps `unknownColumn` in step with a task's column (nil: the task is gone).
    private mutating func track(_ id: String, column: String?) {
        if let column, !columns.contains(column) {
            if !unknownColumn.contains(id) { unknownColumn.insert(id) }
        } else if unknownColumn.contains(id) {
            unknownColumn.remove(id)
        }
    }

    /// Applies one task event (in merge order); returns a problem when the event is wrong in context.
    mutating func apply(_ e: JournalEvent) -> Problem? {
        guard let taskID = e.payload.taskID else { return nil }
        // Look before inserting: a set shared with a published snapshot is copied on any insert.
        if !knownIDs.contains(taskID) { knownIDs.insert(taskID) }
        if case .taskCreate(let f) = e.payload {
            // Created before: still live, or deleted since (`deleted` holds only created ids).
            if tasks.contains(taskID) || deleted.contains(taskID) {
                return problem(e, "task '\(taskID)' was already created; this create is ignored")
            }
            tasks[taskID] = BoardTask(id: taskID, title: f.title, column: f.column ?? columns[0], priority: f.priority, labels: f.labels,
                                      due: f.due, notes: f.notes, holder: nil, createdBy: e.by, createdAt: e.at,
                                      creationIndex: creates, lastActivity: e.at, comments: [], columnSource: e.source)
            creates += 1
            track(taskID, column: f.column ?? columns[0])
            return nil
        }
        if deleted.contains(taskID) { return nil }
        // Changed in place: one lookup, and the task's comments grow without being copied.
        var effect = Effect()
        let outcome: Outcome = tasks.update(taskID) { slot in
            guard slot.isPresent else { return .missing }
            if case .taskDelete = e.payload {
                slot = nil
                return .deleted
            }
            effect = Self.change(&slot!, by: e)
            return .changed
        }
        switch outcome {
        case .missing:
            return problem(e, "\(e.op) names task '\(taskID)', which has not been created")
        case .deleted:
            deleted.insert(taskID)
            track(taskID, column: nil)
        case .changed:
            if let lost = effect.lost { conflicts.append(lost) }
            if let column = effect.column { track(taskID, column: column) }
        }
        return nil
    }

    /// What a change did beyond the task itself.
    private struct Effect {
        var lost: ClaimConflict?
        var column: String?
    }

    /// Applies a task event (not create or delete) to the live task.
    private static func change(_ t: inout BoardTask, by e: JournalEvent) -> Effect {
        var effect = Effect()
        if e.at > t.lastActivity { t.lastActivity = e.at }
        switch e.payload {
        case .taskEdit(let f):
            if case .set(let v) = f.title { t.title = v }
            switch f.priority { case .set(let v): t.priority = v; case .cleared: t.priority = .normal; case .unchanged: break }
            switch f.labels { case .set(let v): t.labels = v; case .cleared: t.labels = []; case .unchanged: break }
            switch f.due { case .set(let v): t.due = v; case .cleared: t.due = nil; case .unchanged: break }
            switch f.notes { case .set(let v): t.notes = v; case .cleared: t.notes = nil; case .unchanged: break }
        case .taskMove(_, let column):
            t.column = column
            t.columnSource = e.source
            effect.column = column
        case .taskClaim:
            if let holder = t.holder, holder != e.by {
                effect.lost = ClaimConflict(task: t.id, member: e.by, lostTo: holder, event: e.id, at: e.at)
            } else {
                t.holder = e.by
            }
        case .taskRelease:
            if t.holder == e.by { t.holder = nil }
        case .taskAssign(_, let to):
            t.holder = to
        case .taskComment(_, let text):
            t.comments.append(TaskComment(by: e.by, at: e.at, text: text, event: e.id))
        default:
            break
        }
        return effect
    }

    private enum Outcome { case missing, changed, deleted }

    private func problem(_ e: JournalEvent, _ message: String) -> Problem {
        Problem(file: e.source.file, line: e.source.line, message: message)
    }
}
