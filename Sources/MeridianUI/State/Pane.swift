/// The four panes of the dashboard, in the order of the `1`–`4` keys and of `Tab`.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case clocks, timeline, board, oncall

    /// The title drawn in the pane's border (SPEC §4).
    public var title: String {
        switch self {
        case .clocks: return "Clocks"
        case .timeline: return "Timeline"
        case .board: return "Board"
        case .oncall: return "On-call"
        }
    }

    /// The next pane for `Tab` (wrapping).
    public var next: Pane { Pane(rawValue: (rawValue + 1) % 4)! }
    /// The previous pane for `Shift-Tab` (wrapping).
    public var previous: Pane { Pane(rawValue: (rawValue + 3) % 4)! }
}
