import Foundation
import Testing
import MeridianKit

/// The model→screen boundary of the command line: text from TEAM carrying every C0/C1 control,
/// DEL, escape sequences (CSI, OSC, DCS), bidi overrides and invisible characters must never reach
/// stdout as such in plain output, and JSON output must carry it escaped and unchanged.
@Suite("Hostile text in CLI output", .serialized)
struct HostileOutputTests {
    /// Strings a hostile teammate could put in TEAM.
    static let hostile: [String] = {
        var s: [String] = []
        s.append(String(String.UnicodeScalarView((0x01...0x1F).map { Unicode.Scalar($0)! })))   // every C0 but NUL
        s.append("nul\u{0}byte")
        s.append("del\u{7F}x")
        s.append(String(String.UnicodeScalarView((0x80...0x9F).map { Unicode.Scalar($0)! })))   // every C1
        s.append("csi \u{1B}[2J\u{1B}[31mred\u{1B}[0m \u{9B}31m")
        s.append("osc \u{1B}]0;pwned\u{7} \u{1B}]52;c;Zm9v\u{1B}\\ \u{9D}8;;http://x\u{9C}")
        s.append("dcs \u{1B}P1$r\u{1B}\\ \u{90}q\u{9C} apc \u{1B}_x\u{1B}\\")
        s.append("bidi \u{202E}gnp.exe\u{202C} \u{202A}\u{202B}\u{202D} \u{2066}\u{2067}\u{2068}\u{2069} \u{200E}\u{200F}\u{061C}")
        s.append("zero\u{200B}width\u{2060}\u{FEFF}\u{180E}\u{2061}\u{2062}\u{2063}\u{2064}\u{FFF9}\u{FFFA}\u{FFFB}")
        s.append("lines\u{2028}and\u{2029}paras\r\n")
        s.append("emoji \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} keeps its joiners; 日本 é")
        return s
    }()

    /// True for a scalar that must not reach a terminal from TEAM. Joiners U+200C/U+200D are
    /// allowed: emoji sequences need them, and they move no cursor.
    static func isForbidden(_ v: UInt32) -> Bool {
        switch v {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x180E, 0x200B, 0x2060...0x2064, 0xFEFF, 0xFFF9...0xFFFB, 0x2028, 0x2029: return true
        default: return false
        }
    }

    @Test("check and status print no control, bidi or invisible character from TEAM")
    func plainOutputs() throws {
        let team = try HostileFixture()
        defer { team.remove() }
        var commands: [[String]] = [["check"], ["status"]]
        if Meridian.hasCommand("board") { commands.append(["board"]) }
        for args in commands {
            let r = Meridian.run(args + ["--data", team.path, "--now", "2026-11-25T12:00:00Z"])
            #expect(r.status == 0 || r.status == 1, "\(args): exit \(r.status) \(r.stderrText)")
            for (stream, bytes) in [("stdout", r.stdout), ("stderr", r.stderr)] {
                let text = try #require(String(validating: bytes, as: UTF8.self), "\(args) \(stream) is not UTF-8")
                let bad = text.unicodeScalars.filter { $0 != "\n" && Self.isForbidden($0.value) }
                #expect(bad.isEmpty, "\(args) \(stream) printed \(bad.map { "U+" + String($0.value, radix: 16, uppercase: true) })")
            }
            #expect(!r.stdout.isEmpty, "\(args) printed nothing")
        }
        // check names the bad files and lines, with the hostile parts replaced, never dropped.
        let check = Meridian.run(["check", "--data", team.path])
        #expect(check.status == 1)
        #expect(check.stdoutText.contains("journal/evil/\u{FFFD}[2J.jsonl:1: not valid JSON"))
        #expect(check.stdoutText.contains("members/zone.toml:2: unknown time zone"))
    }

