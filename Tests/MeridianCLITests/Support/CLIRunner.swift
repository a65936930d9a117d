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

    static let binary: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1, url.lastPathComponent != "Tests" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent(".build/debug/meridian").path
    }()

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
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            Issue.record("\(Self.binary) is missing: run `swift build` before `swift test`.")
            return Result(code: -1, stdout: "", stderr: "")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        p.environment = environment.merging(extra) { $1 }
        p.currentDirectoryURL = URL(fileURLWithPath: sandbox)
        // Output goes to files, so a large output can never dead-lock the child on a full pipe.
        let outPath = sandbox + "/.out-\(UUID().uuidString)", errPath = sandbox + "/.err-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }
        let out = FileHandle(forWritingAtPath: outPath)!, err = FileHandle(forWritingAtPath: errPath)!
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try? out.close()
        try? err.close()
        let outData = FileManager.default.contents(atPath: outPath) ?? Data()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Result(code: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    func write(_ relative: String, _ text: String) {
        let full = sandbox + "/" + relative
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
    }

    func read(_ relative: String) -> String? { try? String(contentsOfFile: sandbox + "/" + relative, encoding: .utf8) }

    /// Journal lines of all files under TEAM/journal/<member>/ as JSON objects.
    func events(team: String, member: String) -> [[String: Any]] {
        let folder = sandbox + "/" + team + "/journal/" + member
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.sorted().flatMap { name -> [[String: Any]] in
            let text = (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    /// An error message is one plain sentence on one line: no stack trace, no Swift runtime noise.
    static func isOnePlainSentence(_ stderr: String) -> Bool {
        let lines = stderr.split(separator: "\n")
        return lines.count == 1 && !stderr.contains("Fatal error") && !stderr.contains("Stack dump") && !stderr.contains("0x")
    }
}
