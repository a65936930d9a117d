import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How every test runs another program: `posix_spawn`, then `waitpid` on that child's own pid.
///
/// Foundation's `Process` learns of a child's exit through a SIGCHLD dispatch source; inside the
/// parallel test runner that notice can be lost (seen: `waitUntilExit` waiting forever on a
/// zombie `tmux` client, stalling CI). Waiting on the pid cannot miss. The child also gets only
/// fds 0–2 (every other descriptor is closed in it, so a long-lived grandchild such as a tmux
/// server never holds another test's pipe open), every signal unblocked and at its default, and
/// a deadline after which it is killed.
public enum ChildProcess {
    /// What a finished run left behind.
    public struct Output: Sendable {
        public var code: Int32
        public var stdout: Data
        public var stderr: Data
        /// The child was still running at the deadline and was killed (code is then 137).
        public var timedOut: Bool
        public var out: String { String(decoding: stdout, as: UTF8.self) }
        public var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs `arguments` (the first found on PATH unless it holds a slash) to its end. Output goes
    /// to temp files, so a large output never stalls the child on a full pipe. `environment` nil
    /// inherits ours; `input` nil reads /dev/null. A program that cannot start is exit 127.
    public static func run(_ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
                           input: Data? = nil, deadline: Double = 120) -> Output {
        guard let child = start(arguments, environment: environment, directory: directory, input: input) else {
            return Output(code: 127, stdout: Data(), stderr: Data("cannot run \(arguments.first ?? "")".utf8), timedOut: false)
        }
        return child.finish(deadline: deadline)
    }

    /// Starts `arguments` without waiting; `finish` collects it. Nil when it cannot start.
    public static func start(_ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
                             input: Data? = nil) -> Running? {
        let scratch = NSTemporaryDirectory() + "meridian-child-" + UUID().uuidString
        let files = (out: scratch + ".out", err: scratch + ".err", inp: scratch + ".in")
        if let input { _ = FileManager.default.createFile(atPath: files.inp, contents: input) }
        let outFD = open(files.out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let errFD = open(files.err, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let inFD = input == nil ? open("/dev/null", O_RDONLY | O_CLOEXEC) : open(files.inp, O_RDONLY | O_CLOEXEC)
        defer { for fd in [outFD, errFD, inFD] where fd >= 0 { close(fd) } }
        let running = Running(pid: 0, files: [files.out, files.err, files.inp])
        guard outFD >= 0, errFD >= 0, inFD >= 0,
              let pid = spawn(arguments, environment: environment, directory: directory, stdin: inFD, stdout: outFD, stderr: errFD)
        else { running.removeFiles(); return nil }
        running.pid = pid
        return running
    }

    /// Spawns with `stdin`/`stdout`/`stderr` as the child's fds 0–2 (each may be any open fd).
    public static func spawn(_ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
                             stdin: Int32, stdout: Int32, stderr: Int32) -> pid_t? {
        guard let program = arguments.first else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        guard GlibcSpawnExtras.closeFrom(&actions, 3) == 0 else { return nil }
        if let directory { guard GlibcSpawnExtras.changeDirectory(&actions, directory) == 0 else { return nil } }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { envp?.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = envp.map { envp in
            envp.withUnsafeBufferPointer { posix_spawnp(&pid, program, &actions, &attributes, argv, $0.baseAddress) }
        } ?? posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        return spawned == 0 ? pid : nil
    }

    /// A pipe whose two ends are close-on-exec (`pipe2` is not visible from Swift's Glibc).
    public static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// The exit code of `pid` (128 + signal when a signal ended it); the child is killed with
    /// SIGKILL once `deadline` seconds have passed.
    public static func wait(_ pid: pid_t, deadline: Double) -> (code: Int32, timedOut: Bool) {
        let giveUp = Date().addingTimeInterval(deadline)
        var status: Int32 = 0
        var timedOut = false
        var nap: UInt32 = 200
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { return (127, timedOut) }
            if !timedOut && giveUp.timeIntervalSinceNow <= 0 { kill(pid, SIGKILL); timedOut = true }
            usleep(nap)
            nap = min(nap * 2, 10_000)
        }
        return ((status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F), timedOut)
    }

    /// A started child and the temp files holding its output.
    public final class Running: @unchecked Sendable {
        public fileprivate(set) var pid: pid_t
        private let files: [String]

        fileprivate init(pid: pid_t, files: [String]) {
            self.pid = pid
            self.files = files
        }

        /// Waits for the child (killing it after `deadline` seconds) and reads what it wrote.
        public func finish(deadline: Double = 120) -> Output {
            let (code, timedOut) = ChildProcess.wait(pid, deadline: deadline)
            let fm = FileManager.default
            let output = Output(code: code, stdout: fm.contents(atPath: files[0]) ?? Data(),
                                stderr: fm.contents(atPath: files[1]) ?? Data(), timedOut: timedOut)
            removeFiles()
            return output
        }

        fileprivate func removeFiles() {
            for path in files { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34) and `…_addchdir_np` (2.29): in
/// spawn.h, but not visible through Swift's Glibc module, so they are looked up at run time.
private enum GlibcSpawnExtras {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias ChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    static let closeFrom: CloseFrom = unsafeBitCast(symbol("posix_spawn_file_actions_addclosefrom_np"), to: CloseFrom.self)
    static let changeDirectory: ChangeDirectory = unsafeBitCast(symbol("posix_spawn_file_actions_addchdir_np"), to: ChangeDirectory.self)

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer {
        guard let address = dlsym(nil, name) else {  // nil is RTLD_DEFAULT: the process's own symbols
            fatalError("this C library has no \(name) (glibc 2.34 or newer is needed)")
        }
        return address
    }
}
