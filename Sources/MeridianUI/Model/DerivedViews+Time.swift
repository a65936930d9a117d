import Foundation
import MeridianKit

/// The time views' parts: each is kept while the shown instant (or day), the viewer and the
/// member inputs it read are unchanged, and re-derived row by row for members whose inputs changed.
extension AppState {
    /// Every member's day for the viewer's day, and the overlap counts for the pane's axis.
    mutating func refreshTimeline() {
        let generation = snapshotGeneration
        guard let members = derived.members else { return }
        let zone = viewerZone
        let t = displayTime
        let date = zone.date(at: t)
        if var part = derived.timeline, part.zone == zone.identifier, part.date == date,
           let changed = members.changes(since: part.membersVersion) {
            if !changed.plans.isEmpty {
                for (i, member) in members.members.enumerated() where changed.plans.contains(member.id) {
                    part.days[i] = MemberQueries.Day(member, snapshot, window: part.window)
                    derived.work.timelineDays += 1
                }
                part.planned = nil
            }
            part.generation = generation
            part.membersVersion = members.version
            derived.timeline = part
        } else if derived.timeline.map({ $0.generation != generation || $0.zone != zone.identifier || $0.date != date }) ?? true {
            let day = TimelineView.day(containing: t, zone: zone)
            let window = InstantInterval(start: day.start, end: day.start.addingTimeInterval(day.length))
            derived.timeline = .init(generation: generation, membersVersion: members.version, zone: zone.identifier, date: date, window: window,
                                     days: snapshot.members.map { MemberQueries.Day($0, snapshot, window: window) })
            derived.work.timelineDays += snapshot.members.count
        }
        if let axis = TimelineView.axisWidth(self), var part = derived.timeline, part.planned?.axisWidth != axis {
            let length = part.window.end.timeIntervalSince(part.window.start)
            part.planned = (axis, TimelineView.plannedCounts(part.days, start: part.window.start, length: length, axisWidth: axis))
            derived.timeline = part
        }
    }

    /// One glance per rotation. A glance reads its rotation, that rotation's overrides, and the
    /// plans (hours, time off) of the members on call now and next — `OncallGlance`'s warnings are
    /// about off hours and time off, never statuses; one whose inputs are unchanged is kept.
    mutating func refreshOncall() {
        let generation = snapshotGeneration
        guard let members = derived.members else { return }
        let t = displayTime
        let rotations = snapshot.rotations
        let overrides = snapshot.overrides
        if var part = derived.oncall, part.time == t, part.me == me, part.rotations == rotations,
           let changed = members.changes(since: part.membersVersion) {
            if part.generation != generation {
                let sameOverrides = StorageIdentity.same(part.overrides, overrides)
                for (i, rotation) in rotations.enumerated() {
                    var stale = !sameOverrides && part.overrides.overrides(for: rotation.id) != overrides.overrides(for: rotation.id)
                    if !stale, !changed.plans.isEmpty {
                        let status = part.glances[i].status
                        stale = [status.now?.member, status.next?.member].contains { $0.map(changed.plans.contains) ?? false }
                    }
                    if stale {
                        part.glances[i] = OncallGlance(rotation, in: snapshot, now: t, viewer: me)
                        derived.work.glances += 1
                    }
                }
            }
            part.generation = generation
            part.membersVersion = members.version
            part.rotations = rotations
            part.overrides = overrides
            derived.oncall = part
            return
        }
        derived.oncall = .init(generation: generation, membersVersion: members.version, time: t, me: me, rotations: rotations, overrides: overrides,
                               glances: rotations.map { OncallGlance($0, in: snapshot, now: t, viewer: me) })
        derived.work.glances += rotations.count
    }

    /// The clocks rows on screen.
    mutating func refreshClocks() {
        let generation = snapshotGeneration
        guard let members = derived.members else { return }
        let rows = ClocksView.visibleRows(self)
        let t = displayTime
        let zone = viewerZone
        if var part = derived.clocks, part.time == t, part.zone == zone.identifier, part.first == rows.lowerBound, part.rows.count == rows.count,
           let changed = members.changes(since: part.membersVersion) {
            if !changed.isEmpty {
                for (k, i) in rows.enumerated() where changed.affectsClocks(members.members[i].id) {
                    part.rows[k] = ClocksRow(member: members.members[i], snapshot: snapshot, at: t, viewerZone: zone)
                    derived.work.clockRows += 1
                }
            }
            part.generation = generation
            part.membersVersion = members.version
            derived.clocks = part
            return
        }
        let list = snapshot.members
        derived.clocks = .init(generation: generation, membersVersion: members.version, time: t, zone: zone.identifier, first: rows.lowerBound,
                               rows: rows.map { ClocksRow(member: list[$0], snapshot: snapshot, at: t, viewerZone: zone) })
        derived.work.clockRows += rows.count
    }
}
