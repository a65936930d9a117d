import Foundation
import MeridianKit
import MeridianTerminal
import MeridianUI
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard's costs: one 200×60 frame of the big team rendered into a buffer, and the CPU
/// an open, idle dashboard uses (run in a private tmux server, read from /proc/PID/stat).
extension Bench {
    func frameRender(team: String, now: Date) -> [Result] {
        guard let t = try? Team(path: team) else {
            return [Result(name: "render one 200×60 frame", value: nil, unit: "ms", target: 4, note: "team did not load")]
        }
        let snapshot = t.snapshot
        var state = AppState(snapshot: snapshot, me: "m000", fallbackZone: snapshot.member("m000")?.zone ?? .utc, clock: now, width: 200, height: 60)
        _ = Update.update(&state, .teamChanged(snapshot))
        let style = RenderStyle()
        var frames: [Double] = []
        var cells = 0
        for _ in 0..<max(15, options.runs * 3) {
            frames.append(Measure.time {
                let buffer = Screen.render(state, style: style)
                cells = buffer.width * buffer.height
            })
        }
        // Each pane alone, to see where a frame's time goes.
        let layout = Layout.compute(width: 200, height: 60, focus: state.focus)
        var panes: [Result] = []
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            var times: [Double] = []
            for _ in 0..<max(5, options.runs) {
                var buffer = FrameBuffer(width: 200, height: 60, fill: Cell.blank(style.theme.style(.text)))
                times.append(Measure.time {
                    switch pane {
                    case .clocks: ClocksView.draw(&buffer, rect, state: state, style: style, focused: false)
                    case .timeline: TimelineView.draw(&buffer, rect, state: state, style: style, focused: false)
                    case .board: BoardView.draw(&buffer, rect, state: state, style: style, focused: true)
                    case .oncall: OncallView.draw(&buffer, rect, state: state, style: style, focused: false)
                    }
                })
            }
            panes.append(Result(name: "    \(pane.title) pane", value: Measure.median(times) * 1000, unit: "ms", target: nil, note: "\(rect.width)×\(rect.height)"))
        }
        // What a team change re-derives, part by part.
        func part(_ name: String, _ note: String, _ body: () -> Void) -> Result {
            var times: [Double] = []
            for _ in 0..<max(5, options.runs) { times.append(Measure.time(body)) }
            return Result(name: "    derive: " + name, value: Measure.median(times) * 1000, unit: "ms", target: nil, note: note)
        }
        let zone = state.viewerZone
        let day = TimelineView.day(containing: now, zone: zone)
        let window = InstantInterval(start: day.start, end: day.start.addingTimeInterval(day.length))
        panes += [
            part("board columns", "BoardModel(snapshot:filter:), \(snapshot.board.tasks.count) tasks") { _ = BoardModel(snapshot: snapshot, filter: "") },
            part("board columns, filtered", "BoardModel(snapshot:filter: \"login\") (typing on narrows it instead)") { _ = BoardModel(snapshot: snapshot, filter: "login") },
            part("timeline days", "MemberQueries.Day × \(snapshot.members.count)") { _ = snapshot.members.map { MemberQueries.Day($0, snapshot, window: window) } },
            part("on-call glances", "OncallGlance × \(snapshot.rotations.count)") { _ = snapshot.rotations.map { OncallGlance($0, in: snapshot, now: now, viewer: "m000") } },
        ]
        // Everything re-derived (a cold cache: what every team change cost before view data was
        // re-derived only where its inputs changed), then the live path on a copy of the team.
        var cold: [Double] = []
        for _ in 0..<max(5, options.runs) {
            cold.append(Measure.time {
                state.derived = DerivedViews()
                _ = Update.update(&state, .teamChanged(snapshot))
                _ = Screen.render(state, style: style)
            })
        }
        return [
            Result(name: "render one 200×60 frame", value: Measure.median(frames) * 1000, unit: "ms", target: 4,
                   note: "Screen.render into a buffer (\(cells) cells), board pane focused"),
        ] + panes + [
            Result(name: "  everything re-derived → frame", value: Measure.median(cold) * 1000, unit: "ms", target: nil,
                   note: "Update(.teamChanged) with no kept view data + Screen.render"),
        ] + liveChanges(team: team, now: now)
    }

    /// Starts `meridian dash` in a detached 200×60 tmux session, lets it settle, then measures
    /// its CPU time over `seconds` (utime + stime from /proc/PID/stat).
    func idleCPU(binary: String, team: String, scratch: String, seconds: Int) -> [Result] {
        let name = "meridian-bench-\(getpid())"
        func fail(_ why: String) -> [Result] {
            [Result(name: "idle dashboard CPU (\(seconds) s)", value: nil, unit: "%", target: 0.1, note: why)]
        }
        guard access("/usr/bin/tmux", X_OK) == 0 else { return fail("tmux not installed") }
        let env = "env HOME=\(scratch) XDG_STATE_HOME=\(scratch)/idle-state XDG_CONFIG_HOME=\(scratch)/config TERM=xterm-256color LANG=C.UTF-8 TZ=UTC"
        let command = "exec \(env) \(binary) dash --data \(team) --as m000"
        let started = Measure.run("/usr/bin/tmux", ["-L", name, "new-session", "-d", "-x", "200", "-y", "60", command], env: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color"])
        defer { _ = Measure.run("/usr/bin/tmux", ["-L", name, "kill-server"], env: ["PATH": "/usr/bin:/bin"]) }
        guard started.status == 0 else { return fail("tmux new-session failed") }
        let pidText = Measure.output("/usr/bin/tmux", ["-L", name, "display-message", "-p", "#{pane_pid}"])
        guard let pid = Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) else { return fail("no dashboard pid") }
        // Let it load TEAM and draw the first frame.
        var before = Self.cpuTicks(pid)
        for _ in 0..<60 {
            sleep(1)
            let now = Self.cpuTicks(pid)
            if now == nil || now == before { break }
            before = now
        }
        guard let t0 = Self.cpuTicks(pid) else { return fail("the dashboard exited") }
        let w0 = Measure.clock()
        sleep(UInt32(seconds))
        guard let t1 = Self.cpuTicks(pid) else { return fail("the dashboard exited during the measurement") }
        let wall = Measure.clock() - w0
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        let percent = Double(t1 - t0) / hz / wall * 100
        return [Result(name: "idle dashboard CPU (\(seconds) s)", value: percent, unit: "%", target: 0.1,
                       note: "\(t1 - t0) ticks of utime+stime in \(Int(wall)) s, tmux 200×60, big team")]
    }

    /// utime + stime of a process, in clock ticks.
    static func cpuTicks(_ pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime field 14, stime field 15.
        guard fields.count > 13, let u = Int(fields[11]), let s = Int(fields[12]) else { return nil }
        return u + s
    }
}
