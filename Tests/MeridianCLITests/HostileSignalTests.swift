import Foundation
import Testing

/// The dashboard killed by a signal must leave the terminal as it found it: main screen, cursor
/// shown, mouse reporting off, cooked mode with echo. Driven through tmux; skipped (with a line
/// saying so) where tmux or the `dash` command is missing.
@Suite("Signals restore the terminal", .serialized)
struct HostileSignalTests {
    @Test("SIGTERM, SIGINT, SIGHUP and SIGSEGV restore the terminal", arguments: [SIGTERM, SIGINT, SIGHUP, SIGSEGV])
    func signalRestores(_ signal: Int32) throws {
        guard Tmux.available else { print("SKIP signal test: tmux is not installed"); return }
        guard Meridian.hasCommand("dash") else { print("SKIP signal test: this meridian has no dashboard (dash) yet"); return }
        let team = try HostileFixture()
        defer { team.remove() }
        let session = "meridian-sig-\(getpid())-\(signal)"
        let script = "\(Meridian.binary) dash --data \(team.path) --as evil --device sig; echo EXIT=$?; echo MODES $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ') END; sleep 30"
        #expect(Tmux.run(["new-session", "-d", "-s", session, "-x", "100", "-y", "30", "sh", "-c", script]))
        defer { _ = Tmux.run(["kill-session", "-t", session]) }
        // Wait for the dashboard to draw its panes.
        let drawn = Tmux.waitFor(session, seconds: 15) { $0.contains("Board") }
        #expect(drawn, "the dashboard did not draw")
        #expect(Tmux.format(session, "#{alternate_on}") == "1", "the dashboard should use the alternate screen")
        let shell = Tmux.format(session, "#{pane_pid}")
        let pid = try #require(Int32(Tmux.output(["/usr/bin/pgrep", "-P", shell]).split(separator: "\n").first ?? ""))
        kill(pid, signal)
        // Wait for the terminal modes line too: stty runs just after the exit status is printed.
        let exited = Tmux.waitFor(session, seconds: 10) { $0.contains("EXIT=") && $0.contains(" END") }
        #expect(exited, "the dashboard did not exit on signal \(signal)")
        let screen = Tmux.capture(session)
        #expect(Tmux.format(session, "#{alternate_on}") == "0", "still on the alternate screen")
        #expect(Tmux.format(session, "#{cursor_flag}") == "1", "cursor left hidden")
        #expect(Tmux.format(session, "#{mouse_any_flag}") == "0", "mouse reporting left on")
        let modes = screen.split(separator: "\n").first { $0.hasPrefix("MODES") }.map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(modes.contains("icanon") && modes.contains("echo") && !modes.contains("-icanon") && !modes.contains("-echo"),
                "terminal left in raw mode: \(screen)")
        // The signal is re-raised after restoring, so the shell sees death by that signal.
        #expect(screen.contains("EXIT=\(128 + signal)") || (signal != SIGSEGV && screen.contains("EXIT=0")), "\(screen)")
    }
}

/// A few tmux commands for driving a full-screen program.
enum Tmux {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    @discardableResult
    static func run(_ args: [String]) -> Bool { Subprocess.run("/usr/bin/tmux", args).code == 0 }

    static func output(_ args: [String]) -> String { Subprocess.run(args[0], Array(args.dropFirst())).out }

    static func capture(_ session: String) -> String { output(["/usr/bin/tmux", "capture-pane", "-p", "-t", session]) }

    static func format(_ session: String, _ f: String) -> String {
        output(["/usr/bin/tmux", "display-message", "-p", "-t", session, f]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func waitFor(_ session: String, seconds: Double, _ ok: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if ok(capture(session)) { return true }
            usleep(100_000)
        }
        return false
    }
}
