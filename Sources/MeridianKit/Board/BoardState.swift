import Foundation

/// A comment on a task.
public struct TaskComment: Hashable, Sendable {
    public var by: String
    public var at: Date
    public var text: String
    /// The id of the `task.comment` event (kept packed; the text is made when asked for).
    public var event: String {
        get { eventKey.string }
        set { eventKey = EventKey(newValue) }
    }
    var eventKey: EventKey

    init(by: String, at: Date, text: String, event: EventKey) {
        self.by = by
        self.at = at
        self.text = text
        eventKey = event
    }
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
/// Every task id named by an event has a slot in `tasks`; what the rules ask of an id (created?
/// deleted? in an unknown column?) is a flag per slot, so an event costs one id lookup.
public struct BoardState: Sendable {
    public private(set) var columns: [String]
    public private(set) var tasks = TaskTable()
    /// Every lost claim, in merge order, whoever lost it (deleted tasks included).
    public private(set) var conflicts: [ClaimConflict] = []
    /// Per slot of `tasks`: `created`, `deleted`, `unknownColumn`.
    private var flags: [UInt8] = []
    private var creates = 0
    /// How many live tasks are in a column team.toml does not know (flag `unknownColumn`).
    private var unknownColumnCount = 0

    private static let created: UInt8 = 1
    private static let deletedFlag: UInt8 = 2
    private static let unknownColumn: UInt8 = 4

    public init(columns: [String]) {
        self.columns = columns.isEmpty ? TeamSettings.defaultColumns : columns
    }

    /// Every task id named by any task event read (deleted and not-yet-created ones too), so a
    /// new id never collides with one already in TEAM.
    public var knownIDs: Set<String> { Set(tasks.allIDs) }

    /// Ids whose winning create has been followed by a `task.delete`.
    public var deleted: Set<String> {
        var out = Set<String>()
        for s in flags.indices where flags[s] & Self.deletedFlag != 0 { out.insert(tasks.id(atSlot: s)) }
        return out
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
        guard unknownColumnCount > 0 else { return [] }
        var found: [BoardTask] = []
        for s in flags.indices where flags[s] & Self.unknownColumn != 0 {
            if let t = tasks.task(atSlot: s) { found.append(t) }
        }
        return found.sorted { $0.creationIndex < $1.creationIndex }.map { t in
            Problem(file: t.columnSource.file, line: t.columnSource.line,
                    message: "task '\(t.id)' is in unknown column '\(t.column)' (known: \(columns.joined(separator: ", "))); shown in '\(columns[0])'")
        }
    }

    /// Keeps the `unknownColumn` flag of a slot in step with its task's column (nil: the task is gone).
    private mutating func track(_ s: Int, column: String?) {
        track(s, unknown: column.map { !columns.contains($0) } ?? false)
    }

    private mutating func track(_ s: Int, unknown: Bool) {
        let was = flags[s] & Self.unknownColumn != 0
        guard unknown != was else { return }
        if unknown {
            flags[s] |= Self.unknownColumn
            unknownColumnCount += 1
        } else {
            flags[s] &= ~Self.unknownColumn
            unknownColumnCount -= 1
        }
    }

    /// Applies one task event (in merge order) read from `log` (the journal file `file`);
    /// returns a problem when the event is wrong in context. Short strings come from `strings`.
    mutating func apply(_ r: EventRecord, in log: EventLogView, file: String, strings: inout FoldStrings) -> Problem? {
        guard r.op.isTaskOp else { return nil }
        return apply(r, in: log, file: { file }, strings: &strings, slot: tasks.slotAdding(log.text[r.task]))
    }

    /// What a bulk fold learns of a task event before applying it: its id's hash and the slot the
    /// id already has (-1: none yet).
    struct LookAhead {
        var hash: UInt64 = 0
        var slot = -1
    }

    /// Looks up a task event's id without changing anything. A bulk fold does this for a block of
    /// events before applying them in order, so their cache misses overlap instead of coming one
    /// after another.
    @inline(__always)
    func lookAhead(_ r: EventRecord, in log: EventLogView) -> LookAhead {
        let u = log.text[r.task]
        let hash = JournalBytes.hash(u)
        return LookAhead(hash: hash, slot: tasks.existingSlot(u, hash: hash) ?? -1)
    }

    /// Reads a word of what `apply` of a looked-ahead event will read (its task, its fields), so
    /// that memory is in cache by then; the caller keeps the sum so the reads stay.
    @inline(__always)
    func warm(_ r: EventRecord, in log: EventLogView, _ a: LookAhead) -> UInt64 {
        var w: UInt64 = a.slot >= 0 ? tasks.touch(slot: a.slot) : 0
        switch r.op {
        case .taskEdit: w &+= Self.firstWord(log.edits, Int(r.detail))
        case .taskCreate: w &+= Self.firstWord(log.creates, Int(r.detail))
        default: break
        }
        return w
    }

    /// The first 8 bytes of a detail record (at least that big), read in place to warm its line.
    @inline(__always)
    private static func firstWord<T>(_ list: UnsafeBufferPointer<T>, _ i: Int) -> UInt64 {
        guard i < list.count, let base = list.baseAddress else { return 0 }
        return UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
    }

    /// `apply` of a task event whose `lookAhead` was taken since the last event applied (an id
    /// new then may have been numbered since: it is looked up again). The file is asked for only
    /// when the event needs it (a problem, a create, a move): passing its name to every event
    /// would count references to strings both fold workers share.
    @inline(__always)
    mutating func apply(_ r: EventRecord, in log: EventLogView, file: () -> String, strings: inout FoldStrings, ahead: LookAhead) -> Problem? {
        let s = ahead.slot >= 0 ? ahead.slot : tasks.slotAdding(log.text[r.task], hash: ahead.hash)
        return apply(r, in: log, file: file, strings: &strings, slot: s)
    }

