import Foundation
import Testing
@testable import MeridianKit

/// `Team.reload()` reads only what changed and always ends where a fresh `Team(path:)` would.
@Suite struct ReaderReloadTests {
    @Test func appendedEventIsPickedUpAndMatchesAFreshLoad() throws {
        let f = TeamFixture()
        f.member("ann")
        f.member("bob")
        f.write("journal/ann/lap.jsonl", Line.create("T1", id: "e1", lc: 10))
        let team = try Team(path: f.path)
        #expect(try team.reload() == false)
        f.append("journal/ann/lap.jsonl", Line.claim("T1", id: "e2", lc: 11, by: "ann"))
        #expect(try team.reload())
        #expect(team.snapshot.board.tasks["T1"]?.holder == "ann")
        #expect(SnapshotDump.text(team.snapshot) == SnapshotDump.text(try f.load()))

        // An event that sorts before what was read (a late conflict copy) refolds and still matches.
        f.write("journal/bob/desk.jsonl", Line.claim("T1", id: "e0", lc: 10, by: "bob") + "garbage\n")
        #expect(try team.reload())
        #expect(team.snapshot.board.tasks["T1"]?.holder == "bob")
        #expect(team.snapshot.board.conflicts.map(\.member) == ["ann"])
        #expect(SnapshotDump.text(team.snapshot) == SnapshotDump.text(try f.load()))

        // A duplicate of an existing id appended later changes nothing but is not double-counted.
        f.append("journal/bob/desk.jsonl", Line.claim("T1", id: "e0", lc: 10, by: "bob"))
        try team.reload()
        #expect(team.snapshot.state.eventCount == 3)
        #expect(SnapshotDump.text(team.snapshot) == SnapshotDump.text(try f.load()))
    }

    @Test func refreshReadsOnlyAppendedLines() throws {
        let f = TeamFixture()
        f.write("journal/ann/lap.jsonl", Line.create("T1", id: "e1", lc: 1) + Line.create("T2", id: "e2", lc: 2))
        let store = JournalStore(teamPath: f.path)
        #expect(store.refresh().changed)
        let quiet = store.refresh()
        #expect(!quiet.changed && quiet.appendedOnly?.isEmpty == true)
        f.append("journal/ann/lap.jsonl", Line.create("T3", id: "e3", lc: 3) + "{\"half")
        let change = store.refresh()
        #expect(change.appendedOnly?.map(\.id) == ["e3"])
        f.append("journal/ann/lap.jsonl", "\"}\n")
        let next = store.refresh()
        #expect(next.appendedOnly?.isEmpty == true)
        #expect(store.problems.map(\.line) == [4])
        #expect(store.rawEvents.map(\.id) == ["e1", "e2", "e3"])
    }

    @Test func truncatedOrReplacedFileIsReadAfresh() throws {
        let f = TeamFixture()
        f.write("journal/ann/lap.jsonl", Line.create("T1", id: "e1", lc: 1) + Line.create("T2", id: "e2", lc: 2))
        let team = try Team(path: f.path)
        f.write("journal/ann/lap.jsonl", Line.create("T3", id: "e3", lc: 3))
        try team.reload()
        #expect(team.snapshot.board.orderedTasks.map(\.id) == ["T3"])
        #expect(SnapshotDump.text(team.snapshot) == SnapshotDump.text(try f.load()))
        try FileManager.default.removeItem(atPath: f.path + "/journal/ann/lap.jsonl")
        try team.reload()
        #expect(team.snapshot.board.orderedTasks.isEmpty)
    }

    @Test func configChangesAreReloaded() throws {
        let f = TeamFixture()
        f.member("ann")
        let team = try Team(path: f.path)
        f.member("bob", zone: "Asia/Kathmandu")
        f.write("members/ann.toml", "name = \"Ann\"\ntimezone = \"Mars/Base\"\n")
        #expect(try team.reload())
        #expect(team.snapshot.members.map(\.id) == ["bob"])
        #expect(team.snapshot.problems.map(\.file) == ["members/ann.toml"])
        #expect(SnapshotDump.text(team.snapshot) == SnapshotDump.text(try f.load()))
    }

    @Test func manyIncrementalAppendsMatchAFreshLoad() throws {
        var rng = SeededRandom(seed: 7)
        let f = TeamFixture()
        f.write("oncall/primary.toml", "timezone = \"UTC\"\nstart = \"2026-11-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\", \"bob\"]\n")
        let team = try Team(path: f.path)
        let events = RandomJournal.events(count: 120, rng: &rng)
        var clock: Int64 = 0
        for (i, e) in events.enumerated() {
            clock += Int64(rng.next() % 3)
            let file = "journal/\(e.by)/\(["lap", "desk"][Int(rng.next() % 2)]).jsonl"
            f.append(file, e.line(lc: clock))
            if i % 7 == 0 {
                try team.reload()
                #expect(SnapshotDump.text(team.snapshot) == SnapshotDump.text(try f.load()))
            }
        }
        try team.reload()
        #expect(SnapshotDump.text(team.snapshot) == SnapshotDump.text(try f.load()))
    }
}
