import Foundation
import Testing
@testable import MeridianKit
#if canImport(Glibc)
import Glibc
#endif

/// Hostile shapes of the directory tree: link loops, FIFOs, deep folders and thousands of files.
@Suite("Hostile directory trees", .serialized)
struct HostileTreeTests {
    @Test("symbolic link loops under journal/ are reported and never followed")
    func symlinkLoops() throws {
        let team = HostileTeam()
        team.write("journal/alice/lap.jsonl", Lines.create("T1") + "\n")
        #expect(symlink("loop", team.path + "/journal/loop") == 0)
        #expect(symlink("..", team.path + "/journal/alice/up") == 0)
        #expect(symlink("b.jsonl", team.path + "/journal/alice/a.jsonl") == 0)
        #expect(symlink("a.jsonl", team.path + "/journal/alice/b.jsonl") == 0)
        #expect(symlink("/etc/passwd", team.path + "/journal/alice/passwd.jsonl") == 0)
        guard let s = team.load(within: 10) else { return }
        #expect(Set(s.board.tasks.keys) == ["T1"])
        #expect(s.problems.map(\.description) == [
            "journal/alice/a.jsonl: symbolic link not followed",
            "journal/alice/b.jsonl: symbolic link not followed",
            "journal/alice/passwd.jsonl: symbolic link not followed",
            "journal/alice/up: symbolic link not followed",
            "journal/loop: symbolic link not followed",
        ])
    }

    @Test("a symbolic link as the journal/ folder itself is not followed")
    func journalFolderIsLink() throws {
        let team = HostileTeam()
        let outside = HostileTeam("outside")
        outside.write("journal/alice/lap.jsonl", Lines.create("OUTSIDE") + "\n")
        try FileManager.default.removeItem(atPath: team.path + "/journal")
        #expect(symlink(outside.path + "/journal", team.path + "/journal") == 0)
        guard let s = team.load(within: 10) else { return }
        #expect(s.board.tasks.isEmpty)
        #expect(s.problems.map(\.description) == ["journal: symbolic link not followed"])
    }

    @Test("a FIFO named x.jsonl (and FIFOs as TOML files) never blocks the reader")
    func fifo() throws {
        let team = HostileTeam()
        team.write("journal/alice/lap.jsonl", Lines.create("T1") + "\n")
        #expect(mkfifo(team.path + "/journal/alice/x.jsonl", 0o644) == 0)
        #expect(mkfifo(team.path + "/members/bob.toml", 0o644) == 0)
        #expect(mkfifo(team.path + "/oncall/primary.toml", 0o644) == 0)
        guard let s = team.load(within: 5) else { return }
        #expect(Set(s.board.tasks.keys) == ["T1"])
        #expect(s.members.map(\.id) == ["alice"])
        #expect(s.problems.map(\.description) == [
            "journal/alice/x.jsonl: not a regular file; skipped",
            "members/bob.toml: not a regular file; skipped",
            "oncall/primary.toml: not a regular file; skipped",
        ])
        // team.toml itself a FIFO: not a team directory, and still no hang.
        try FileManager.default.removeItem(atPath: team.path + "/team.toml")
        #expect(mkfifo(team.path + "/team.toml", 0o644) == 0)
        let opened = Deadline.run(seconds: 5) { [path = team.path] in (try? Team(path: path)) == nil }
        #expect(opened == true)
    }

    @Test("a journal file replaced by a FIFO between refreshes does not block")
    func fileBecomesFIFO() throws {
        let team = HostileTeam()
        team.write("journal/alice/lap.jsonl", Lines.create("T1") + "\n")
        let t = try Team(path: team.path)
        try FileManager.default.removeItem(atPath: team.path + "/journal/alice/lap.jsonl")
        #expect(mkfifo(team.path + "/journal/alice/lap.jsonl", 0o644) == 0)
        let finished = Deadline.run(seconds: 5) { [t = UncheckedBox(t)] in (try? t.value.reload()) != nil }
        #expect(finished == true)
        #expect(t.snapshot.board.tasks.isEmpty)
        #expect(t.snapshot.problems.map(\.description) == ["journal/alice/lap.jsonl: not a regular file; skipped"])
    }

    @Test("folders nested deeper than the limit are a problem, not a stack overflow")
    func deepFolders() {
        let team = HostileTeam()
        let deep = (0..<40).map { "d\($0)" }.joined(separator: "/")
        team.write("journal/\(deep)/lap.jsonl", Lines.create("DEEP") + "\n")
        team.write("journal/alice/lap.jsonl", Lines.create("T1") + "\n")
        guard let s = team.load(within: 10) else { return }
        #expect(Set(s.board.tasks.keys) == ["T1"])
        #expect(s.problems.count == 1)
        #expect(s.problems.first?.message.contains("nested deeper than 16 levels") == true)
    }

    @Test("5,000 small journal files load in bounded time; a refresh with no change is quick")
    func manyFiles() throws {
        // In memory where possible: creating 5,000 files on a busy disk is the slow part, not reading them.
        let team = HostileTeam("many", under: FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : nil)
        for i in 0..<5_000 {
            team.write("journal/m\(i % 50)/d\(i).jsonl", Lines.create("T\(i)", by: "m\(i % 50)") + "\n")
        }
        let start = Date()
        guard let s = team.load(within: 60) else { return }
        let loadTime = Date().timeIntervalSince(start)
        #expect(s.board.tasks.count == 5_000)
        #expect(s.problems.isEmpty)
        #expect(loadTime < 30, "load took \(loadTime) s")
        let t = try Team(path: team.path)
        let refreshStart = Date()
        #expect(try t.reload() == false)
        #expect(Date().timeIntervalSince(refreshStart) < 10)
        // One more line in one file among 5,000 is picked up.
        team.append("journal/m7/d7.jsonl", Lines.create("NEW", by: "m7") + "\n")
        #expect(try t.reload() == true)
        #expect(t.snapshot.board.tasks.count == 5_001)
    }

    @Test("a journal file name with control characters is read and reported by its path")
    func controlCharacterFileName() {
        let team = HostileTeam()
        team.write("journal/alice/\u{1B}[2J\u{7}.jsonl", "not json\n")
        guard let s = team.load() else { return }
        #expect(s.problems.map(\.file) == ["journal/alice/\u{1B}[2J\u{7}.jsonl"])
    }

    @Test("a journal file name that is not UTF-8 is reported, not silently skipped")
    func nonUTF8FileName() {
        let team = HostileTeam()
        let name = Array((team.path + "/journal/alice/").utf8) + [0x6C, 0xFF, 0x70] + Array(".jsonl".utf8)
        try? FileManager.default.createDirectory(atPath: team.path + "/journal/alice", withIntermediateDirectories: true)
        let fd = name.withUnsafeBufferPointer { buf -> Int32 in
            let cs = Array(buf) + [0]
            return cs.withUnsafeBufferPointer { p in p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: cs.count) { open($0, O_WRONLY | O_CREAT, 0o644) } }
        }
        #expect(fd >= 0)
        let line = Array((Lines.create("T1") + "\n").utf8)
        line.withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard let s = team.load() else { return }
        #expect(s.problems.count == 1)
        #expect(s.problems.first?.message.contains("not valid UTF-8") == true, "\(s.problems)")
    }
}

/// Hands a non-Sendable reference to a deadline thread in a test where nothing else touches it meanwhile.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ v: T) { value = v }
}
