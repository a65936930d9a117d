import Foundation
import Testing
import MeridianTestSupport

/// The one way the CLI tests run a program (through `ChildProcess`): stdout and stderr go to temp
/// files, stdin comes from `input` or /dev/null.
enum Subprocess {
    /// What a run left behind.
    struct Output {
        var code: Int32
        var stdout: Data
        var stderr: Data
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// `<repo>/.build/debug/meridian`, built by `swift build` (found from this file's path).
    static let meridian: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1, url.lastPathComponent != "Tests" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent(".build/debug/meridian").path
    }()

    /// Records an issue (once per call) when the binary has not been built.
    static func requireMeridian() -> Bool {
        if FileManager.default.isExecutableFile(atPath: meridian) { return true }
        Issue.record("\(meridian) is missing: run `swift build` before `swift test`.")
        return false
    }

    /// Runs `path args…` (see `ChildProcess`); `environment` nil inherits ours. A program that
    /// cannot start is exit 127; one still running after `deadline` seconds is killed (exit 137)
    /// and the test gets an issue, so a hang fails its test instead of stalling the whole run.
    static func run(_ path: String, _ args: [String], environment: [String: String]? = nil,
                    directory: String? = nil, input: String? = nil, deadline: Double = 120) -> Output {
        let result = ChildProcess.run([path] + args, environment: environment, directory: directory,
                                      input: input.map { Data($0.utf8) }, deadline: deadline)
        if result.timedOut {
            Issue.record("\(path) \(args.joined(separator: " ")) was still running after \(Int(deadline)) s and was killed")
        }
        return Output(code: result.code, stdout: result.stdout, stderr: result.stderr)
    }

    /// Every journal line under `folder` (files in name order) parsed as a JSON object.
    static func journalEvents(in folder: String) -> [[String: Any]] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return files.flatMap { name -> [[String: Any]] in
            let text = (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }
}
