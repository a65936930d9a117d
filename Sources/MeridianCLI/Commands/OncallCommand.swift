import ArgumentParser
import Foundation
import MeridianKit

/// `meridian oncall [--json | --ics [--weeks N]] [--rotation R]`: who is on call now and next.
struct OncallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oncall", abstract: "Who is on call now and next, until when (my time and theirs), and the gaps.",
        discussion: """
        Examples:
          meridian oncall
          meridian oncall --json
          meridian oncall --ics --weeks 8 > oncall.ics
        """,
        subcommands: [OncallCancelCommand.self])

    @Flag(help: "Print JSON: the `oncall` section of `status --json` under schema meridian.oncall/1.") var json = false
    @Flag(help: "Print an iCalendar (RFC 5545) file of the coming on-call slots.") var ics = false
    @Option(help: "With --ics: how many weeks ahead to export (1-104, default 8).") var weeks: Int?
    @Option(help: "Only this rotation (its file's stem in oncall/).") var rotation: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if json && ics { throw CLIError.usage("Choose one of --json and --ics.") }
        if let weeks {
            guard ics else { throw CLIError.usage("--weeks applies only with --ics.") }
            guard (1...104).contains(weeks) else { throw CLIError.usage("--weeks must be between 1 and 104, not \(weeks).") }
        }
    }

    func run() throws {
        let ctx = try Context(global)
        let snapshot = try ctx.openTeam().snapshot
        if let rotation, snapshot.rotation(rotation) == nil {
            throw CLIError.usage("Unknown rotation '\(rotation)'; known: \(Self.known(snapshot.rotations.map(\.id))).")
        }
        let request = StatusReport.Request(now: ctx.now, viewer: ctx.member, viewerZone: ctx.viewerZone(snapshot))
        if ics {
            FileHandle.standardOutput.write(Data(OncallCalendar.build(snapshot, request, weeks: weeks ?? 8, only: rotation).utf8))
        } else if json {
            let glances = OncallReport.glances(snapshot, request, only: rotation)
            let doc = JSONNode.object([
                ("schema", .string("meridian.oncall/1")),
                ("now", .string(Instant.format(request.now))),
                ("viewer", .object([("member", .string(request.viewer)), ("timezone", .string(request.viewerZone.identifier))])),
                ("oncall", .array(glances.map { OncallReport.rotation($0, snapshot, request) })),
            ])
            Output.out(doc.text(pretty: true))
        } else {
            Output.out(OncallText.render(OncallReport.glances(snapshot, request, only: rotation), snapshot, request))
        }
    }

    static func known(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }
}
