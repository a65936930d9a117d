import Foundation

/// Runs `git` as a child process (never a shell), capturing its output; never prompts.
struct GitRunner {
    /// The outcome of one git command.
    struct Result {
        var status: Int32
        var out: String
        var err: String
        var ok: Bool { status == 0 }
        /// The first non-empty line of stderr (else stdout), for one-sentence errors.
        var firstLine: String {
            let text = err.isEmpty ? out : err
            return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? "exit status \(status)"
        }
    }

    var directory: String
    var environment: [String: String]

    init(directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.directory = directory
        var env = environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_EDITOR"] = "true"
        env["GIT_MERGE_AUTOEDIT"] = "no"
        env["LC_ALL"] = "C"
        self.environment = env
    }

    /// `git -C directory args…`; a missing git binary is exit 127 with a message.
    func run(_ args: [String]) -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", directory] + args
        p.environment = environment
        p.standardInput = FileHandle.nullDevice
        let outPipe = Pipe(), errPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        do { try p.run() } catch { return Result(status: 127, out: "", err: "cannot run git: \(error.localizedDescription)") }
        // Drain both pipes concurrently so a chatty child never blocks on a full pipe.
        let errData = LockedData()
        let reader = Thread { errData.set(errPipe.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !errData.done { usleep(1000) }
        return Result(status: p.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData.value, as: UTF8.self))
    }
}

/// A Data box written by one thread and read by another.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var finished = false
    func set(_ d: Data) { lock.lock(); data = d; finished = true; lock.unlock() }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}
