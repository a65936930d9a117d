import Foundation
import MeridianKit
import MeridianTerminal
@testable import MeridianUI
import Testing

/// Checks that the view data an app state keeps (`DerivedViews`) is what deriving everything
/// afresh from the state gives, part by part, and that the frames drawn both ways are the same.
enum DerivedCheck {
    static func expectKeptDataIsFresh(_ s: AppState, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let d = s.derived
        let g = s.snapshotGeneration
        // Every part must be kept for this very state: otherwise the views derive afresh and the
        // comparisons below would test nothing.
        let stamps = [d.board?.generation, d.conflicts?.generation, d.names?.generation, d.members?.generation,
                      d.timeline?.generation, d.oncall?.generation, d.clocks?.generation]
        #expect(stamps.allSatisfy { $0 == g }, "\(what): parts not kept for this snapshot: \(stamps) vs \(g)", sourceLocation: sourceLocation)
        #expect(d.board?.filter == s.activeFilter, "\(what): board kept for another filter", sourceLocation: sourceLocation)

        if let kept = d.board?.model {
            let fresh = BoardModel(snapshot: s.snapshot, filter: s.activeFilter)
            expectSame(describe(kept), describe(fresh), "\(what): board", sourceLocation)
        }
        #expect(d.conflicts?.losers == AppState.conflictLosers(s.snapshot), "\(what): claim losers", sourceLocation: sourceLocation)
        #expect(d.names?.widest == AppState.widestName(s.snapshot.members), "\(what): widest name", sourceLocation: sourceLocation)

        let zone = s.viewerZone
        let t = s.displayTime
        if let part = d.timeline {
            let day = TimelineView.day(containing: t, zone: zone)
            let window = InstantInterval(start: day.start, end: day.start.addingTimeInterval(day.length))
            #expect(part.window == window, "\(what): timeline window", sourceLocation: sourceLocation)
            let fresh = s.snapshot.members.map { MemberQueries.Day($0, s.snapshot, window: window) }
            expectSame(part.days.map(describe), fresh.map(describe), "\(what): timeline days", sourceLocation)
            if let planned = part.planned {
                let counts = TimelineView.plannedCounts(fresh, start: window.start, length: day.length, axisWidth: planned.axisWidth)
                #expect(planned.counts == counts, "\(what): overlap counts", sourceLocation: sourceLocation)
            }
        }
        if let part = d.oncall {
            #expect(part.time == t && part.me == s.me, "\(what): on-call kept for another time or viewer", sourceLocation: sourceLocation)
            let fresh = s.snapshot.rotations.map { OncallGlance($0, in: s.snapshot, now: t, viewer: s.me) }
            expectSame(part.glances.map(describe), fresh.map(describe), "\(what): on-call glances", sourceLocation)
        }
        if let part = d.clocks {
            let rows = ClocksView.visibleRows(s)
            #expect(part.time == t && part.zone == zone.identifier && part.first == rows.lowerBound && part.rows.count == rows.count,
                    "\(what): clocks kept for another time, zone or rows", sourceLocation: sourceLocation)
            let fresh = rows.map { ClocksRow(member: s.snapshot.members[$0], snapshot: s.snapshot, at: t, viewerZone: zone) }
            expectSame(part.rows.map(describe), fresh.map(describe), "\(what): clocks rows", sourceLocation)
        }
        DerivedViewsTests.expectSameFrames(s, what, sourceLocation: sourceLocation)
    }

    /// Expects equal lists, naming only the first entry that differs.
    static func expectSame(_ kept: [String], _ fresh: [String], _ what: String, _ sourceLocation: SourceLocation) {
        guard kept != fresh else { return }
        let i = zip(kept, fresh).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(kept.count, fresh.count)
        let k = i < kept.count ? kept[i] : "(none)", f = i < fresh.count ? fresh[i] : "(none)"
        Issue.record("\(what): entry \(i) of \(fresh.count) differs\n kept:  \(k)\n fresh: \(f)", sourceLocation: sourceLocation)
    }

    static func describe(_ model: BoardModel) -> [String] {
        model.columns.map { "\($0.name) \($0.total)/\($0.wipLimit.map(String.init) ?? "-"): \($0.tasks.ids.joined(separator: ","))" }
    }

    static func describe(_ day: MemberQueries.Day) -> String { "\(day.hours) | \(day.timeOff) | \(day.planned)" }

    static func describe(_ g: OncallGlance) -> String {
        "\(g.rotation.id) \(g.status) \(String(describing: g.handoff)) \(g.warnings) \(String(describing: g.mine))"
    }

    static func describe(_ row: ClocksRow) -> String {
        let a = row.info
        return "\(row.clock) \(row.weekday) \(row.offset) \(row.nextChange ?? "-") \(a.member.id) \(a.member.name) \(a.availability) \(String(describing: a.status)) \(String(describing: a.nextChange)) "
            + "\(a.utcOffset) \(a.localTime) \(String(describing: a.dstChange))"
    }
}
