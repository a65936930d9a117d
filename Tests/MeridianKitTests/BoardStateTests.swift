import Foundation
import Testing
@testable import MeridianKit

@Suite("Board fold (SPEC §1 merge rule and claims)")
struct BoardStateTests {
    @Test func firstCreateWinsAndLaterCreatesAreProblems() throws {
        let team = try BoardTestTeam()
        defer { team.remove() }
        try team.append([ev(2000, "ben", "task.create", ["task": "t1", "title": "Ben's"])], member: "ben")
        try team.append([ev(1000, "ana", "task.create", ["task": "t1", "title": "Ana's"])], member: "ana")
        let s = try team.snapshot()
        #expect(s.board.tasks["t1"]?.title == "Ana's")
        #expect(s.board.tasks["t1"]?.createdBy == "ana")
        let p = s.problems.filter { $0.message.contains("already created") }
        #expect(p.count == 1)
        #expect(p.first?.file == "journal/ben/d.jsonl")
        #expect(p.first?.line == 1)
    }

    @Test func lastWriterWinsFieldByField() throws {
        let team = try BoardTestTeam()
        defer { team.remove() }
        try team.append([ev(1000, "ana", "task.create", ["task": "t1", "title": "A", "priority": "low", "labels": ["x"], "notes": "n"])], member: "ana")
        // ben edits the title late; ana edits priority and clears notes in between; cho's title edit is older.
        try team.append([ev(3000, "ben", "task.edit", ["task": "t1", "title": "Ben title"])], member: "ben")
        try team.append([ev(2000, "ana", "task.edit", ["task": "t1", "priority": "urgent", "notes": NSNull()]),
                         ev(2500, "ana", "task.edit", ["task": "t1", "title": "Ana title", "labels": ["y", "z"]])], member: "ana", device: "e")
        try team.append([ev(1500, "cho", "task.edit", ["task": "t1", "title": "Cho title", "due": "2026-12-01"])], member: "cho")
        let t = try #require(try team.snapshot().board.tasks["t1"])
        #expect(t.title == "Ben title")
        #expect(t.priority == .urgent)
        #expect(t.labels == ["y", "z"])
        #expect(t.notes == nil)
        #expect(t.due?.text == "2026-12-01")
    }

    @Test func tiesInLcAreBrokenByMemberThenIdBytewise() throws {
        let team = try BoardTestTeam()
        defer { team.remove() }
        try team.append([ev(1000, "ana", "task.create", ["task": "t1", "title": "A"])], member: "ana")
        try team.append([ev(2000, "ben", "task.move", ["task": "t1", "column": "Done"], id: "aaa")], member: "ben")
        try team.append([ev(2000, "ana", "task.move", ["task": "t1", "column": "Doing"], id: "zzz")], member: "ana", device: "e")
        try team.append([ev(3000, "cho", "task.edit", ["task": "t1", "title": "second"], id: "B"),
                         ev(3000, "cho", "task.edit", ["task": "t1", "title": "first"], id: "A")], member: "cho")
        let t = try #require(try team.snapshot().board.tasks["t1"])
        #expect(t.column == "Done") // "ben" > "ana": ben's move is applied last
        #expect(t.title == "second") // "B" > "A" bytewise
    }

    @Test func claimsFollowSpec() throws {
        let team = try BoardTestTeam()
        defer { team.remove() }
        try team.append([ev(1000, "ana", "task.create", ["task": "t1", "title": "A"]),
                         ev(2000, "ana", "task.claim", ["task": "t1"], id: "c-ana"),
                         ev(2600, "ana", "task.claim", ["task": "t1"], id: "c-ana-again")], member: "ana")
        try team.append([ev(2100, "ben", "task.claim", ["task": "t1"], id: "c-ben"),
                         ev(2200, "ben", "task.release", ["task": "t1"])], member: "ben")
        let s = try team.snapshot()
        #expect(s.board.tasks["t1"]?.holder == "ana")
        #expect(s.board.conflicts == [ClaimConflict(task: "t1", member: "ben", lostTo: "ana", event: "c-ben", at: s.board.conflicts.first?.at ?? Date())])
        #expect(s.board.conflicts(lostBy: "ben").count == 1)
        #expect(s.board.conflicts(lostBy: "ana").isEmpty)
    }

