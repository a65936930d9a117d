import ArgumentParser
import MeridianKit

/// `meridian override ROTATION MEMBER FROM TO`: MEMBER covers ROTATION over [FROM, TO); prints the event id.
struct OverrideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "override", abstract: "Put MEMBER on call for ROTATION from FROM to TO (ISO-8601 instants); prints the event id.",
        discussion: """
        Where overrides overlap, the later one wins. Cancel one with `meridian oncall cancel ID`.
        Example: meridian override primary bob 2026-11-25T17:00:00Z 2026-11-26T09:00+01:00
        """)

    @Argument(help: "The rotation (its file's stem in oncall/).") var rotation: String
    @Argument(help: "The member who covers.") var member: String
    @Argument(help: "Start, an ISO-8601 instant.") var from: String
    @Argument(help: "End (exclusive), an ISO-8601 instant.") var to: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        guard let start = Instant.parse(from) else { throw CLIError.usage("FROM must be an ISO-8601 instant like 2026-11-25T17:00:00Z, not '\(Sanitize.line(from))'.") }
        guard let end = Instant.parse(to) else { throw CLIError.usage("TO must be an ISO-8601 instant like 2026-11-26T09:00:00Z, not '\(Sanitize.line(to))'.") }
        guard start < end else { throw CLIError.usage("TO (\(Instant.format(end))) must be after FROM (\(Instant.format(start))).") }
        let snapshot = try ctx.openTeam().snapshot
        _ = try ctx.writer(for: snapshot)   // who I am comes first: an --as with no member file is exit 2
        guard snapshot.rotation(rotation) != nil else {
            throw CLIError.refused("Unknown rotation '\(Sanitize.line(rotation))'; known: \(OncallCommand.known(snapshot.rotations.map(\.id))).")
        }
        guard snapshot.member(member) != nil else {
            throw CLIError.refused("Unknown member '\(Sanitize.line(member))'; known: \(OncallCommand.known(snapshot.members.map(\.id))).")
        }
        let id = try ctx.append("oncall.override", [
            ("rotation", .string(rotation)), ("member", .string(member)),
            ("from", .string(Instant.format(start))), ("to", .string(Instant.format(end))),
        ], to: snapshot)
        Output.out(id)
    }
}
