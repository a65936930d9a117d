import ArgumentParser
import MeridianKit

/// `meridian check`: every problem as `FILE:LINE: message`; exit 1 if any.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "List every problem in the team directory (exit 1 if any).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        let snapshot = try ctx.openTeam().snapshot
        for p in snapshot.problems { Output.out(Sanitize.line(p.description)) }
        if !snapshot.problems.isEmpty { throw ExitCode(1) }
    }
}
