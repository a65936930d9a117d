import Foundation
import Testing

/// A team directory written by hand, file by file, exactly as SPEC §1 describes it (never with
/// Meridian's own writers), plus a sealed home for config and state, and a way to run the built
/// binary on it. Runs go through `TimeCLI.exec` (clean environment, output through files).
final class SpecTeam {
    /// The sandbox: `team/` is TEAM, `home/`, `config/`, `state/` the XDG folders, `outside/` a
    /// place outside TEAM for symlink targets.
    let root: String
    var team: String { root + "/team" }
    var outside: String { root + "/outside" }

    /// A team with `team.toml` holding `teamToml` (nil: no team.toml at all).
    init(_ teamToml: String? = "name = \"Spec\"\n") {
        root = NSTemporaryDirectory() + "meridian-spec-" + UUID().uuidString.lowercased()
        for sub in ["team", "home", "config", "state", "outside"] {
            try! FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        if let teamToml { write("team.toml", teamToml) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `text` to TEAM/`relative` (folders made as needed); `raw` bytes when given.
    func write(_ relative: String, _ text: String) { writeBytes(relative, Array(text.utf8)) }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) {
        let full = team + "/" + relative
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
    }

    func read(_ relative: String) -> String? { try? String(contentsOfFile: team + "/" + relative, encoding: .utf8) }

    func bytes(_ relative: String) -> [UInt8] { Array(FileManager.default.contents(atPath: team + "/" + relative) ?? Data()) }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: team + "/" + relative) }

    /// A member file: `hours` maps a day to a TOML value (`"\"09:00-17:00\""` or a list).
    func member(_ id: String, zone: String = "UTC", name: String? = nil, hours: [String: String] = [:], handle: String? = nil) {
        var t = "name = \"\(name ?? id.capitalized)\"\ntimezone = \"\(zone)\"\n"
        if let handle { t += "handle = \"\(handle)\"\n" }
        if !hours.isEmpty {
            t += "[hours]\n"
            for (day, value) in hours.sorted(by: { $0.key < $1.key }) { t += "\(day) = \(value)\n" }
        }
        write("members/\(id).toml", t)
    }

    /// Appends journal lines (each gets its `\n`) to `file` (relative to TEAM).
    func journal(_ file: String, _ lines: [String]) {
        let old = bytes(file)
        writeBytes(file, old + Array(lines.map { $0 + "\n" }.joined().utf8))
    }

    /// The sealed environment: HOME and XDG folders in the sandbox, TZ=UTC unless overridden.
    func env(_ extra: [String: String] = [:]) -> [String: String] {
        var e = ["HOME": root + "/home", "XDG_CONFIG_HOME": root + "/config", "XDG_STATE_HOME": root + "/state", "TZ": "UTC", "LANG": "C.UTF-8"]
        e.merge(extra) { $1 }
        return e
    }

    /// Runs `meridian ARGS` with no `--data` added.
    func raw(_ args: [String], env extra: [String: String] = [:]) -> TimeCLI.Result {
        TimeCLI.exec(TimeCLI.binary, args, env: env(extra))
    }

    /// Runs `meridian ARGS --data TEAM --now NOW`.
    func run(_ args: [String], now: String = SpecTeam.now, env extra: [String: String] = [:]) -> TimeCLI.Result {
        raw(args + ["--data", team, "--now", now], env: extra)
    }

    /// `status --json` parsed (records an issue when it fails).
    func status(now: String = SpecTeam.now, _ extra: [String] = [], env e: [String: String] = [:]) -> SpecStatus {
        let r = run(["status", "--json"] + extra, now: now, env: e)
        if r.code != 0 { Issue.record("status --json exited \(r.code): \(r.err)") }
        return SpecStatus(r.json)
    }

    /// All journal lines under TEAM/journal/`member`/, parsed.
    func events(of member: String) -> [[String: Any]] { Subprocess.journalEvents(in: team + "/journal/" + member) }

    /// A listing of every file under TEAM/journal (for "wrote nothing" checks).
    func journalSnapshot() -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        guard let e = FileManager.default.enumerator(atPath: team + "/journal") else { return out }
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: team + "/journal/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = bytes("journal/" + rel)
            }
        }
        return out
    }

    static let now = "2026-11-25T10:00:00Z"
}

