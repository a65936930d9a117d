import Foundation
import Testing

/// Runs the built `meridian` binary (`<repo>/.build/debug/meridian`, built by `swift build`) as a
/// subprocess in a sealed environment: HOME and the XDG folders point into a temp sandbox and no
/// `MERIDIAN_*` variable leaks in from the developer's shell.
struct CLIRunner {
    struct Result {
        var code: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: String { Subprocess.meridian }

    let sandbox: String
    var environment: [String: String]

    init() {
        sandbox = NSTemporaryDirectory() + "meridian-cli-" + UUID().uuidString.lowercased()
        try! FileManager.default.createDirectory(atPath: sandbox, withIntermediateDirectories: true)
        environment = [
            "HOME": sandbox + "/home", "XDG_CONFIG_HOME": sandbox + "/config", "XDG_STATE_HOME": sandbox + "/state",
            "PATH": "/usr/bin:/bin", "TZ": "UTC", "LANG": "C.UTF-8",
        ]
    }

    var configFile: String { sandbox + "/config/meridian/config.toml" }
    var deviceFile: String { sandbox + "/state/meridian/device" }

    /// Runs `meridian ARGS`; the working directory is the sandbox.
    func run(_ args: [String], env extra: [String: String] = [:]) throws -> Result {
        guard Subprocess.requireMeridian() else { return Result(code: -1, stdout: "", stderr: "") }
        let r = Subprocess.run(Self.binary, args, environment: environment.merging(extra) { $1 }, directory: sandbox)
        return Result(code: r.code, stdout: r.out, stderr: r.err)
    }

    func write(_ relative: String, _ text: String) {
        let full = sandbox + "/" + relative
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
    }

    func read(_ relative: String) -> String? { try? String(contentsOfFile: sandbox + "/" + relative, encoding: .utf8) }

    /// Journal lines of all files under TEAM/journal/<member>/ as JSON objects.
    func events(team: String, member: String) -> [[String: Any]] {
        Subprocess.journalEvents(in: sandbox + "/" + team + "/journal/" + member)
    }

    /// An error message is one plain sentence on one line: no stack trace, no Swift runtime noise.
    static func isOnePlainSentence(_ stderr: String) -> Bool {
        let lines = stderr.split(separator: "\n")
        return lines.count == 1 && !stderr.contains("Fatal error") && !stderr.contains("Stack dump") && !stderr.contains("0x")
    }
}
