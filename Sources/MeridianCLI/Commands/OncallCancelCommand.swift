import ArgumentParser
import MeridianKit

/// `meridian oncall cancel EVENT_ID`: appends `oncall.cancel` for a live override (any member may).
struct OncallCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel an on-call override by its event id (a unique prefix of 6 or more characters will do).",
        discussion: "The id is printed by `meridian override` and shown by `meridian oncall` on override slots.")

    @Argument(help: "The override's event id.") var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        let snapshot = try ctx.openTeam().snapshot
        _ = try ctx.writer(for: snapshot)   // an --as with no member file is exit 2, before any refusal
        let live = snapshot.overrides.live
        var matches = live.filter { $0.event == id }
        if matches.isEmpty, id.count >= 6 { matches = live.filter { $0.event.hasPrefix(id) } }
        guard let o = matches.first else {
            throw CLIError.refused("No live override with id '\(Sanitize.line(id))'; live overrides: \(OncallCommand.known(live.map(\.event))).")
        }
        guard matches.count == 1 else {
            throw CLIError.refused("'\(Sanitize.line(id))' matches \(matches.count) overrides; give more of the id.")
        }
        try ctx.append("oncall.cancel", [("ref", .string(o.event))], to: snapshot)
        Output.out("Cancelled override \(o.event): \(o.member) on \(o.rotation), \(Instant.format(o.from)) to \(Instant.format(o.to)).")
    }
}