    private mutating func apply(_ r: EventRecord, in log: EventLogView, file: () -> String, strings: inout FoldStrings, slot s: Int) -> Problem? {
        if s >= flags.count { flags += repeatElement(0, count: s + 1 - flags.count) }
        if r.op == .taskCreate {
            // Created before: still live, or deleted since.
            if flags[s] & Self.created != 0 {
                return Problem(file: file(), line: r.line, message: "task '\(tasks.id(atSlot: s))' was already created; this create is ignored")
            }
            let c = log.creates[Int(r.detail)]
            let column = c.column.isNone ? columns[0] : strings.string(log.text[c.column])
            let task = BoardTask(id: tasks.id(atSlot: s), title: log.string(c.title), column: column, priority: c.priority,
                                 labels: log.labelStrings(c.labels, &strings.interner), due: c.due.map { log.dueDate($0) },
                                 notes: log.optionalString(c.notes), holder: nil, createdBy: strings.by(r, in: log),
                                 createdAt: r.at, creationIndex: creates, lastActivity: r.at, comments: [], columnSource: log.source(r, file: file()))
            tasks.insert(task, slot: s)
            flags[s] |= Self.created
            creates += 1
            track(s, column: column)
            return nil
        }
        if flags[s] & Self.deletedFlag != 0 { return nil }
        // Live: created and not deleted (read from the flags, so the task is not copied to look).
        guard flags[s] & Self.created != 0 else {
            return Problem(file: file(), line: r.line, message: "\(r.op.name!) names task '\(tasks.id(atSlot: s))', which has not been created")
        }
        if r.op == .taskDelete {
            tasks.remove(slot: s)
            flags[s] |= Self.deletedFlag
            track(s, column: nil)
            return nil
        }
        // Changed in place: the task's comments grow without being copied.
        // `columns` is not passed: reading it while `tasks` is changed in place would retain it per event.
        let moved = Self.change(&tasks[liveSlot: s], by: r, in: log, file: file, strings: &strings, conflicts: &conflicts)
        if let moved { track(s, column: moved) }
        return nil
    }

    // MARK: - Folding in parts

    /// How many winning creates were applied.
    var creationCount: Int { creates }

    /// Renumbers creation order when this board is one part of a fold split by task: `rank[i]`
    /// is the place, among all parts' creates, of this part's `i`-th create.
    mutating func renumberCreations(_ rank: [Int]) {
        // The live tasks are exactly the created, not deleted ones.
        tasks.updateLive { $0.creationIndex = rank[$0.creationIndex] }
    }

    /// Puts together a board folded in two parts: this part holds the ids of the first half of
    /// the task table only, `other` those of the second; `conflicts` are both parts' lost claims
    /// in merge order. No task is moved: this table takes `other`'s half as it is.
    mutating func absorb(_ other: BoardState, conflicts merged: [ClaimConflict]) {
        tasks.adoptSecondHalf(of: other.tasks)
        let n = max(flags.count, other.flags.count)
        var combined = [UInt8](repeating: 0, count: n)
        for s in stride(from: 0, to: flags.count, by: 2) { combined[s] = flags[s] }
        for s in stride(from: 1, to: other.flags.count, by: 2) { combined[s] = other.flags[s] }
        flags = combined
        unknownColumnCount += other.unknownColumnCount
        creates += other.creates
        conflicts = merged
    }

    /// Applies a task event (not create or delete) to the live task; a lost claim goes to
    /// `conflicts`. Returns the column a move put the task in.
    private static func change(_ t: inout BoardTask, by r: EventRecord, in log: EventLogView, file: () -> String,
                               strings: inout FoldStrings, conflicts: inout [ClaimConflict]) -> String? {
        if r.at > t.lastActivity { t.lastActivity = r.at }
        switch r.op {
        case .taskEdit:
            let f = log.edits[Int(r.detail)]
            if case .set(let v) = f.title { t.title = log.string(v) }
            switch f.priority { case .set(let v): t.priority = v; case .cleared: t.priority = .normal; case .unchanged: break }
            switch f.labels { case .set(let v): t.labels = log.labelStrings(v, &strings.interner); case .cleared: t.labels = []; case .unchanged: break }
            switch f.due { case .set(let v): t.due = log.dueDate(v); case .cleared: t.due = nil; case .unchanged: break }
            switch f.notes { case .set(let v): t.notes = log.string(v); case .cleared: t.notes = nil; case .unchanged: break }
        case .taskMove:
            let column = strings.string(log.text[r.text])
            t.column = column
            t.columnSource = log.source(r, file: file())
            return column
        case .taskClaim:
            if let holder = t.holder {
                if !log.text.equals(r.by, holder) {
                    conflicts.append(ClaimConflict(task: t.id, member: strings.by(r, in: log), lostTo: holder, event: log.idString(r), at: r.at))
                }
            } else {
                t.holder = strings.by(r, in: log)
            }
        case .taskRelease:
            if let holder = t.holder, log.text.equals(r.by, holder) { t.holder = nil }
        case .taskAssign:
            t.holder = r.text.isNone ? nil : strings.string(log.text[r.text])
        case .taskComment:
            t.comments.append(TaskComment(by: strings.by(r, in: log), at: r.at, text: log.string(r.text), event: log.idKey(r)))
        default:
            break
        }
        return nil
    }
}
