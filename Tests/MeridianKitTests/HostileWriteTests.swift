import Foundation
import Testing
import MeridianTestSupport
@testable import MeridianKit
#if canImport(Glibc)
import Glibc
#endif

/// Writes that never lose data: concurrent writers of one member on one device, a full disk, a
/// read-only TEAM and hostile shapes where the journal should be.
@Suite("Hostile writes", .serialized)
struct HostileWriteTests {
    static let writers = 4
    static let eventsPerWriter = 500

    /// The body of one child writer process (runs only when the parent test spawns it).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MERIDIAN_HOSTILE_WRITER"] != nil))
    func writerChild() throws {
        let env = ProcessInfo.processInfo.environment
        let team = try #require(env["MERIDIAN_HOSTILE_TEAM"])
        let index = try #require(env["MERIDIAN_HOSTILE_WRITER"])
        let count = Int(env["MERIDIAN_HOSTILE_COUNT"] ?? "") ?? Self.eventsPerWriter
        let writer = JournalWriter(teamPath: team, member: "alice", device: "lap")
        for i in 0..<count {
            try writer.append(op: "task.comment", fields: [("task", .string("T")), ("text", .string("w\(index)-\(i)" + String(repeating: ".", count: i % 97)))],
                              now: Date(timeIntervalSince1970: 1_790_000_000), largestLC: 0)
        }
    }

    @Test("4 processes x 500 events on one member and device: every line whole, every event present, ids unique")
    func concurrentWriters() throws {
        let team = HostileTeam("writers")
        let exe = CommandLine.arguments[0]
        var children: [ChildProcess.Running] = []
        for w in 0..<Self.writers {
            var env = ProcessInfo.processInfo.environment
            env["MERIDIAN_HOSTILE_WRITER"] = String(w)
            env["MERIDIAN_HOSTILE_TEAM"] = team.path
            env["MERIDIAN_HOSTILE_COUNT"] = String(Self.eventsPerWriter)
            children.append(try #require(ChildProcess.start([exe] + ChildTest.arguments(filter: "writerChild"), environment: env)))
        }
        for child in children {
            let result = child.finish(deadline: 120)
            #expect(!result.timedOut, "a writer did not finish within 120 s")
            #expect(result.code == 0)
        }
        let data = try #require(FileManager.default.contents(atPath: team.path + "/journal/alice/lap.jsonl"))
        #expect(data.last == 0x0A)
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == Self.writers * Self.eventsPerWriter)
        var ids = Set<String>()
        var texts = Set<String>()
        var lastLC: Int64 = -1
        var ordered = true
        for (n, line) in lines.enumerated() {
            let bytes = Array(line)
            let result = bytes.withUnsafeBufferPointer { EventDecoder.decode($0, source: EventSource(file: "f", line: n + 1, offset: 0, length: $0.count)) }
            guard case .success(let e) = result else { Issue.record("line \(n + 1) is not a whole event: \(result)"); continue }
            ids.insert(e.id)
            if case .taskComment(_, let text) = e.payload { texts.insert(String(text.prefix { $0 != "." })) }
            // Each writer reads the largest lc under the lock, so the clock rises line by line.
            if e.lc <= lastLC { ordered = false }
            lastLC = e.lc
        }
        #expect(ids.count == lines.count)
        let expected = Set((0..<Self.writers).flatMap { w in (0..<Self.eventsPerWriter).map { "w\(w)-\($0)" } })
        #expect(texts == expected)
        #expect(ordered, "lc must rise strictly in file order")
        // And the reader agrees: no problems, every comment on the task... (task T does not exist, so none show) but no line is lost.
        let store = JournalStore(teamPath: team.path)
        store.refresh()
        #expect(store.problems.isEmpty)
        #expect(store.rawEvents.count == Self.writers * Self.eventsPerWriter)
    }

    @Test("a full disk gives a clear error and leaves the journal valid")
    func diskFull() throws {
        guard let mount = TinyMount(options: "size=64k") else {
            print("SKIP diskFull: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)")
            return
        }
        defer { mount.unmount() }
        let writer = JournalWriter(teamPath: mount.path, member: "alice", device: "lap")
        var written = 0
        var failure: WriteError?
        let text = String(repeating: "n", count: 900)
        for _ in 0..<1_000 {
            do {
                try writer.append(op: "task.comment", fields: [("task", .string("T")), ("text", .string(text))], now: Date(timeIntervalSince1970: 1_790_000_000), largestLC: 0)
                written += 1
            } catch {
                failure = error
                break
            }
        }
        let error = try #require(failure, "a 64 KiB disk must fill up")
        #expect(error.description.hasPrefix("cannot write to journal/alice/lap.jsonl: No space left on device"), "\(error)")
        #expect(written > 10)
        // The journal holds exactly the events that were reported written, each whole.
        let store = JournalStore(teamPath: mount.path)
        store.refresh()
        #expect(store.problems.isEmpty)
        #expect(store.rawEvents.count == written)
        let data = try #require(FileManager.default.contents(atPath: mount.path + "/journal/alice/lap.jsonl"))
        #expect(data.isEmpty || data.last == 0x0A)
        // Space freed: writing works again and nothing before is lost.
        try? FileManager.default.removeItem(atPath: mount.path + "/filler")
        try writer.append(op: "status.clear", fields: [], now: Date(timeIntervalSince1970: 1_790_000_000), largestLC: 0)
        store.refresh()
        #expect(store.rawEvents.count == written + 1)
        #expect(store.problems.isEmpty)
    }

