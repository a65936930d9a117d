import CNCursesW
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Restores the terminal when the process is killed or crashes while a curses session is active.
///
/// The handlers are `@convention(c)` closures without captures. They do the minimum (show the
/// cursor, `endwin`), put the default disposition back and re-raise, so that the process dies of
/// the same signal with the same status a shell expects (130 for SIGINT, 143 for SIGTERM, …).
enum TerminalRestore {
    /// Written only on the thread that owns the session, read by the signal handlers. A C signal
    /// handler cannot be isolated to an actor, and a plain Bool word is what it can safely read:
    /// this is why it is `nonisolated(unsafe)` and why nothing else lives here.
    nonisolated(unsafe) static var sessionActive = false

    /// Fatal and terminating signals that must leave a usable terminal behind.
    static let signals: [Int32] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL]

    /// Installs the handlers. A terminating signal the parent set to be ignored (`nohup`, a shell's
    /// background job) stays ignored.
    static func install() {
        for signalNumber in signals {
            let previous = signal(signalNumber, restoreAndReraise)
            if isIgnored(previous), [SIGHUP, SIGINT, SIGQUIT, SIGTERM].contains(signalNumber) {
                _ = signal(signalNumber, SIG_IGN)
            }
        }
    }

    private static func isIgnored(_ handler: __sighandler_t?) -> Bool {
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}

/// The handler itself. Top-level so that it captures nothing.
private let restoreAndReraise: @convention(c) (Int32) -> Void = { signalNumber in
    if TerminalRestore.sessionActive {
        TerminalRestore.sessionActive = false
        _ = mer_cursor_visibility(1)
        _ = endwin()
    }
    _ = signal(signalNumber, SIG_DFL)
    _ = raise(signalNumber)
}
