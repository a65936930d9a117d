import ArgumentParser
import MeridianKit

/// `meridian back`: appends `status.clear`, ending my status. With no status in effect it
/// succeeds and writes nothing.
struct BackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "back", abstract: "Clear my status (status.clear).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        let snapshot = try ctx.openTeam().snapshot
        // Checks --as before deciding there is nothing to do, so a typo'd member is still exit 2.
        _ = try ctx.writer(for: snapshot)
        guard let me = ctx.member, snapshot.presence.status(of: me, at: ctx.now) != nil else {
            Output.out("No status in effect; nothing written.")
            return
        }
        try ctx.append("status.clear", [], to: snapshot)
        Output.out("Status cleared.")
    }
}
