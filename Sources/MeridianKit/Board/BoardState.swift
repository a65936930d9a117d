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
}

/// A lost claim: `member` claimed `task` apart from `lostTo`, who held it first in merge order.
public struct ClaimConflict: Hashable, Sendable {
    public var task: String
    public var member: String
    public var lostTo: String
    public var event: String
}

/// The board folded from task events in merge order (SPEC §1 merge rule and claims).
public struct BoardState: Sendable {
    public private(set) var columns: [String]
    public private(set) var tasks: [String: BoardTask] = [:]
    public private(set) var conflicts: [ClaimConflict] = []
    /// Every task id ever created (deleted ones too), so new ids never collide.
    public private(set) var knownIDs: Set<String> = []
    public private(set) var deleted: Set<String> = []
    private var creates = 0

    public init(columns: [String]) {
        self.columns = columns.isEmpty ? TeamSettings.defaultColumns : columns
    }

    /// The column a task shows in: its own when team.toml knows it, else the first.
    public func displayColumn(_ task: BoardTask) -> String {
        columns.contains(task.column) ? task.column : columns[0]
    }

    /// Tasks of a column ordered by priority (urgent first), then creation order.
    public func tasks(in column: String) -> [BoardTask] {
        tasks.values.filter { displayColumn($0) == column }.sorted(by: Self.displayOrder)
    }

    /// All tasks, by priority then creation.
    public var orderedTasks: [BoardTask] { tasks.values.sorted(by: Self.displayOrder) }

    public static func displayOrder(_ a: BoardTask, _ b: BoardTask) -> Bool {
        if a.priority != b.priority { return a.priority < b.priority }
        return a.creationIndex < b.creationIndex
    }

    /// Applies one task event; returns a problem when the event is wrong in context.
    mutating func apply(_ e: JournalEvent) -> Problem? {
        guard let taskID = e.payload.taskID else { return nil }
        if case .taskCreate(let f) = e.payload {
            if knownIDs.contains(taskID) {
                return problem(e, "task '\(taskID)' was already created; this create is ignored")
            }
            knownIDs.insert(taskID)
            let column = f.column ?? columns[0]
            tasks[taskID] = BoardTask(id: taskID, title: f.title, column: column, priority: f.priority, labels: f.labels,
                                      due: f.due, notes: f.notes, holder: nil, createdBy: e.by, createdAt: e.at,
                                      creationIndex: creates, lastActivity: e.at, comments: [])
            creates += 1
            return columns.contains(column) ? nil : problem(e, "task '\(taskID)' is in unknown column '\(column)' (known: \(columns.joined(separator: ", "))); shown in '\(columns[0])'")
        }
        if deleted.contains(taskID) { return nil }
        guard var t = tasks[taskID] else {
            return problem(e, "\(e.op) names unknown task '\(taskID)'")
        }
        if e.at > t.lastActivity { t.lastActivity = e.at }
        var issue: Problem?
        switch e.payload {
        case .taskEdit(let f):
            if case .set(let v) = f.title { t.title = v }
            switch f.priority { case .set(let v): t.priority = v; case .cleared: t.priority = .normal; case .unchanged: break }
            switch f.labels { case .set(let v): t.labels = v; case .cleared: t.labels = []; case .unchanged: break }
            switch f.due { case .set(let v): t.due = v; case .cleared: t.due = nil; case .unchanged: break }
            switch f.notes { case .set(let v): t.notes = v; case .cleared: t.notes = nil; case .unchanged: break }
        case .taskMove(_, let column):
            t.column = column
            if !columns.contains(column) {
                issue = problem(e, "task '\(taskID)' moved to unknown column '\(column)' (known: \(columns.joined(separator: ", "))); shown in '\(columns[0])'")
            }
        case .taskClaim:
            if t.holder == nil || t.holder == e.by {
                t.holder = e.by
            } else if let holder = t.holder {
                conflicts.append(ClaimConflict(task: taskID, member: e.by, lostTo: holder, event: e.id))
            }
        case .taskRelease:
            if t.holder == e.by { t.holder = nil }
        case .taskAssign(_, let to):
            t.holder = to
        case .taskComment(_, let text):
            t.comments.append(TaskComment(by: e.by, at: e.at, text: text, event: e.id))
        case .taskDelete:
            tasks[taskID] = nil
            deleted.insert(taskID)
            return nil
        default:
            break
        }
        tasks[taskID] = t
        return issue
    }

    private func problem(_ e: JournalEvent, _ message: String) -> Problem {
        Problem(file: e.source.file, line: e.source.line, message: message)
    }
}
