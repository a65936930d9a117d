import Foundation
import MeridianKit
import MeridianTerminal
@testable import MeridianUI
import Testing

/// The dashboard re-derives only the view data a change touches (`DerivedViews`). These tests hold
/// that path to the straightforward one: after every step of a random sequence of changes on a
/// generated team — teammates' board events, statuses, time off, overrides, config edits, sync
/// conflict copies, bad and duplicate lines, keys, resizes, and time running across midnights and
/// a DST change — the kept data equals a full re-derive and the frames are the same. Then, that a
/// change really derives little: a board event touches no member rows, a status one member's.
@Suite(.serialized) struct IncrementalDerivationTests {
    /// Sat 31 Oct 2026 11:00 in Los Angeles (m000's zone); US clocks go back on Sun 1 Nov.
    static let start = Instant.parse("2026-10-31T18:00:00Z")!

    static func state(_ team: GeneratedTeam, me: String = "m000") -> AppState {
        let snapshot = team.team.snapshot
        var s = AppState(snapshot: snapshot, me: me, fallbackZone: .utc, clock: start, width: 200, height: 60)
        _ = Update.update(&s, .teamChanged(snapshot))
        return s
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func keptDataEqualsAFullRederiveAfterRandomChanges(seed: UInt64) throws {
        let team = try GeneratedTeam()
        defer { team.remove() }
        var s = Self.state(team)
        var script = ChangeScript(team: team, seed: seed)
        DerivedCheck.expectKeptDataIsFresh(s, "start")
        for step in 0..<70 {
            for (what, action) in try script.next(&s) {
                _ = Update.update(&s, action)
                DerivedCheck.expectKeptDataIsFresh(s, "seed \(seed) step \(step): \(what)")
            }
        }
        // The run went through the DST change and a few midnights in the viewer's zone.
        #expect(s.clock > Instant.parse("2026-11-01T09:00:00Z")!)
    }

    /// Snapshots that differ from the last in one config part only, everything else shared (a
    /// loader may publish such snapshots without re-folding the journals).
    @Test func keptDataFollowsConfigEditsThatShareTheFold() throws {
        let team = try GeneratedTeam()
        defer { team.remove() }
        var s = Self.state(team)
        func edit(_ what: String, _ change: (inout TeamSnapshot) -> Void) {
            var next = s.snapshot
            change(&next)
            _ = Update.update(&s, .teamChanged(next))
            DerivedCheck.expectKeptDataIsFresh(s, what)
        }
        edit("rename m001") { $0.members[1].name = "Zed Renamed" }
        edit("m002 takes m005's hours") { $0.members[2].hours = $0.members[5].hours }
        edit("m003 moves to Tokyo") { $0.members[3].zone = Zone("Asia/Tokyo")! }
        edit("m004 leaves") { $0.members.remove(at: 4) }
        edit("rotation order") { $0.rotations[0].members.reverse() }
        edit("rotation gone") { $0.rotations.removeLast() }
        edit("WIP limits") { $0.settings.wipLimits = ["Todo": 1] }
        edit("stale claims") { $0.settings.staleClaimDays = 0.5 }
        edit("problems") { $0.problems = [] }
    }

    // MARK: - a change derives only what it touches

    /// A team, a state and its derivation counts, and a way to count what the next action derives.
    struct Probe {
        let team: GeneratedTeam
        var state: AppState

        init(me: String = "m000") throws {
            team = try GeneratedTeam()
            state = IncrementalDerivationTests.state(team, me: me)
        }

        /// What `change` derived.
        mutating func work(_ change: (inout AppState, GeneratedTeam) throws -> Void) rethrows -> DerivedViews.Work {
            let before = state.derived.work
            try change(&state, team)
            DerivedCheck.expectKeptDataIsFresh(state, "after the change")
            return state.derived.work.since(before)
        }

        static func reload(_ s: inout AppState, _ team: GeneratedTeam) {
            _ = Update.update(&s, .teamChanged(team.team.snapshot))
        }
    }

    /// A member that is on call neither now nor next in any rotation.
    static func offCallMember(_ s: AppState) -> String {
        let busy = Set(s.derived.oncall!.glances.flatMap { [$0.status.now?.member, $0.status.next?.member].compactMap { $0 } })
        return s.snapshot.members.map(\.id).first { !busy.contains($0) && $0 != s.me }!
    }

    @Test func aBoardEventRederivesTheBoardAndNoMemberRows() throws {
        var probe = try Probe()
        defer { probe.team.remove() }
        let task = probe.state.snapshot.board.orderedTasks[0].id
        let work = try probe.work { s, team in
            try team.append("m001", "task.comment", [("task", .string(task)), ("text", .string("on it"))], at: Self.start)
            Probe.reload(&s, team)
        }
        #expect(work == .init(boards: 1, narrowedBoards: 0, timelineDays: 0, glances: 0, clockRows: 0))
    }

    @Test func aStatusRederivesThatMembersClocksRowOnly() throws {
        var probe = try Probe()
        defer { probe.team.remove() }
        let member = Self.offCallMember(probe.state)
        let work = try probe.work { s, team in
            try team.append(member, "status.set", [("text", .string("Lunch")), ("kind", .string("away"))], at: Self.start)
            Probe.reload(&s, team)
        }
        #expect(work == .init(boards: 0, narrowedBoards: 0, timelineDays: 0, glances: 0, clockRows: 1))
    }

    /// Statuses show in the Clocks row only: the timeline's plan and the on-call warnings ignore them.
    @Test func aStatusOfTheMemberOnCallRederivesTheirClocksRowOnly() throws {
        var probe = try Probe()
        defer { probe.team.remove() }
        let onCall = try #require(probe.state.derived.oncall!.glances.compactMap(\.status.now?.member).first)
        let work = try probe.work { s, team in
            try team.append(onCall, "status.set", [("text", .string("Out")), ("kind", .string("ooo"))], at: Self.start)
            Probe.reload(&s, team)
        }
        #expect(work.boards == 0 && work.timelineDays == 0 && work.glances == 0 && work.clockRows <= 1)
    }

    @Test func timeOffOfTheMemberOnCallRederivesTheirRotationsGlances() throws {
        var probe = try Probe()
        defer { probe.team.remove() }
        let glances = probe.state.derived.oncall!.glances
        let onCall = try #require(glances.compactMap(\.status.now?.member).first)
        let rotations = glances.filter { [$0.status.now?.member, $0.status.next?.member].contains(onCall) }.count
        let work = try probe.work { s, team in
            try team.append(onCall, "timeoff.add", [("from", .string("2026-10-31")), ("to", .string("2026-11-02"))], at: Self.start)
            Probe.reload(&s, team)
        }
        #expect(work.glances == rotations)
        #expect(work.boards == 0 && work.timelineDays == 1 && work.clockRows <= 1)
    }

    @Test func anOverrideRederivesItsRotationsGlanceOnly() throws {
        var probe = try Probe()
        defer { probe.team.remove() }
        let work = try probe.work { s, team in
            try team.append("m002", "oncall.override", [("rotation", .string("primary")), ("member", .string("m002")),
                                                        ("from", .string("2026-10-31T20:00:00Z")), ("to", .string("2026-11-01T08:00:00Z"))], at: Self.start)
            Probe.reload(&s, team)
        }
        #expect(work == .init(boards: 0, narrowedBoards: 0, timelineDays: 0, glances: 1, clockRows: 0))
    }

    @Test func aNewMinuteRederivesTheClockViewsButNotTheDay() throws {
        var probe = try Probe()
        defer { probe.team.remove() }
        let rows = ClocksView.visibleRows(probe.state).count
        let work = probe.work { s, _ in _ = Update.update(&s, .tick(Self.start.addingTimeInterval(60))) }
        #expect(work == .init(boards: 0, narrowedBoards: 0, timelineDays: 0, glances: probe.state.snapshot.rotations.count, clockRows: rows))
        let midnight = probe.work { s, _ in _ = Update.update(&s, .tick(Instant.parse("2026-11-01T07:30:00Z")!)) }
        #expect(midnight.timelineDays == probe.state.snapshot.members.count)
    }

    @Test func typingOnNarrowsTheFilteredBoardInsteadOfDerivingItAgain() throws {
        var probe = try Probe()
        defer { probe.team.remove() }
        let first = probe.work { s, _ in _ = Fixture.press(&s, ["3", "/", "t"]) }
        #expect(first.boards == 1 && first.narrowedBoards == 0)
        let more = probe.work { s, _ in _ = Fixture.press(&s, ["e", "s", " ", "f"]) }
        #expect(more.boards == 0 && more.narrowedBoards == 4)
        let back = probe.work { s, _ in _ = Fixture.press(&s, [KeyEvent.backspace]) }
        #expect(back.boards == 1)
    }

    @Test func narrowingIsOnlyClaimedWhenEveryShownTaskWasShownBefore() {
        func f(_ text: String) -> TaskFilter { TaskFilter(text, members: []) }
        #expect(f("tes").narrows(f("te")))
        #expect(f("te x").narrows(f("te")))
        #expect(f("x te").narrows(f("e")))
        #expect(f("TE").narrows(f("te")))
        #expect(!f("t").narrows(f("te")))
        #expect(!f("tx").narrows(f("te")))
        #expect(!f("té").narrows(f("t")))  // not ASCII: no claim
    }
}