    @Test func releaseByHolderFreesAndAssignSetsOutright() throws {
        let team = try BoardTestTeam()
        defer { team.remove() }
        try team.append([ev(1000, "ana", "task.create", ["task": "t1", "title": "A"]),
                         ev(1100, "ana", "task.create", ["task": "t2", "title": "B"]),
                         ev(2000, "ana", "task.claim", ["task": "t1"]),
                         ev(3000, "ana", "task.release", ["task": "t1"]),
                         ev(4000, "ana", "task.claim", ["task": "t2"]),
                         ev(5000, "ana", "task.assign", ["task": "t2", "to": "cho"]),
                         ev(6000, "ana", "task.claim", ["task": "t2"], id: "lost")], member: "ana")
        let s = try team.snapshot()
        #expect(s.board.tasks["t1"]?.holder == nil)
        #expect(s.board.tasks["t2"]?.holder == "cho")
        #expect(s.board.conflicts.map(\.event) == ["lost"])
        #expect(s.board.conflicts.first?.lostTo == "cho")
        try team.append([ev(7000, "ben", "task.assign", ["task": "t2", "to": NSNull()])], member: "ben")
        #expect(try team.snapshot().board.tasks["t2"]?.holder == nil)
    }

    @Test func deleteRemovesAndLaterEventsHaveNoEffect() throws {
        let team = try BoardTestTeam()
        defer { team.remove() }
        try team.append([ev(1000, "ana", "task.create", ["task": "t1", "title": "A"]),
                         ev(2000, "ana", "task.delete", ["task": "t1"]),
                         ev(3000, "ana", "task.claim", ["task": "t1"]),
                         ev(3100, "ana", "task.move", ["task": "t1", "column": "Done"]),
                         ev(4000, "ana", "task.create", ["task": "t1", "title": "Again"])], member: "ana")
        let s = try team.snapshot()
        #expect(s.board.tasks["t1"] == nil)
        #expect(s.board.deleted == ["t1"])
        #expect(s.board.knownIDs.contains("t1"))
        #expect(s.problems.map(\.line) == [5]) // only the re-create is a problem
    }

    @Test func unknownColumnShowsFirstAndIsAProblemWhileItLasts() throws {
        let team = try BoardTestTeam()
        defer { team.remove() }
        try team.append([ev(1000, "ana", "task.create", ["task": "t1", "title": "A", "column": "Limbo"])], member: "ana")
        var s = try team.snapshot()
        let t = try #require(s.board.tasks["t1"])
        #expect(s.board.displayColumn(t) == "Todo")
        #expect(s.board.tasks(in: "Todo").map(\.id) == ["t1"])
        #expect(s.problems.count == 1)
        #expect(s.problems.first?.description.hasPrefix("journal/ana/d.jsonl:1: ") == true)
        try team.append([ev(2000, "ana", "task.move", ["task": "t1", "column": "Nowhere"])], member: "ana")
        s = try team.snapshot()
        #expect(s.problems.map(\.line) == [2])
        try team.append([ev(3000, "ana", "task.move", ["task": "t1", "column": "Doing"])], member: "ana")
        s = try team.snapshot()
        #expect(s.problems.isEmpty)
        #expect(s.board.tasks(in: "Doing").map(\.id) == ["t1"])
    }

    @Test func orderIsPriorityThenCreation() throws {
        let team = try BoardTestTeam()
        defer { team.remove() }
        try team.append([ev(1000, "ana", "task.create", ["task": "a", "title": "a", "priority": "low"]),
                         ev(1001, "ana", "task.create", ["task": "b", "title": "b"]),
                         ev(1002, "ana", "task.create", ["task": "c", "title": "c", "priority": "urgent"]),
                         ev(1003, "ana", "task.create", ["task": "d", "title": "d", "priority": "high"]),
                         ev(1004, "ana", "task.create", ["task": "e", "title": "e", "priority": "urgent"]),
                         ev(1005, "ana", "task.create", ["task": "f", "title": "f"]),
                         ev(2000, "ana", "task.edit", ["task": "f", "priority": "high"]),
                         ev(2001, "ana", "task.edit", ["task": "c", "priority": NSNull()])], member: "ana")
        let s = try team.snapshot()
        #expect(s.board.tasks(in: "Todo").map(\.id) == ["e", "d", "f", "b", "c", "a"])
    }

