import ArgumentParser
import Foundation
import MeridianKit
#if canImport(Glibc)
import Glibc
#endif

/// `meridian demo [DIR]`: writes a realistic demo team (default: a fresh folder under the state
/// dir) and opens it as one of its members. Example: `meridian demo` or `meridian demo /tmp/t`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Write a realistic demo team and open it.",
        discussion: "Seven people from Los Angeles to Sydney (Kolkata +05:30, Kathmandu +05:45), thirty tasks, two rotations, a claim conflict. Everything is relative to now (or --now), and the same --now always writes the same team.")

    @Argument(help: "Where to write the team (must not exist, or be empty). Default: a new folder under $XDG_STATE_HOME/meridian/.") var directory: String?
    @Flag(help: "Only write the team and print its status; do not open the dashboard.") var noOpen = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        let dir = try directory ?? Self.freshFolder(ctx)
        try Self.prepare(dir)
        var demo = DemoTeam(path: dir, now: ctx.now)
        let member: String
        do {
            member = try demo.write()
        } catch {
            throw CLIError.usage("Cannot write the demo team in \(dir): \(error.description)")
        }
        if !noOpen, let dash = CommandRegistry.defaultCommand, isatty(0) == 1, isatty(1) == 1 {
            var args = ["--data", dir, "--as", member]
            if let now = global.now { args += ["--now", now] }
            var command = try dash.parse(args)
            try command.run()
            Self.printWhere(dir, member)  // the dashboard has given the screen back: say where the team is
            return
        }
        var options = global
        options.data = dir
        options.member = member
        let viewer = try Context(options)
        let snapshot = try viewer.openTeam().snapshot
        let request = try StatusCommand.request(viewer, snapshot, date: nil, members: nil)
        Output.out(StatusText.render(snapshot, request))
        Output.out("")
        Self.printWhere(dir, member)
    }

    /// Where the demo team is and how to open it again.
    static func printWhere(_ dir: String, _ member: String) {
        Output.out("Demo team written to \(dir). Look around as \(member):")
        Output.out("  meridian --data \(dir) --as \(member)            # the dashboard")
        Output.out("  meridian status --json --data \(dir) --as \(member)")
    }

    /// `$XDG_STATE_HOME/meridian/demo-YYYYMMDD-HHMMSS[-N]`, not yet existing.
    static func freshFolder(_ ctx: Context) throws(CLIError) -> String {
        let stamp = Zone.utc.local(ctx.now)
        let base = ctx.paths.stateDirectory + "/demo-" + String(format: "%04d%02d%02d-%02d%02d%02d", stamp.date.year, stamp.date.month, stamp.date.day, stamp.hour, stamp.minute, stamp.second)
        var candidate = base
        var n = 1
        while SafeFiles.info(candidate).kind != .missing {
            n += 1
            candidate = base + "-\(n)"
        }
        return candidate
    }

    /// Creates DIR, or accepts it when it is an empty folder; anything else is refused.
    static func prepare(_ dir: String) throws(CLIError) {
        switch SafeFiles.info(dir).kind {
        case .missing:
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw .usage("Cannot create \(dir): \(error.localizedDescription)")
            }
        case .directory:
            guard SafeFiles.list(dir).isEmpty else { throw .refused("\(dir) is not empty; give a new or empty folder for the demo team.") }
        default:
            throw .refused("\(dir) exists and is not a folder; give a new or empty folder for the demo team.")
        }
    }
}