    @Test("status --json escapes control characters (RFC 8259) and keeps every string exactly")
    func jsonOutput() throws {
        let team = try HostileFixture()
        defer { team.remove() }
        let r = Meridian.run(["status", "--json", "--data", team.path, "--now", "2026-11-25T12:00:00Z"])
        #expect(r.status == 0, "\(r.stderrText)")
        let text = try #require(String(validating: r.stdout, as: UTF8.self))
        let raw = text.unicodeScalars.filter { $0 != "\n" && $0 != " " && Self.isForbidden($0.value) }
        #expect(raw.isEmpty, "raw in JSON: \(raw.map { "U+" + String($0.value, radix: 16, uppercase: true) })")
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let columns = try #require((doc["board"] as? [String: Any])?["columns"] as? [[String: Any]])
        let titles = columns.flatMap { ($0["tasks"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String } }
        #expect(Set(titles) == Set(Self.hostile))
        let names = try #require(doc["members"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        // Every string comes through the TOML files whole, an escaped "\u0000" included.
        #expect(Set(names) == Set(Self.hostile))
        #expect(columns.compactMap { $0["name"] as? String } == Self.hostile)
    }
}

/// A team whose every text field is hostile.
struct HostileFixture {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/meridian-cli-hostile-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fm = FileManager.default
        for d in ["members", "oncall", "journal/evil"] { try fm.createDirectory(atPath: path + "/" + d, withIntermediateDirectories: true) }
        let h = HostileOutputTests.hostile
        func q(_ s: String) -> String { var o = ""; JSONWriter.writeString(s, into: &o); return o }
        try write("team.toml", "name = \(q(h[4]))\ncolumns = [\(h.map(q).joined(separator: ", "))]\n")
        try write("members/evil.toml", "name = \(q(h[4]))\ntimezone = \"UTC\"\nhandle = \(q(h[5]))\n[hours]\nmon = \"09:00-17:00\"\n")
        for (i, name) in h.enumerated() {
            try write("members/m\(i).toml", "name = \(q(name))\ntimezone = \"Asia/Kathmandu\"\n")
        }
        try write("members/zone.toml", "name = \"Z\"\ntimezone = \(q("Mars/\u{1B}[2J\u{202E}"))\n")
        var lines: [String] = []
        for (i, title) in h.enumerated() {
            lines.append(JSONWriter.string([("id", .string("e\(i)")), ("lc", .integer(Int64(i + 1))), ("at", .string("2026-11-25T10:00:00Z")), ("by", .string("evil")),
                                            ("op", .string("task.create")), ("task", .string("T\(i)")), ("title", .string(title)), ("labels", .array([.string(title)]))]))
        }
        lines.append(JSONWriter.string([("id", .string("s1")), ("lc", .integer(100)), ("at", .string("2026-11-25T10:00:00Z")), ("by", .string("evil")),
                                        ("op", .string("status.set")), ("text", .string(h[5])), ("kind", .string("focus"))]))
        lines.append("{\"id\":\"bad\",\"lc\":1,\"at\":\(q("\u{1B}]0;title\u{7}\u{9B}2J")),\"by\":\"evil\",\"op\":\"status.clear\"}")
        try write("journal/evil/lap.jsonl", lines.joined(separator: "\n") + "\n")
        try write("journal/evil/\u{1B}[2J.jsonl", "not json\n")
    }

    private func write(_ rel: String, _ text: String) throws {
        try text.write(toFile: path + "/" + rel, atomically: false, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs the built `meridian` binary.
enum Meridian {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    static var binary: String { Subprocess.meridian }

    /// Whether `meridian --help` lists this subcommand.
    static func hasCommand(_ name: String) -> Bool {
        run(["--help"]).stdoutText.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + " ") }
    }

    static func run(_ args: [String], environment extra: [String: String] = [:]) -> Result {
        guard Subprocess.requireMeridian() else { return Result(status: -1, stdout: Data(), stderr: Data()) }
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "UTC"
        env["MERIDIAN_DATA"] = nil
        env["MERIDIAN_MEMBER"] = nil
        for (k, v) in extra { env[k] = v }
        let r = Subprocess.run(binary, args, environment: env)
        return Result(status: r.code, stdout: r.stdout, stderr: r.stderr)
    }
}