/// Builds one journal line by hand: `{"id":…,"lc":…,"at":…,"by":…,"op":…,REST}` in that byte order.
func ev(_ id: String, lc: Int, by: String, _ op: String, at: String = "2026-11-25T09:00:00Z", _ rest: String = "") -> String {
    "{\"id\":\"\(id)\",\"lc\":\(lc),\"at\":\"\(at)\",\"by\":\"\(by)\",\"op\":\"\(op)\"" + (rest.isEmpty ? "" : "," + rest) + "}"
}

/// `status --json` read with Foundation's parser (independent of ours), with small accessors.
struct SpecStatus {
    let doc: [String: Any]
    init(_ doc: [String: Any]) { self.doc = doc }

    var members: [[String: Any]] { doc["members"] as? [[String: Any]] ?? [] }
    var memberIDs: [String] { members.compactMap { $0["id"] as? String } }
    func member(_ id: String) -> [String: Any]? { members.first { $0["id"] as? String == id } }

    var board: [String: Any] { doc["board"] as? [String: Any] ?? [:] }
    var columns: [[String: Any]] { board["columns"] as? [[String: Any]] ?? [] }
    var columnNames: [String] { columns.compactMap { $0["name"] as? String } }
    func column(_ name: String) -> [String: Any]? { columns.first { $0["name"] as? String == name } }
    /// Every task of every column, left to right.
    var tasks: [[String: Any]] { columns.flatMap { $0["tasks"] as? [[String: Any]] ?? [] } }
    var taskIDs: [String] { tasks.compactMap { $0["id"] as? String } }
    func task(_ id: String) -> [String: Any]? { tasks.first { $0["id"] as? String == id } }
    /// The column a task shows in (by where it is listed).
    func columnOf(_ id: String) -> String? {
        columns.first { (($0["tasks"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == id } }?["name"] as? String
    }
    func holder(_ id: String) -> String? { task(id)?["holder"] as? String }
    var conflicts: [[String: String]] {
        (board["conflicts"] as? [[String: Any]] ?? []).map { c in c.compactMapValues { $0 as? String } }
    }

    var problems: [[String: Any]] { doc["problems"] as? [[String: Any]] ?? [] }
    var problemFiles: [String] { problems.compactMap { $0["file"] as? String } }
    /// Problems about `file`, as (line or nil, message).
    func problems(in file: String) -> [(line: Int?, message: String)] {
        problems.filter { $0["file"] as? String == file }.map { ($0["line"] as? Int, $0["message"] as? String ?? "") }
    }

    var oncall: [[String: Any]] { doc["oncall"] as? [[String: Any]] ?? [] }
    func rotation(_ id: String) -> [String: Any]? { oncall.first { $0["rotation"] as? String == id } }
    var overlap: [String: Any] { doc["overlap"] as? [String: Any] ?? [:] }
}

/// Is `value` JSON null (NSNull) or absent?
func isNull(_ value: Any?) -> Bool { value == nil || value is NSNull }

/// Python zoneinfo (the oracle): wall time `YYYY-MM-DDTHH:MM` in `zone` → the UTC ISO instant
/// SPEC's rules give (gap: forward by its length, i.e. fold=0 read through UTC; repeat: first).
func oracleInstant(_ zone: String, _ wall: String) -> String {
    TimeCLI.iso(TimeCLI.instant(zone, wall))
}

/// Python zoneinfo: the local ISO time (`YYYY-MM-DDTHH:MM:SS±HH:MM`) of a UTC instant in `zone`.
func oracleLocal(_ zone: String, _ instant: String) -> String {
    let line = TimeCLI.oracle(["o \(zone) \(TimeCLI.seconds(instant))"]).first ?? ""
    return line.split(separator: " ").dropFirst().first.map(String.init) ?? "oracle failed"
}

/// An error is one plain sentence on one line of stderr: no trace, no usage dump.
func isOneSentence(_ err: String) -> Bool {
    let lines = err.split(separator: "\n", omittingEmptySubsequences: true)
    return lines.count == 1 && !err.contains("Fatal error") && !err.contains("Stack dump") && !err.contains("USAGE:")
}
