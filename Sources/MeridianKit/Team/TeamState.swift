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

    public init(columns: [String], rotations: Set<String>) {
        board = BoardState(columns: columns)
        rotationIDs = rotations
    }

    /// Whether `e` sorts after every event applied so far.
    public func canAppend(_ e: JournalEvent) -> Bool {
        guard let last else { return true }
        return JournalEvent.precedes(last, e)
    }

    public mutating func apply(_ e: JournalEvent) {
        maxLC = max(maxLC, e.lc)
        last = e
        eventCount += 1
        switch e.payload {
        case .taskCreate, .taskEdit, .taskMove, .taskClaim, .taskRelease, .taskAssign, .taskComment, .taskDelete:
            if let p = board.apply(e) { eventProblems.append(p) }
        case .statusSet, .statusClear, .timeoffAdd, .timeoffCancel:
            presence.apply(e)
        case .oncallOverride, .oncallCancel:
            if let p = overrides.apply(e, rotations: rotationIDs) { eventProblems.append(p) }
        case .unknown:
            break
        }
    }
}
