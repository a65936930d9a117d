import Foundation
import Testing

/// The one way the CLI tests run a program: stdout and stderr go to temp files (a large output can
/// never stall the child on a full pipe), stdin comes from `input` or /dev/null.
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

    /// Runs `path args…`; `environment` nil inherits ours. A program that cannot start is exit 127
    /// with the reason on stderr.
    static func run(_ path: String, _ args: [String], environment: [String: String]? = nil,
                    directory: String? = nil, input: String? = nil) -> Output {
        let scratch = NSTemporaryDirectory() + "meridian-run-" + UUID().uuidString
        let outPath = scratch + ".out", errPath = scratch + ".err", inPath = scratch + ".in"
        let fm = FileManager.default
        _ = fm.createFile(atPath: outPath, contents: nil)
        _ = fm.createFile(atPath: errPath, contents: nil)
        if let input { _ = fm.createFile(atPath: inPath, contents: Data(input.utf8)) }
        defer { for p in [outPath, errPath, inPath] { try? fm.removeItem(atPath: p) } }
        guard let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath) else {
            return Output(code: 127, stdout: Data(), stderr: Data("cannot create output files".utf8))
        }
        let inp = input == nil ? FileHandle.nullDevice : FileHandle(forReadingAtPath: inPath) ?? FileHandle.nullDevice
        defer { try? out.close(); try? err.close(); if input != nil { try? inp.close() } }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        if let environment { p.environment = environment }
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        do { try p.run() } catch {
            return Output(code: 127, stdout: Data(), stderr: Data("cannot run \(path): \(error)".utf8))
        }
        p.waitUntilExit()
        return Output(code: p.terminationStatus, stdout: fm.contents(atPath: outPath) ?? Data(), stderr: fm.contents(atPath: errPath) ?? Data())
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
