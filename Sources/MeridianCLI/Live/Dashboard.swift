import Foundation
import MeridianCurses
import MeridianKit
import MeridianTerminal
import MeridianUI
#if canImport(Glibc)
import Glibc
#endif

/// The full-screen dashboard (SPEC §4): opens TEAM, starts curses, and runs the loop —
/// `poll()` on the terminal and on inotify together, no busy waiting, a wake-up at every minute
/// boundary; keys become actions, `Update.update` gives effects, writes go through `Context.append`,
/// and only changed cells reach the terminal.
public enum Dashboard {
    /// Runs until `q`. `theme`: a theme name or a path to a .toml file (nil: the config's, else the
    /// default). `ascii`: ASCII glyphs even in a UTF-8 locale. `frozenClock`: keep `context.now`
    /// for the whole session (pass true when `--now` was given).
    public static func run(context: Context, theme: String? = nil, ascii: Bool = false, frozenClock: Bool = false) throws(CLIError) {
        let team = try context.openTeam()
        let loader = ThemeLoader(searchDirectories: ThemeLoader.standardDirectories(environment: context.paths.environment, executable: executablePath()))
        let loaded: (theme: Theme, problems: [Problem])
        do {
            loaded = try loader.load(theme ?? context.theme)
        } catch {
            throw .usage(error.message)
        }
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw .usage("The dashboard needs a terminal; for scripts use `meridian status`.")
        }
        unblockSignals()
        let session = CursesSession()
        do {
            try session.start(asciiOverride: ascii ? true : nil)
        } catch {
            throw .usage("Cannot start the terminal (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "unset")); for scripts use `meridian status`.")
        }
        defer { session.stop() }
        let style = RenderStyle(theme: loaded.theme.monochromed(session.colorProfile == .monochrome),
                                glyphs: session.isUTF8 ? .unicode : .ascii)
        var loop = DashboardLoop(context: context, team: team, session: session, style: style,
                                 clock: DashboardClock(frozen: frozenClock ? context.now : nil))
        for problem in loaded.problems {
            _ = Update.update(&loop.state, .notice(Notice("Theme: \(problem.description)", level: .warning)))
        }
        loop.run()
    }

    /// A parent may hand us a blocked signal mask (some test runners and daemons do): the dashboard
    /// needs SIGWINCH to see resizes and SIGTERM/SIGINT to die with the terminal restored.
    static func unblockSignals() {
        var none = sigset_t()
        sigemptyset(&none)
        _ = sigprocmask(SIG_SETMASK, &none, nil)
    }

    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "meridian"
    }
}

/// The loop's state: the app state plus the things that perform effects.
struct DashboardLoop {
    var context: Context
    let team: Team
    let session: CursesSession
    let style: RenderStyle
    let clock: DashboardClock
    let watcher: TeamWatcher
    var state: AppState
    var repaint = false

    init(context: Context, team: Team, session: CursesSession, style: RenderStyle, clock: DashboardClock) {
        self.context = context
        self.team = team
        self.session = session
        self.style = style
        self.clock = clock
        watcher = TeamWatcher(teamPath: team.path)
        let snapshot = team.snapshot
        let fallback = Self.fallbackZone(context.paths.environment)
        let size = session.size
        state = AppState(snapshot: snapshot, me: context.member, fallbackZone: fallback, clock: clock.shownNow(), width: size.width, height: size.height)
        state.idRandom = SeededRandom(seed: UInt64.random(in: 1...UInt64.max))
        _ = Update.update(&state, .teamChanged(snapshot))
    }

    static func fallbackZone(_ env: [String: String]) -> Zone {
        if let tz = env["TZ"], let z = Zone(tz.hasPrefix(":") ? String(tz.dropFirst()) : tz) { return z }
        return Zone(TimeZone.current.identifier) ?? .utc
    }

    mutating func run() {
        draw()
        while true {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
            if watcher.fd >= 0 { fds.append(pollfd(fd: watcher.fd, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), clock.pollTimeout())
            if ready < 0 && errno != EINTR { break }
            // Draw only after something happened: a key, a resize, a change in TEAM or a new minute.
            var changed = false
            if fds.count > 1, fds[1].revents & Int16(POLLIN) != 0 {
                let change = watcher.drain()
                // One append often wakes us twice (IN_MODIFY, then IN_CLOSE_WRITE): only a reload
                // that changed the state needs a frame.
                if change.any, reload(config: change.config) { changed = true }
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && fds[0].revents & Int16(POLLIN) == 0 { break }
            var quit = false
            for key in session.readKeys() where !quit {
                changed = true
                if key == .resize { continue }
                quit = perform(Update.update(&state, .key(key)))
            }
            if quit { break }
            let size = session.size
            if size.width != state.width || size.height != state.height {
                _ = Update.update(&state, .resize(width: size.width, height: size.height))
                changed = true
            }
            let now = clock.shownNow()
            if now != state.clock {
                _ = Update.update(&state, .tick(now))
                changed = true
            }
            if changed || repaint { draw() }
        }
    }

    /// Performs effects; true when the dashboard must quit.
    mutating func perform(_ effects: [Effect]) -> Bool {
        for effect in effects {
            switch effect {
            case .quit:
                return true
            case .repaint:
                repaint = true
            case .write(let event):
                write(event)
            }
        }
        return false
    }

    /// Appends an event as me, after one last look at TEAM for a claim: SPEC §1 refuses a claim
    /// when TEAM already shows another holder, even one that arrived a moment ago.
    mutating func write(_ event: PendingEvent) {
        reload(config: false)
        if event.op == "task.claim", case .string(let id)? = event.fields.first(where: { $0.key == "task" })?.value,
           let holder = team.snapshot.board.tasks[id]?.holder, holder != context.member {
            _ = Update.update(&state, .writeFailed(event, reason: "Claim refused: \(id) is held by \(holder)."))
            return
        }
        context.now = clock.now()
        do {
            try context.append(event.op, event.keyValues, to: team.snapshot)
            _ = Update.update(&state, .written(event))
        } catch {
            _ = Update.update(&state, .writeFailed(event, reason: "Not written: \(error.message)"))
        }
        reload(config: false)
    }

    /// Re-reads TEAM; true when the state changed (a new snapshot, or a notice that TEAM cannot be read).
    @discardableResult
    mutating func reload(config: Bool) -> Bool {
        do {
            guard try team.reload(configChanged: config) else { return false }
            _ = Update.update(&state, .teamChanged(team.snapshot))
        } catch {
            _ = Update.update(&state, .notice(Notice("TEAM cannot be read: \(error)", level: .danger)))
        }
        return true
    }

    mutating func draw() {
        if repaint {
            session.invalidate()
            repaint = false
        }
        session.present(Screen.render(state, style: style))
    }
}
