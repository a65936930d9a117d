import Foundation

/// Runs the built `meridian` binary and Python's zoneinfo (the oracle) for the CLI time tests.
enum TimeCLI {
    static var binary: String { Subprocess.meridian }

    struct Result {
        var code: Int32
        var out: String
        var err: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(out.utf8))) as? [String: Any] ?? [:] }
    }

    /// Runs a program with a clean environment (plus `env`).
    static func exec(_ path: String, _ args: [String], env: [String: String] = [:], input: String? = nil) -> Result {
        let home = NSTemporaryDirectory() + "meridian-cli-home"
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home,
                           "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state", "TZ": "UTC"]
        environment.merge(env) { $1 }
        let r = Subprocess.run(path, args, environment: environment, input: input)
        return Result(code: r.code, out: r.out, err: r.err)
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
