/// One immutable view of TEAM: settings, members, rotations, the folded journals and every problem.
/// Every question about time takes `now` as a parameter; the snapshot itself holds no clock.
public struct TeamSnapshot: Sendable {
    public var path: String
    public var settings: TeamSettings
    /// Members that loaded, sorted by id.
    public var members: [MemberProfile]
    /// Rotations that loaded, sorted by id.
    public var rotations: [RotationConfig]
    public var state: TeamState
    /// Every problem, sorted by file then line.
    public var problems: [Problem]

    public var board: BoardState { state.board }
    public var presence: PresenceState { state.presence }
    public var overrides: OverrideState { state.overrides }

    public func member(_ id: String) -> MemberProfile? { members.first { $0.id == id } }
    public func rotation(_ id: String) -> RotationConfig? { rotations.first { $0.id == id } }
}
