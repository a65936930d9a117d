import Foundation
import MeridianKit
import MeridianTerminal

/// The costly parts of what the panes show — the board's columns sorted and filtered, every
/// member's day on the timeline, the on-call glances, the clocks rows on screen — derived once when
/// their inputs change and reused by every frame.
///
/// Each part remembers the inputs it was made from (the snapshot's generation, the filter, the
/// shown instant, the viewer); a part whose inputs no longer match the state is never used: the
/// views then derive it afresh, so a frame is the same whether the cache is warm or cold.
/// `Update.update` refreshes the parts at the end of every action; views read them through
/// `AppState`'s accessors (`boardModel`, `timelineDays`, …).
public struct DerivedViews: Sendable {
    /// The board, for a snapshot generation and a filter.
    struct BoardPart: Sendable {
        var generation: Int
        var filter: String
        var model: BoardModel
    }

    /// Every member's day on the timeline, for a snapshot generation and the viewer's day.
    struct TimelinePart: Sendable {
        var generation: Int
        var zone: String
        var date: LocalDate
        var window: InstantInterval
        var days: [MemberQueries.Day]
        /// The overlap row's counts for one axis width.
        var planned: (axisWidth: Int, counts: [Int])?
    }

    /// One glance per rotation, for a snapshot generation, the shown instant and the viewer.
    struct OncallPart: Sendable {
        var generation: Int
        var time: Date
        var me: String?
        var glances: [OncallGlance]
    }

    /// The widest member name (as drawn), for a snapshot generation.
    struct NamesPart: Sendable {
        var generation: Int
        var widest: Int
    }

    /// The clocks rows `first..<first + infos.count` (those on screen), for a snapshot generation,
    /// the shown instant and the viewer's zone.
    struct ClocksPart: Sendable {
        var generation: Int
        var time: Date
        var zone: String
        var first: Int
        var infos: [MemberAvailability]
    }

    /// The members who lost a claim, by task id, for a snapshot generation.
    struct ConflictsPart: Sendable {
        var generation: Int
        var losers: [String: [String]]
    }

    var board: BoardPart?
    var conflicts: ConflictsPart?
    var timeline: TimelinePart?
    var oncall: OncallPart?
    var names: NamesPart?
    var clocks: ClocksPart?

    /// Nothing derived yet.
    public init() {}
}

extension AppState {
    /// Brings every derived part up to date with the state, deriving only the parts whose inputs
    /// changed. `Update.update` calls it after every action.
    public mutating func refreshDerived() {
        let generation = snapshotGeneration
        let filter = activeFilter
        if !(derived.board.map { $0.generation == generation && $0.filter == filter } ?? false) {
            derived.board = .init(generation: generation, filter: filter, model: BoardModel(snapshot: snapshot, filter: filter))
        }
        if !(derived.conflicts.map { $0.generation == generation } ?? false) {
            derived.conflicts = .init(generation: generation, losers: Self.conflictLosers(snapshot))
        }
        if !(derived.names.map { $0.generation == generation } ?? false) {
            derived.names = .init(generation: generation, widest: Self.widestName(snapshot.members))
        }
        let zone = viewerZone
        let t = displayTime
        let date = zone.date(at: t)
        if !(derived.timeline.map { $0.generation == generation && $0.zone == zone.identifier && $0.date == date } ?? false) {
            let day = TimelineView.day(containing: t, zone: zone)
            let window = InstantInterval(start: day.start, end: day.start.addingTimeInterval(day.length))
            derived.timeline = .init(generation: generation, zone: zone.identifier, date: date, window: window,
                                     days: snapshot.members.map { MemberQueries.Day($0, snapshot, window: window) })
        }
        if let axis = TimelineView.axisWidth(self), var part = derived.timeline, part.planned?.axisWidth != axis {
            let length = part.window.end.timeIntervalSince(part.window.start)
            part.planned = (axis, TimelineView.plannedCounts(part.days, start: part.window.start, length: length, axisWidth: axis))
            derived.timeline = part
        }
        if !(derived.oncall.map { $0.generation == generation && $0.time == t && $0.me == me } ?? false) {
            derived.oncall = .init(generation: generation, time: t, me: me, glances: snapshot.rotations.map { OncallGlance($0, in: snapshot, now: t, viewer: me) })
        }
        let rows = ClocksView.visibleRows(self)
        if !(derived.clocks.map { $0.generation == generation && $0.time == t && $0.zone == zone.identifier && $0.first == rows.lowerBound && $0.infos.count == rows.count } ?? false) {
            let members = snapshot.members
            derived.clocks = .init(generation: generation, time: t, zone: zone.identifier, first: rows.lowerBound,
                                   infos: rows.map { MeridianKit.Availability.of(member: members[$0], snapshot: snapshot, at: t, viewerZone: zone) })
        }
    }

    /// The board as the Board pane shows it (columns sorted, filtered by `activeFilter`).
    public var boardModel: BoardModel {
        if let part = derived.board, part.generation == snapshotGeneration, part.filter == activeFilter { return part.model }
        return BoardModel(snapshot: snapshot, filter: activeFilter)
    }

    /// The board model, derived now (and kept) if the kept one is stale.
    mutating func freshBoardModel() -> BoardModel {
        let filter = activeFilter
        if let part = derived.board, part.generation == snapshotGeneration, part.filter == filter { return part.model }
        let model = BoardModel(snapshot: snapshot, filter: filter)
        derived.board = .init(generation: snapshotGeneration, filter: filter, model: model)
        return model
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

    /// Member `index`'s availability, status and DST hint at the shown instant for the viewer.
    func memberAvailability(_ index: Int, viewerZone zone: Zone) -> MemberAvailability {
        let t = displayTime
        if let part = derived.clocks, part.generation == snapshotGeneration, part.time == t, part.zone == zone.identifier,
           index >= part.first, index < part.first + part.infos.count {
            return part.infos[index - part.first]
        }
        return MeridianKit.Availability.of(member: snapshot.members[index], snapshot: snapshot, at: t, viewerZone: zone)
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