    @Test func staleClaimUsesLatestEventAtOfAnyOpNamingTheTask() throws {
        let team = try BoardTestTeam(extraToml: "[board]\nstale_claim_days = 2\n")
        defer { team.remove() }
        try team.append([ev(1000, "ana", "task.create", ["task": "t1", "title": "A"], at: "2026-11-20T10:00:00Z"),
                         ev(1001, "ana", "task.claim", ["task": "t1"], at: "2026-11-20T11:00:00Z"),
                         ev(1002, "ben", "task.comment", ["task": "t1", "text": "ping"], at: "2026-11-22T12:00:00Z"),
                         // a later event in merge order with an earlier `at` does not move activity back
                         ev(1003, "ben", "task.edit", ["task": "t1", "notes": "x"], at: "2026-11-21T00:00:00Z")], member: "ana")
        let s = try team.snapshot()
        let t = try #require(s.board.tasks["t1"])
        let days = s.settings.staleClaimDays
        #expect(!BoardQueries.isStale(t, now: Instant.parse("2026-11-24T11:59:59Z")!, staleDays: days))
        #expect(BoardQueries.isStale(t, now: Instant.parse("2026-11-24T12:00:00Z")!, staleDays: days))
        var free = t
        free.holder = nil
        #expect(!BoardQueries.isStale(free, now: Instant.parse("2027-01-01T00:00:00Z")!, staleDays: days))
    }

    @Test func conflictCopiesNeverDuplicateALostClaim() throws {
        let team = try BoardTestTeam()
        defer { team.remove() }
        let lines = [ev(1000, "ana", "task.create", ["task": "t1", "title": "A"]), ev(2000, "ana", "task.claim", ["task": "t1"])]
        try team.append(lines, member: "ana")
        let benLines = [ev(2001, "ben", "task.claim", ["task": "t1"], id: "lost")]
        try team.append(benLines, member: "ben")
        try (benLines.joined(separator: "\n") + "\n").write(toFile: team.path + "/journal/ben/d.sync-conflict-20261125-120000-ABCDEFG.jsonl", atomically: true, encoding: .utf8)
        try (benLines.joined(separator: "\n") + "\n").write(toFile: team.path + "/journal/ben/d (conflicted copy 2026-11-25).jsonl", atomically: true, encoding: .utf8)
        let s = try team.snapshot()
        #expect(s.board.conflicts.map(\.event) == ["lost"])
    }

    @Test func eventsForTasksNeverCreatedAreProblemsButTheirIdsAreKnown() throws {
        let team = try BoardTestTeam()
        defer { team.remove() }
        try team.append([ev(1000, "ana", "task.claim", ["task": "ghost"])], member: "ana")
        let s = try team.snapshot()
        #expect(s.board.tasks.isEmpty)
        #expect(s.board.knownIDs == ["ghost"])
        #expect(s.problems.count == 1)
    }
}

@Suite("Task ids")
struct BoardTaskIDTests {
    @Test func idsAreShortCrockfordAndAvoidKnownOnesIgnoringCase() {
        var rng = SeededRandom(seed: 7)
        var known: Set<String> = []
        for _ in 0..<500 {
            let id = TaskIDGenerator.next(avoiding: known, using: &rng)
            #expect(id.count == 5)
            #expect(id.allSatisfy { "0123456789abcdefghjkmnpqrstvwxyz".contains($0) })
            #expect(Identifiers.isValidTaskID(id))
            #expect(!known.contains(id))
            known.insert(id.uppercased())
        }
    }

    @Test func collisionsAreRedrawn() {
        // Replay the generator to learn its first draws, then forbid them: it must draw again.
        var probe = SeededRandom(seed: 42)
        let first = TaskIDGenerator.next(avoiding: [], using: &probe)
        let second = TaskIDGenerator.next(avoiding: [], using: &probe)
        var rng = SeededRandom(seed: 42)
        #expect(TaskIDGenerator.next(avoiding: [first], using: &rng) == second)
    }

    @Test func aFullShortSpaceGrowsTheId() {
        /// A generator that always yields the same value: every 5-symbol draw collides.
        struct Stuck: RandomNumberGenerator { mutating func next() -> UInt64 { 0 } }
        var rng = Stuck()
        #expect(TaskIDGenerator.next(avoiding: ["00000"], using: &rng) == "000000")
    }
}
