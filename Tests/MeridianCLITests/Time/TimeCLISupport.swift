import Foundation

/// Runs the built `meridian` binary and Python's zoneinfo (the oracle) for the CLI time tests.
enum TimeCLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static var binary: String { root + "/.build/debug/meridian" }

    struct Result {
        var code: Int32
        var out: String
        var err: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(out.utf8))) as? [String: Any] ?? [:] }
    }

    /// Runs a program with a clean environment (plus `env`), reading both pipes without EINTR trouble.
    static func exec(_ path: String, _ args: [String], env: [String: String] = [:], input: String? = nil) -> Result {
        let home = NSTemporaryDirectory() + "meridian-cli-home"
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home,
                           "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state", "TZ": "UTC"]
        environment.merge(env) { $1 }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.environment = environment
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        do { try p.run() } catch { return Result(code: -1, out: "", err: "\(error)") }
        if let input { _ = input.withCString { write(inp.fileHandleForWriting.fileDescriptor, $0, strlen($0)) } }
        try? inp.fileHandleForWriting.close()
        // Read stderr on another thread so neither pipe can fill up and block the child.
        let errBox = Box()
        let t = Thread { errBox.bytes = drain(err.fileHandleForReading.fileDescriptor) }
        t.start()
        let o = drain(out.fileHandleForReading.fileDescriptor)
        p.waitUntilExit()
        while !errBox.done { usleep(1000) }
        return Result(code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: errBox.bytes, as: UTF8.self))
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var _bytes: [UInt8] = []
        private var _done = false
        var bytes: [UInt8] {
            get { lock.lock(); defer { lock.unlock() }; return _bytes }
            set { lock.lock(); _bytes = newValue; _done = true; lock.unlock() }
        }
        var done: Bool { lock.lock(); defer { lock.unlock() }; return _done }
    }

    static func drain(_ fd: Int32) -> [UInt8] {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            data += chunk[..<n]
        }
        return data
    }

    static func meridian(_ args: [String], env: [String: String] = [:]) -> Result { exec(binary, args, env: env) }

    /// Python's zoneinfo: `w ZONE WALL` → seconds since 1970 (SPEC's gap/repeat rule is fold=0);
    /// `o ZONE SECONDS` → `+HH:MM YYYY-MM-DDTHH:MM:SS+HH:MM` (offset and local ISO time).
    static func oracle(_ queries: [String]) -> [String] {
        let script = """
        import sys, datetime, zoneinfo
        for line in sys.stdin:
            kind, zone, arg = line.split()
            z = zoneinfo.ZoneInfo(zone)
            if kind == "w":
                print(int(datetime.datetime.fromisoformat(arg).replace(tzinfo=z).timestamp()))
            else:
                d = datetime.datetime.fromtimestamp(int(arg), tz=z)
                iso = d.isoformat()
                print(iso[19:] + " " + iso)
        """
        let r = exec("/usr/bin/env", ["python3", "-c", script], input: queries.map { $0 + "\n" }.joined())
        return r.out.split(separator: "\n").map(String.init)
    }

    static func instant(_ zone: String, _ wall: String) -> Int { Int(oracle(["w \(zone) \(wall)"])[0])! }

    /// An ISO-8601 UTC text of seconds since 1970, as `status --json` writes instants.
    static func iso(_ s: Int) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: Double(s)))
    }

    static func seconds(_ iso: String) -> Int {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return Int(f.date(from: iso)!.timeIntervalSince1970)
    }

    /// Writes a team directory: member id → TOML, and journal lines (id and lc added).
    static func team(_ members: [String: String], journal: [String] = []) -> String {
        let path = NSTemporaryDirectory() + "meridian-cli-time-" + UUID().uuidString
        let fm = FileManager.default
        try! fm.createDirectory(atPath: path + "/members", withIntermediateDirectories: true)
        try! fm.createDirectory(atPath: path + "/journal/x", withIntermediateDirectories: true)
        try! "name = \"Time team\"\n".write(toFile: path + "/team.toml", atomically: true, encoding: .utf8)
        for (id, toml) in members { try! toml.write(toFile: path + "/members/\(id).toml", atomically: true, encoding: .utf8) }
        let lines = journal.enumerated().map { "{\"id\":\"e\($0 + 1)\",\"lc\":\($0 + 1),\($1)}\n" }.joined()
        try! lines.write(toFile: path + "/journal/x/d.jsonl", atomically: true, encoding: .utf8)
        return path
    }
}
