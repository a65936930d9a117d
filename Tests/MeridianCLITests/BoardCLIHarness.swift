import Foundation

/// Runs the built `meridian` binary in a scratch home, for command tests.
struct BoardCLI {
    let root: String
    var env: [String: String]

    init() throws {
        root = NSTemporaryDirectory() + "meridian-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var e = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MERIDIAN_") && !$0.key.hasPrefix("GIT_") }
        e["HOME"] = root
        e["XDG_CONFIG_HOME"] = root + "/config"
        e["XDG_STATE_HOME"] = root + "/state"
        e["TZ"] = "UTC"
        env = e
    }

    /// The binary built next to the test bundle (or under .build/debug of this package).
    static let binary: String = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("meridian").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/meridian").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }()

    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs `meridian args…` (or any `tool` when given) in `directory`.
    @discardableResult
    func run(_ args: [String], in directory: String? = nil, tool: String? = nil) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool ?? Self.binary)
        p.arguments = args
        p.environment = env
        p.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        let out = root + "/.out-\(UUID().uuidString)", err = root + "/.err-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: err) }
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: try String(contentsOfFile: out, encoding: .utf8), err: try String(contentsOfFile: err, encoding: .utf8))
    }

    func git(_ args: [String], in directory: String) throws -> Run {
        try run(args, in: directory, tool: "/usr/bin/git")
    }

    /// `init` a team and `join` members (all in UTC).
    func makeTeam(_ path: String, members: [String]) throws {
        let r = try run(["init", path, "--name", "Board Test"])
        precondition(r.status == 0, r.err)
        for m in members {
            let j = try run(["join", "--data", path, "--id", m, "--name", m.capitalized, "--timezone", "UTC", "--hours", "mon-fri 09:00-17:00"])
            precondition(j.status == 0, j.err)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