    @Test("a read-only TEAM gives a clear error and changes nothing")
    func readOnlyTeam() throws {
        let team = HostileTeam("ro")
        team.write("journal/alice/lap.jsonl", Lines.create("T1") + "\n")
        guard let mount = TinyMount(bind: team.path, readOnly: true) else {
            print("SKIP readOnlyTeam: cannot bind-mount read-only here (needs root with CAP_SYS_ADMIN)")
            return
        }
        defer { mount.unmount() }
        let before = FileManager.default.contents(atPath: team.path + "/journal/alice/lap.jsonl")
        func attempt(_ member: String) -> String {
            do {
                try JournalWriter(teamPath: team.path, member: member, device: "lap").append(op: "status.clear", fields: [], now: Date(), largestLC: 0)
                return "written"
            } catch { return error.description }
        }
        #expect(attempt("alice") == "cannot open journal/alice/lap.jsonl: Read-only file system")
        #expect(attempt("bob") == "cannot create journal/bob: Read-only file system")
        #expect(FileManager.default.contents(atPath: team.path + "/journal/alice/lap.jsonl") == before)
    }

    @Test("where the journal file should be: a folder, a link or a file in place of the folder")
    func hostileJournalPaths() throws {
        let team = HostileTeam()
        try FileManager.default.createDirectory(atPath: team.path + "/journal/alice/lap.jsonl", withIntermediateDirectories: true)
        team.write("journal/bob", "a file where a folder should be")
        team.write("elsewhere.jsonl", "")
        try FileManager.default.createDirectory(atPath: team.path + "/journal/chen", withIntermediateDirectories: true)
        #expect(symlink("../../elsewhere.jsonl", team.path + "/journal/chen/lap.jsonl") == 0)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        func attempt(_ member: String) -> String {
            do {
                try JournalWriter(teamPath: team.path, member: member, device: "lap").append(op: "status.clear", fields: [], now: now, largestLC: 0)
                return "written"
            } catch { return error.description }
        }
        #expect(attempt("alice") == "cannot open journal/alice/lap.jsonl: Is a directory")
        #expect(attempt("bob") == "journal/bob exists and is not a directory")
        #expect(attempt("chen") == "refusing to write through the symbolic link journal/chen/lap.jsonl")
        #expect(FileManager.default.contents(atPath: team.path + "/elsewhere.jsonl")?.isEmpty == true)
    }

    @Test("a torn last line left by a crash is closed off, reported once, and the new event is whole")
    func tornLastLine() throws {
        let team = HostileTeam()
        team.write("journal/alice/lap.jsonl", Lines.create("T1") + "\n{\"id\":\"half")
        let t = try Team(path: team.path)
        #expect(t.snapshot.problems.isEmpty)
        try JournalWriter(teamPath: team.path, member: "alice", device: "lap")
            .append(op: "task.create", fields: [("task", .string("T2")), ("title", .string("after"))], now: Date(timeIntervalSince1970: 1_790_000_000), largestLC: t.snapshot.state.maxLC)
        try t.reload()
        #expect(Set(t.snapshot.board.tasks.keys) == ["T1", "T2"])
        #expect(t.snapshot.problems.map(\.line) == [2])
    }
}

/// How to run one test of this test binary in a child process.
enum ChildTest {
    static func arguments(filter: String) -> [String] {
        ["--testing-library", "swift-testing", "--filter", filter]
    }
}

/// A tmpfs or read-only bind mount for a test; nil where mounting is not permitted.
final class TinyMount {
    let path: String
    private var mounted = true
    private var ownsFolder = false

    /// A fresh tmpfs of the given options, with a filler file taking what space is left after 24 KiB.
    init?(options: String) {
        path = FileManager.default.temporaryDirectory.path + "/meridian-mnt-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", path]) else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
        ownsFolder = true
        _ = FileManager.default.createFile(atPath: path + "/team.toml", contents: Data("name = \"Full\"\n".utf8))
        // Take all but a few KiB, so a handful of events fill the rest.
        _ = FileManager.default.createFile(atPath: path + "/filler", contents: Data(count: 36 * 1024))
    }

    /// `target` bind-mounted over itself, read-only.
    init?(bind target: String, readOnly: Bool) {
        path = target
        guard Self.run(["mount", "--bind", target, target]) else { return nil }
        guard Self.run(["mount", "-o", "remount,bind,ro", target]) else {
            _ = Self.run(["umount", target])
            return nil
        }
    }

    func unmount() {
        guard mounted else { return }
        mounted = false
        _ = Self.run(["umount", path])
        if ownsFolder { try? FileManager.default.removeItem(atPath: path) }
    }

    private static func run(_ args: [String]) -> Bool {
        ChildProcess.run(args, deadline: 60).code == 0
    }
}
