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

    static var binary: String { Subprocess.meridian }

    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs `meridian args…` (or any `tool` when given) in `directory`.
    @discardableResult
    func run(_ args: [String], in directory: String? = nil, tool: String? = nil) throws -> Run {
        let r = Subprocess.run(tool ?? Self.binary, args, environment: env, directory: directory ?? root)
        return Run(status: r.code, out: r.out, err: r.err)
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
