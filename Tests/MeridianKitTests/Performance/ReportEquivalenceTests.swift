import Foundation
import Testing
@testable import MeridianKit

/// The shortcuts the status report takes give what the straightforward code gave, on a generated
/// team (many zones, statuses, time off, rotations and overrides): `nextChange` read cut by cut
/// against the whole timeline, the viewer's next on-call slot walked with only the overrides that
/// can still matter against the walk over all of them, offset changes with the table's shortcut
/// against plain sampling, and calendars shared between sections against fresh ones.
@Suite struct ReportEquivalenceTests {
    /// Generated, loaded, and its folder removed again: the tests read only the snapshot.
    static let snapshot: TeamSnapshot = {
        let f = TeamFixture(teamToml: nil)
        let config = BigTeamGenerator.Config(members: 24, zones: 14, tasks: 300, events: 8000, files: 12, seed: 77)
        try! BigTeamGenerator(config: config).write(to: f.path)
        return try! Team(path: f.path).snapshot
    }()

    /// Instants around the generated journal's end, on and off the hour, and across a DST change.
    static let instants: [Date] = {
        let base = BigTeamGenerator.now.timeIntervalSince1970
        var out: [Date] = []
        for h in stride(from: -24 * 40, through: 24 * 150, by: 37) { out.append(Date(timeIntervalSince1970: base + Double(h) * 3600 + 61)) }
        return out
    }()

    /// `nextChange` as it was written: the whole timeline of each growing window.
    static func referenceNextChange(_ c: MemberCalendar, after now: Date, horizonDays: Int = 400) -> Date? {
        let horizon = now.addingTimeInterval(Double(horizonDays) * 86400)
        if c.member.hours.isEmpty && !c.timeOff.contains(where: { $0.end > now }) { return nil }
        var start = now
        var span: TimeInterval = 2 * 86400
        var current: AvailabilityKind?
        while start < horizon {
            let window = InstantInterval(start: start, end: min(horizon, start.addingTimeInterval(span)))
            for seg in c.timeline(in: window) {
                guard let k = current else { current = seg.availability; continue }
                if seg.availability != k { return seg.interval.start }
            }
            start = window.end
            span *= 4
        }
        return nil
    }

    @Test("nextChange read cut by cut equals the whole-timeline answer")
    func nextChange() {
        let snapshot = Self.snapshot
        #expect(snapshot.members.count == 24)
        var changes = 0
        for m in snapshot.members {
            let c = MemberCalendar(member: m, presence: snapshot.presence)
            for t in Self.instants.prefix(60) {
                let fast = c.nextChange(after: t)
                #expect(fast == Self.referenceNextChange(c, after: t), "\(m.id) at \(t)")
                if fast != nil { changes += 1 }
            }
        }
        #expect(changes > 0)
    }

    @Test("shared calendars give the same members and overlap as fresh ones")
    func sharedCalendars() {
        let snapshot = Self.snapshot
        let calendars = Availability.calendars(of: snapshot)
        let viewer = Zone("Europe/London")!
        for t in Self.instants.prefix(8) {
            let shared = Availability.all(snapshot: snapshot, at: t, viewerZone: viewer, calendars: calendars)
            let fresh = snapshot.members.sorted { $0.id < $1.id }.map { Availability.of(member: $0, snapshot: snapshot, at: t, viewerZone: viewer) }
            #expect(shared.map(\.member.id) == fresh.map(\.member.id))
            #expect(shared.map(\.availability) == fresh.map(\.availability))
            #expect(shared.map(\.nextChange) == fresh.map(\.nextChange))
            #expect(shared.map(\.dstChange) == fresh.map(\.dstChange))
            let date = viewer.date(at: t)
            let a = Overlap.compute(snapshot: snapshot, date: date, zone: viewer, calendars: calendars)
            let b = Overlap.compute(snapshot: snapshot, date: date, zone: viewer)
            #expect(a.segments == b.segments)
            #expect(a.all == b.all)
        }
    }

    /// The viewer's next slot as it was found: every override, no shortcut.
    static func referenceFirstSlot(of member: String, in schedule: OncallSchedule, after now: Date) -> OncallSlot? {
        guard schedule.rotation.members.contains(member) || schedule.overrides.contains(where: { $0.member == member }) else { return nil }
        let limit = now.addingTimeInterval(OncallSchedule.nextHorizon)
        var x = now
        while let s = schedule.firstSlot(startingAtOrAfter: x, notAfter: limit) {
            if s.member == member { return s }
            x = s.end
        }
        return nil
    }

    @Test("the viewer's next on-call slot equals the walk over every override")
    func firstSlot() {
        let snapshot = Self.snapshot
        #expect(!snapshot.rotations.isEmpty)
        var overrides = 0, found = 0
        for r in snapshot.rotations {
            let schedule = OncallSchedule(r, in: snapshot)
            overrides += schedule.overrides.count
            let people = Array(Set(r.members + schedule.overrides.map(\.member))).sorted() + ["nobody"]
            // Instants on override edges too, where a slot's start is decided by an ended override.
            var times = Array(Self.instants.prefix(24))
            for o in schedule.overrides.prefix(20) { times += [o.from, o.to, o.to.addingTimeInterval(1), o.from.addingTimeInterval(-1)] }
            for t in times {
                for p in people {
                    let fast = OncallGlance.firstSlot(of: p, in: schedule, after: t)
                    #expect(fast == Self.referenceFirstSlot(of: p, in: schedule, after: t), "\(r.id) \(p) at \(t)")
                    if fast != nil { found += 1 }
                }
            }
        }
        #expect(overrides > 0)
        #expect(found > 0)
    }

    /// Offset changes by sampling every three hours and bisecting, each offset from Foundation.
    static func referenceOffsetChanges(_ tz: TimeZone, in window: InstantInterval, step: TimeInterval = 3 * 3600) -> [Date] {
        func offset(_ t: Double) -> Int { tz.secondsFromGMT(for: Date(timeIntervalSince1970: t)) }
        guard !window.isEmpty else { return [] }
        var out: [Date] = []
        var a = window.start.timeIntervalSince1970.rounded(.down)
        let limit = window.end.timeIntervalSince1970
        var oa = offset(a)
        while a < limit {
            let b = min(a + step, limit.rounded(.up))
            let ob = offset(b)
            if ob != oa {
                var lo = a, hi = b
                while hi - lo > 1 {
                    let mid = ((lo + hi) / 2).rounded(.down)
                    if offset(mid) == oa { lo = mid } else { hi = mid }
                }
                let t = Date(timeIntervalSince1970: hi)
                if window.contains(t) { out.append(t) }
                a = hi
                oa = offset(hi)
            } else {
                a = b
            }
        }
        return out
    }

    @Test("offset changes with the table's shortcut equal plain sampling", arguments: ZoneOffsetTableTests.zones)
    func offsetChanges(zone name: String) {
        let zone = Zone(name)!
        let tz = TimeZone(identifier: name)!
        var start = Double(ZoneOffsetTableTests.year(2025)) + 0.25
        while start < Double(ZoneOffsetTableTests.year(2029)) {
            for length in [3600.0, 86_400, 15 * 86_400 + 1.5] {
                let w = InstantInterval(start: Date(timeIntervalSince1970: start), end: Date(timeIntervalSince1970: start + length))
                #expect(zone.offsetChanges(in: w) == Self.referenceOffsetChanges(tz, in: w), "\(name) \(w)")
            }
            start += 5 * 86_400 + 3_333
        }
    }
}
