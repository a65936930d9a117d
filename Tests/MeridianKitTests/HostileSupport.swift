import Foundation
import Testing
@testable import MeridianKit
#if canImport(Glibc)
import Glibc
#endif

/// A throw-away team directory for hostile-input tests, built file by file in a temp folder.
final class HostileTeam {
    let path: String

    init(_ label: String = "hostile", under folder: String? = nil) {
        let base = (folder ?? FileManager.default.temporaryDirectory.path) + "/meridian-\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        path = base
        try! FileManager.default.createDirectory(atPath: base + "/members", withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(atPath: base + "/journal", withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(atPath: base + "/oncall", withIntermediateDirectories: true)
        write("team.toml", "name = \"Hostile\"\n")
        write("members/alice.toml", "name = \"Alice\"\ntimezone = \"Europe/Berlin\"\n[hours]\nmon = \"09:00-17:00\"\n")
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) { write(relative, bytes: Array(text.utf8)) }

    func write(_ relative: String, bytes: [UInt8]) {
        let full = path + "/" + relative
        var fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 && errno == ENOENT {
            try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        precondition(fd >= 0, "cannot create \(full)")
        bytes.withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func append(_ relative: String, bytes: [UInt8]) {
        let fd = open(path + "/" + relative, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        precondition(fd >= 0)
        bytes.withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func append(_ relative: String, _ text: String) { append(relative, bytes: Array(text.utf8)) }

    /// Loads the team on another thread and gives up after `seconds` (a hang is a failure, not a stuck run).
    func load(within seconds: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) -> TeamSnapshot? {
        let result = Deadline.run(seconds: seconds) { [path] in try? Team(path: path).snapshot }
        guard let outcome = result else {
            Issue.record("loading TEAM did not finish within \(seconds) s", sourceLocation: sourceLocation)
            return nil
        }
        guard let snapshot = outcome else {
            Issue.record("TEAM did not open", sourceLocation: sourceLocation)
            return nil
        }
        return snapshot
    }
}

/// Runs work on its own thread and waits at most a deadline, so a hang fails the test instead of the run.
enum Deadline {
    /// The work's result, or nil when it did not finish in time (the thread is then abandoned).
    static func run<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(work())
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.get()
    }

    private final class ResultBox<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: T?
        func set(_ v: T) { lock.lock(); value = v; lock.unlock() }
        func get() -> T? { lock.lock(); defer { lock.unlock() }; return value }
    }
}

/// Resident memory of this process, from /proc/self/statm.
enum Memory {
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// Journal lines for tests: valid events with chosen fields.
enum Lines {
    static func event(id: String, lc: Int64 = 1_000, by: String = "alice", op: String = "task.create",
                      at: String = "2026-11-25T10:00:00.000Z", _ extra: [(String, JSONValue)] = []) -> String {
        var members: [(key: String, value: JSONValue)] = [("id", .string(id)), ("lc", .integer(lc)), ("at", .string(at)), ("by", .string(by)), ("op", .string(op))]
        for (k, v) in extra { members.append((k, v)) }
        return JSONWriter.string(members)
    }

    static func create(_ task: String, title: String = "A task", id: String? = nil, lc: Int64 = 1_000, by: String = "alice") -> String {
        event(id: id ?? "create-\(task)", lc: lc, by: by, [("task", .string(task)), ("title", .string(title))])
    }

    /// A valid `task.create` line of exactly `size` bytes (padding the title).
    static func create(_ task: String, exactly size: Int) -> String {
        let bare = create(task, title: "")
        let line = create(task, title: String(repeating: "x", count: size - bare.utf8.count))
        precondition(line.utf8.count == size)
        return line
    }
}

extension TeamSnapshot {
    /// Problems about one file.
    func problems(in file: String) -> [Problem] { problems.filter { $0.file == file } }
}
