import ArgumentParser
import Foundation
import MeridianKit

/// `meridian away TEXT [--until I] [--kind K]`: appends `status.set` (my status until `--until`
/// or my next status change). Example: `meridian away "lunch" --until 1h`.
struct AwayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "away", abstract: "Set my status (status.set).",
        discussion: "--until takes an ISO-8601 instant (2026-11-25T15:00:00Z) or a duration from now (45m, 2h, 3d). --kind is one of online, focus, away, ooo (default: away).")

    @Argument(help: "What teammates see, e.g. \"lunch\" or \"at the dentist\".") var text: String
    @Option(help: "When the status ends: an ISO-8601 instant or a duration like 45m, 2h, 1d.") var until: String?
    @Option(help: "online, focus, away or ooo.") var kind: String = "away"
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        guard let k = StatusKind(rawValue: kind) else {
            throw CLIError.usage("--kind must be one of online, focus, away, ooo, not '\(kind)'.")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CLIError.usage("The status text is empty.") }
        var end: Date?
        if let until {
            guard let d = TimeArgument.instantOrDuration(until, now: ctx.now) else {
                throw CLIError.usage("--until must be an ISO-8601 instant like 2026-11-25T15:00:00Z or a duration like 45m, 2h or 1d, not '\(until)'.")
            }
            guard d > ctx.now else { throw CLIError.usage("--until \(until) is not after now (\(Instant.format(ctx.now))).") }
            end = d
        }
        let snapshot = try ctx.openTeam().snapshot
        var fields: [(key: String, value: JSONValue)] = [("text", .string(text)), ("kind", .string(k.rawValue))]
        if let end { fields.append(("until", .string(Instant.format(end)))) }
        try ctx.append("status.set", fields, to: snapshot)
        let suffix = end.map { " until \(TimeText.dayClock(ctx.viewerZone(snapshot).local($0))) your time (\(Instant.format($0)))" } ?? ""
        Output.out("Status set: \(k.rawValue), \"\(Sanitize.line(text))\"\(suffix).")
    }
}
