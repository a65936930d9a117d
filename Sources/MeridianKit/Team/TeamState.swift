/// The fold of all merged events: board, presence and overrides, plus problems found in context.
/// `apply` takes events in merge order; an append that sorts last can be applied on its own.
public struct TeamState: Sendable {
    public private(set) var board: BoardState
    public private(set) var presence = PresenceState()
    public private(set) var overrides = OverrideState()
    /// Problems found while applying events, plus the board's problems as it stands now.
    public var problems: [Problem] { eventProblems + board.currentProblems }
    private var eventProblems: [Problem] = []
    /// The largest `lc` seen, for the writing rule `lc = max(now, 1 + largest)`.
    public private(set) var maxLC: Int64 = 0
    /// The last event applied, to know whether a new one can simply follow it.
    public private(set) var last: JournalEvent?
    public private(set) var eventCount = 0
    private let rotationIDs: Set<String>
    /// Member ids, columns and labels made once each across the fold.
    private var strings = FoldStrings(caching: false)

    public init(columns: [String], rotations: Set<String>) {
        board = BoardState(columns: columns)
        rotationIDs = rotations
    }

    /// A state folded in parts (`ParallelFold`), put together.
    init(board: BoardState, presence: PresenceState, overrides: OverrideState, eventProblems: [Problem], maxLC: Int64,
         eventCount: Int, rotations: Set<String>, strings: StringInterner) {
        self.board = board
        self.presence = presence
        self.overrides = overrides
        self.eventProblems = eventProblems
        self.maxLC = maxLC
        self.eventCount = eventCount
        rotationIDs = rotations
        self.strings = FoldStrings(interner: strings, caching: false)
    }

    /// Whether `e` sorts after every event applied so far.
    public func canAppend(_ e: JournalEvent) -> Bool {
        guard let last else { return true }
        return JournalEvent.precedes(last, e)
    }

    /// Applies one event (in merge order) read from `log`, the journal file `file`.
    mutating func apply(_ r: EventRecord, in log: EventLogView, file: String) {
        maxLC = max(maxLC, r.lc)
        eventCount += 1
        switch r.op {
        case .taskCreate, .taskEdit, .taskMove, .taskClaim, .taskRelease, .taskAssign, .taskComment, .taskDelete:
            if let p = board.apply(r, in: log, file: file, strings: &strings) { eventProblems.append(p) }
        case .statusSet, .statusClear, .timeoffAdd, .timeoffCancel:
            presence.apply(r, in: log, strings: &strings)
        case .oncallOverride, .oncallCancel:
            if let p = overrides.apply(r, in: log, file: file, rotations: rotationIDs) { eventProblems.append(p) }
        case .unknown:
            break
        }
    }

    /// Notes the last event applied (after `apply` of its record), for `canAppend`.
    mutating func noteLast(_ e: JournalEvent) { last = e }

    public mutating func apply(_ e: JournalEvent) {
        var log = EventLog()
        log.append(e)
        withExtendedLifetime(log) { apply(log.records[0], in: log.view, file: e.source.file) }
        last = e
    }
}
