import ArgumentParser
import MeridianKit

/// `meridian status`: one snapshot of everything, as JSON (`--json`) or readable text.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "One snapshot of everything (members, overlap, board, on-call, problems).")

    @Flag(help: "Print the meridian.status/1 JSON document.") var json = false
    @Option(help: "The overlap date (YYYY-MM-DD) in the viewer's zone (default: today).") var date: String?
    @Option(help: "Members for the overlap, comma-separated (default: all).") var members: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        let snapshot = try ctx.openTeam().snapshot
        let request = try Self.request(ctx, snapshot, date: date, members: members)
        if json {
            try Output.json { ProcessExit.keepUntilExit(StatusReport.write(snapshot, request, into: &$0)) }
        } else {
            Output.out(StatusText.render(snapshot, request))
        }
    }

    /// Validates `--date` and `--members` (unknown member: exit 2).
    static func request(_ ctx: Context, _ snapshot: TeamSnapshot, date: String?, members: String?) throws(CLIError) -> StatusReport.Request {
        var overlapDate: LocalDate?
        if let date {
            guard let d = LocalDate(iso: date) else { throw .usage("--date must be YYYY-MM-DD, not '\(date)'.") }
            overlapDate = d
        }
        var selected: [String]?
        if let members {
            let ids = members.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let known = Set(snapshot.members.map(\.id))
            if let unknown = ids.first(where: { !known.contains($0) }) {
                throw .usage("Unknown member '\(unknown)' in --members; known: \(snapshot.members.map(\.id).joined(separator: ", ")).")
            }
            selected = ids
        }
        return StatusReport.Request(now: ctx.now, viewer: ctx.member, viewerZone: ctx.viewerZone(snapshot), overlapDate: overlapDate, overlapMembers: selected)
    }
}
