import Foundation
import Testing
@testable import MeridianKit

/// What sync tools leave in TEAM: conflict copies are read and merged, temp and dot files are
/// not, and symbolic links are never followed.
@Suite struct ReaderSyncTests {
    @Test(arguments: [
        "lap.sync-conflict-20261125-120000-ABCDEFG.jsonl",
        "lap (Bob's conflicted copy 2026-11-25).jsonl",
        "lap (conflicted copy 2026-11-25 120000).jsonl",
    ])
    func conflictCopyMergesWithoutDuplicatesOrLoss(copyName: String) throws {
        let f = TeamFixture()
        f.member("ann")
        let shared = Line.create("T1", id: "e1", lc: 1, title: "Shared") + Line.create("T2", id: "e2", lc: 2, title: "Also shared")
        // The original went on to get one more event; the copy holds the other side's unique one.
        f.write("journal/ann/lap.jsonl", shared + Line.create("T3", id: "e3", lc: 3, title: "Only in original"))
        f.write("journal/ann/\(copyName)", shared + Line.create("T4", id: "e4", lc: 4, title: "Only in copy"))
        let s = try f.load()
        #expect(s.board.orderedTasks.map(\.id) == ["T1", "T2", "T3", "T4"])
        #expect(s.state.eventCount == 4)
        #expect(s.problems.isEmpty, "\(s.problems)")
    }

    @Test func tempAndDotFilesAndFoldersAreIgnored() throws {
        let f = TeamFixture()
        f.member("ann")
        f.write("journal/ann/lap.jsonl", Line.create("T1", id: "e1", lc: 1))
        f.write("journal/ann/.syncthing.lap.jsonl.tmp", Line.create("TMP1", id: "t1", lc: 2))
        f.write("journal/ann/.lap.jsonl.~1a2b3c4d", Line.create("TMP2", id: "t2", lc: 3))
        f.write("journal/ann/.hidden.jsonl", Line.create("TMP3", id: "t3", lc: 4))
        f.write("journal/.stversions/ann/lap~20261125-120000.jsonl", Line.create("OLD", id: "t4", lc: 5))
        f.write("journal/ann/.stversions/lap.jsonl", Line.create("OLD2", id: "t5", lc: 6))
        f.write("journal/ann/notes.txt", "not a journal\n")
        f.write("members/.ghost.toml", "name = \"Ghost\"\ntimezone = \"UTC\"\n")
        f.write("members/.stversions/old.toml", "name = \"Old\"\ntimezone = \"UTC\"\n")
        let s = try f.load()
        #expect(s.board.orderedTasks.map(\.id) == ["T1"])
        #expect(s.members.map(\.id) == ["ann"])
        #expect(s.problems.isEmpty, "\(s.problems)")
    }

    @Test func journalsAtAnyDepthAreRead() throws {
        let f = TeamFixture()
        f.write("journal/ann/lap.jsonl", Line.create("T1", id: "e1", lc: 1))
        f.write("journal/archive/2025/ann/old.jsonl", Line.create("T2", id: "e2", lc: 2))
        f.write("journal/loose.jsonl", Line.create("T3", id: "e3", lc: 3))
        #expect(try f.load().board.orderedTasks.map(\.id) == ["T1", "T2", "T3"])
    }

    @Test func symbolicLinksAreNotFollowed() throws {
        let outside = TeamFixture(teamToml: nil)
        outside.write("evil.jsonl", Line.create("EVIL", id: "x1", lc: 1))
        outside.write("dir/evil.jsonl", Line.create("EVILDIR", id: "x2", lc: 2))
        outside.write("ghost.toml", "name = \"Ghost\"\ntimezone = \"UTC\"\n")
        outside.write("rot.toml", "timezone = \"UTC\"\nstart = \"2026-11-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\"]\n")

        let f = TeamFixture()
        f.member("ann")
        f.write("journal/ann/lap.jsonl", Line.create("T1", id: "e1", lc: 1))
        f.symlink("journal/ann/evil.jsonl", to: outside.path + "/evil.jsonl")
        f.symlink("journal/linked", to: outside.path + "/dir")
        f.symlink("journal/ann/inner.jsonl", to: f.path + "/journal/ann/lap.jsonl")
        f.symlink("members/ghost.toml", to: outside.path + "/ghost.toml")
        f.symlink("oncall/rot.toml", to: outside.path + "/rot.toml")
        let s = try f.load()
        #expect(s.board.orderedTasks.map(\.id) == ["T1"])
        #expect(s.members.map(\.id) == ["ann"])
        #expect(s.rotations.isEmpty)
        let linkProblems = Set(s.problems.filter { $0.message.contains("symbolic link") }.map(\.file))
        #expect(linkProblems == ["journal/ann/evil.jsonl", "journal/linked", "journal/ann/inner.jsonl", "members/ghost.toml", "oncall/rot.toml"])
    }

    @Test func symlinkedTopFoldersAreNotFollowed() throws {
        let outside = TeamFixture(teamToml: nil)
        outside.write("journal/ann/lap.jsonl", Line.create("EVIL", id: "x1", lc: 1))
        outside.write("members/ghost.toml", "name = \"Ghost\"\ntimezone = \"UTC\"\n")
        let f = TeamFixture()
        f.symlink("journal", to: outside.path + "/journal")
        f.symlink("members", to: outside.path + "/members")
        let s = try f.load()
        #expect(s.board.orderedTasks.isEmpty)
        #expect(s.members.isEmpty)
        #expect(Set(s.problems.map(\.file)) == ["journal", "members"])
    }

    @Test func teamTomlSymlinkOrMissingIsNotATeam() throws {
        let f = TeamFixture(teamToml: nil)
        #expect(throws: TeamError.self) { try Team(path: f.path) }
        let outside = TeamFixture()
        f.symlink("team.toml", to: outside.path + "/team.toml")
        #expect(throws: TeamError.self) { try Team(path: f.path) }
        #expect(throws: TeamError.self) { try Team(path: f.path + "/nope") }
    }

    @Test func writerRefusesSymlinkedJournal() throws {
        let outside = TeamFixture(teamToml: nil)
        outside.write("target.jsonl", "")
        let f = TeamFixture()
        f.symlink("journal/ann/lap.jsonl", to: outside.path + "/target.jsonl")
        let w = JournalWriter(teamPath: f.path, member: "ann", device: "lap")
        #expect(throws: WriteError.self) {
            try w.append(op: "status.clear", fields: [], now: Date(timeIntervalSince1970: 1_800_000_000), largestLC: 0)
        }
        #expect(try String(contentsOfFile: outside.path + "/target.jsonl", encoding: .utf8).isEmpty)
        let g = TeamFixture()
        g.symlink("journal/bob", to: outside.path)
        let w2 = JournalWriter(teamPath: g.path, member: "bob", device: "lap")
        #expect(throws: WriteError.self) {
            try w2.append(op: "status.clear", fields: [], now: Date(timeIntervalSince1970: 1_800_000_000), largestLC: 0)
        }
        #expect(!FileManager.default.fileExists(atPath: outside.path + "/lap.jsonl"))
    }
}
