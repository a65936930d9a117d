import Foundation
import MeridianKit
import MeridianTerminal

/// The costly parts of what the panes show — the board's columns sorted and filtered, every
/// member's day on the timeline, the on-call glances, the clocks rows on screen — derived when
/// their inputs change and reused by every frame.
///
/// Each part keeps the inputs it was made from and the snapshot generation it is known to match.
/// `Update.update` calls `refreshDerived` after every action: a part whose inputs are unchanged in
/// the new snapshot (compared by `StorageIdentity`, or by value where that is cheap) is only
/// re-stamped, and one whose inputs changed re-derives just what they feed — a board event leaves
/// the timeline, the clocks and on-call alone; a status change re-derives that member's rows.
/// Views read the parts through `AppState`'s accessors (`boardModel`, `timelineDays`, …), which
/// never use a part stamped with another generation: they derive afresh instead, so a frame is the
/// same whether the kept data is warm or cold.
public struct DerivedViews: Sendable {
    /// The board for a filter, with the inputs it was derived from.
    struct BoardPart: Sendable {
        var generation: Int
        var filter: String
        var query: TaskFilter
        var board: BoardState
        var settings: TeamSettings
        var members: [MemberProfile]
        var model: BoardModel
    }

    /// The members who lost a claim, by task id, with the conflicts they come from.
    struct ConflictsPart: Sendable {
        var generation: Int
        var conflicts: [ClaimConflict]
        var losers: [String: [String]]
    }

    /// The widest member name (as drawn), for a member list.
    struct NamesPart: Sendable {
        var generation: Int
        var members: [MemberProfile]
        var widest: Int
    }

    /// Every member's day on the timeline, for the viewer's day, at a `MembersPart` version.
    struct TimelinePart: Sendable {
        var generation: Int
        var membersVersion: Int
        var zone: String
        var date: LocalDate
        var window: InstantInterval
        var days: [MemberQueries.Day]
        /// The overlap row's counts for one axis width.
        var planned: (axisWidth: Int, counts: [Int])?
    }

    /// One glance per rotation at the shown instant for the viewer, with the inputs they read.
    struct OncallPart: Sendable {
        var generation: Int
        var membersVersion: Int
        var time: Date
        var me: String?
        var rotations: [RotationConfig]
        var overrides: OverrideState
        var glances: [OncallGlance]
    }

    /// The clocks rows `first..<first + infos.count` (those on screen), for the shown instant and
    /// the viewer's zone, at a `MembersPart` version.
    struct ClocksPart: Sendable {
        var generation: Int
        var membersVersion: Int
        var time: Date
        var zone: String
        var first: Int
        var rows: [ClocksRow]
    }

    var board: BoardPart?
    var conflicts: ConflictsPart?
    var names: NamesPart?
    var members: MembersPart?
    var timeline: TimelinePart?
    var oncall: OncallPart?
    var clocks: ClocksPart?
    /// What was derived so far (tests and the bench check that a change derives only what it touches).
    public internal(set) var work = Work()

    /// Nothing derived yet.
    public init() {}

    /// Counts of derivations, by kind.
    public struct Work: Sendable, Equatable {
        /// Board models derived in one pass over the tasks, and narrowed from the last one.
        public var boards = 0, narrowedBoards = 0
        /// Members' timeline days, on-call glances and Clocks rows derived.
        public var timelineDays = 0, glances = 0, clockRows = 0

        /// What was derived between `earlier` and this.
        public func since(_ earlier: Work) -> Work {
            Work(boards: boards - earlier.boards, narrowedBoards: narrowedBoards - earlier.narrowedBoards,
                 timelineDays: timelineDays - earlier.timelineDays, glances: glances - earlier.glances, clockRows: clockRows - earlier.clockRows)
        }
    }
}

