import Foundation
import Testing

/// The real binary in a real terminal: tmux runs `meridian` at 120×40 over a copy of the fixture
/// team; keys go in with `send-keys`, the screen comes back with `capture-pane -p`.
/// Skipped (with a message) when tmux is not installed. Build first: `swift build`.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: the end-to-end dashboard suite is skipped"))
struct TmuxDashboardTests {
    @Test func startsAndDrawsAllFourPanes() throws {
        let run = try TmuxRun()
        defer { run.stop() }
        let screen = try run.waitFor("1 Clocks", "2 Timeline", "3 Board", "4 On-call", "Alice Martin", "Fix the login", "Primary")
        #expect(!screen.contains("\u{1B}"))
    }

    @Test func filterEnterClaimWritesTheJournal() throws {
        let run = try TmuxRun()
        defer { run.stop() }
        _ = try run.waitFor("4 On-call")
        run.keys("3", "/")
        run.literal("login")
        run.keys("Enter")
        _ = try run.waitFor("1 match")
        run.keys("c")
        _ = try run.waitFor("Claimed T-1")
        let journal = try String(contentsOfFile: run.team + "/journal/alice/e2e.jsonl", encoding: .utf8)
        let lines = journal.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(object?["op"] as? String == "task.claim")
        #expect(object?["task"] as? String == "T-1")
        #expect(object?["by"] as? String == "alice")
        _ = try run.waitFor("T-1 @alice")
        // Claiming a task bob holds is refused and writes nothing.
        run.keys("Escape", "l", "c")
        _ = try run.waitFor("Claim refused")
        #expect(try String(contentsOfFile: run.team + "/journal/alice/e2e.jsonl", encoding: .utf8).split(separator: "\n").count == 1)
    }

    @Test func aTeammatesAppendAppearsUnprompted() throws {
        let run = try TmuxRun()
        defer { run.stop() }
        _ = try run.waitFor("4 On-call")
        let line = #"{"id":"e2e00000000000000000000000000001","lc":1795701700000,"at":"2026-11-26T14:01:00Z","by":"bob","op":"task.create","task":"T-77","title":"Appended by Bob elsewhere","priority":"urgent"}"#
        let file = run.team + "/journal/bob/desktop.jsonl"
        try (line + "\n").write(toFile: file, atomically: false, encoding: .utf8)
        let start = Date()
        let screen = try run.waitFor("T-77", timeout: 3)
        #expect(screen.contains("Appended"))
        #expect(Date().timeIntervalSince(start) < 0.5, "took \(Date().timeIntervalSince(start)) s")
    }

    @Test func resizeSmallAndBackThenQuitRestoresTheTerminal() throws {
        let run = try TmuxRun()
        defer { run.stop() }
        _ = try run.waitFor("4 On-call")
        run.tmux("resize-window", "-t", run.session, "-x", "70", "-y", "20")
        let small = try run.waitFor("1 Clocks   2 Timeline")
        #expect(!small.contains("┌ 2 Timeline"))
        run.tmux("resize-window", "-t", run.session, "-x", "30", "-y", "10")
        _ = try run.waitFor("at least")
        run.tmux("resize-window", "-t", run.session, "-x", "120", "-y", "40")
        let big = try run.waitFor("4 On-call")
        #expect(big.contains("2 Timeline") && big.contains("1 Clocks"))
        run.keys("q")
        let after = try run.waitFor("EXIT=0")
        // The alternate screen is gone: the dashboard no longer shows.
        #expect(!after.contains("4 On-call"))
        #expect(run.capture(mode: "cursor").contains("1"))  // cursor visible again
    }
}

/// Whether tmux can be run here.
enum Tmux {
    static let available: Bool = Spawn.run(["tmux", "-V"]).status == 0
}

/// One dashboard in its own tmux server (own socket, unique session name) over a copy of the fixture.
final class TmuxRun {
    let session = "meridian-e2e-\(UUID().uuidString.prefix(8))"
    let socket: String
    let team: String
    let state: String

    init(as member: String = "alice") throws {
        let binary = Fixture.packageRoot.appendingPathComponent(".build/debug/meridian").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw TmuxError("\(binary) is missing: run `swift build` before the tmux suite")
        }
        team = try Fixture.copyTeam()
        state = team + "-state"
        socket = team + ".sock"
        let command = "env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=\(state) XDG_CONFIG_HOME=\(state) \(binary) --data \(team) --as \(member) --device e2e --now 2026-11-26T14:00:00Z; echo EXIT=$?; sleep 60"
        // The server forks from this command: it must not inherit a pipe we wait on.
        tmux(["new-session", "-d", "-s", session, "-x", "120", "-y", "40", command], capture: false)
    }

    func stop() {
        tmux(["kill-server"], capture: false)
        try? FileManager.default.removeItem(atPath: team)
        try? FileManager.default.removeItem(atPath: state)
        try? FileManager.default.removeItem(atPath: socket)
    }

    @discardableResult
    func tmux(_ args: String...) -> String { tmux(args) }

    @discardableResult
    func tmux(_ args: [String], capture: Bool = true) -> String {
        Spawn.run(["tmux", "-S", socket, "-f", "/dev/null"] + args, capture: capture).output
    }

    func keys(_ keys: String...) { tmux(["send-keys", "-t", session] + keys) }
    func literal(_ text: String) { tmux("send-keys", "-t", session, "-l", text) }
    func capture() -> String { tmux("capture-pane", "-p", "-t", session) }
    func capture(mode: String) -> String { tmux("display-message", "-p", "-t", session, "#{cursor_flag}") }

    /// Polls the screen every 20 ms until it contains every one of `texts` (a frame reaches tmux
    /// in pieces, so one text on screen says nothing of the rows drawn after it).
    func waitFor(_ texts: String..., timeout: TimeInterval = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = capture()
            if texts.allSatisfy(screen.contains) { return screen }
            usleep(20_000)
        }
        let missing = texts.filter { !screen.contains($0) }.map { "'\($0)'" }.joined(separator: ", ")
        throw TmuxError("\(missing) did not appear within \(timeout) s; the screen was:\n\(screen)")
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