extension AppState {
    /// Brings every derived part up to date with the state, deriving only what changed inputs
    /// feed. `Update.update` calls it after every action.
    public mutating func refreshDerived() {
        let generation = snapshotGeneration
        _ = freshBoardModel()
        if !(derived.conflicts.map { $0.generation == generation } ?? false) {
            let conflicts = snapshot.board.conflicts
            if let part = derived.conflicts, StorageIdentity.same(part.conflicts, conflicts) {
                derived.conflicts?.generation = generation
            } else {
                derived.conflicts = .init(generation: generation, conflicts: conflicts, losers: Self.conflictLosers(snapshot))
            }
        }
        if !(derived.names.map { $0.generation == generation } ?? false) {
            if let part = derived.names, part.members == snapshot.members {
                derived.names?.generation = generation
            } else {
                derived.names = .init(generation: generation, members: snapshot.members, widest: Self.widestName(snapshot.members))
            }
        }
        refreshMembers()
        refreshTimeline()
        refreshOncall()
        refreshClocks()
    }

    /// The board as the Board pane shows it (columns sorted, filtered by `activeFilter`).
    public var boardModel: BoardModel {
        if let part = derived.board, part.generation == snapshotGeneration, part.filter == activeFilter { return part.model }
        return BoardModel(snapshot: snapshot, filter: activeFilter)
    }

    /// Every member's day (hours, time off, plan) within `window`, the viewer's day on the timeline.
    func timelineDays(window: InstantInterval) -> [MemberQueries.Day] {
        if let part = derived.timeline, part.generation == snapshotGeneration, part.window == window { return part.days }
        return snapshot.members.map { MemberQueries.Day($0, snapshot, window: window) }
    }

    /// The overlap row's counts for the viewer's day starting at `start`, `length` seconds long.
    func timelinePlanned(start: Date, length: TimeInterval, axisWidth: Int) -> [Int] {
        if let part = derived.timeline, part.generation == snapshotGeneration, part.window.start == start,
           part.window.end.timeIntervalSince(part.window.start) == length, let planned = part.planned, planned.axisWidth == axisWidth {
            return planned.counts
        }
        let days = timelineDays(window: InstantInterval(start: start, end: start.addingTimeInterval(length)))
        return TimelineView.plannedCounts(days, start: start, length: length, axisWidth: axisWidth)
    }

    /// One glance per rotation at the shown instant, for the viewer.
    var oncallGlances: [OncallGlance] {
        let t = displayTime
        if let part = derived.oncall, part.generation == snapshotGeneration, part.time == t, part.me == me { return part.glances }
        return snapshot.rotations.map { OncallGlance($0, in: snapshot, now: t, viewer: me) }
    }

    /// The widest member name as drawn (control characters replaced), 0 without members.
    var widestMemberName: Int {
        if let part = derived.names, part.generation == snapshotGeneration { return part.widest }
        return Self.widestName(snapshot.members)
    }

    /// Member `index`'s Clocks row (availability, status, DST hint, texts) at the shown instant for the viewer.
    func clocksRow(_ index: Int, viewerZone zone: Zone) -> ClocksRow {
        let t = displayTime
        if let part = derived.clocks, part.generation == snapshotGeneration, part.time == t, part.zone == zone.identifier,
           index >= part.first, index < part.first + part.rows.count {
            return part.rows[index - part.first]
        }
        return ClocksRow(member: snapshot.members[index], snapshot: snapshot, at: t, viewerZone: zone)
    }

    /// The members who lost a claim of task `id` (empty: no conflict).
    func claimLosers(_ id: String) -> [String] {
        if let part = derived.conflicts, part.generation == snapshotGeneration { return part.losers[id] ?? [] }
        return snapshot.board.conflicts.filter { $0.task == id }.map(\.member)
    }

    static func conflictLosers(_ snapshot: TeamSnapshot) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for c in snapshot.board.conflicts { out[c.task, default: []].append(c.member) }
        return out
    }

    static func widestName(_ members: [MemberProfile]) -> Int {
        members.map { DisplayWidth.of(TextSanitizer.clean($0.name)) }.max() ?? 0
    }
}
