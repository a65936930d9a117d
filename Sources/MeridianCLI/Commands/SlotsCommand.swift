import ArgumentParser
import Foundation
import MeridianKit

/// `meridian slots`: the best meeting windows in the coming days for some members, ranked by how
/// many of them are in hours, in your time and each member's.
struct SlotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slots",
        abstract: "The best meeting windows in the coming days for some members.",
        discussion: "Example: meridian slots --members alice,bob,priya --days 7 --min 60"
    )

    @Option(help: "Members to meet, comma-separated (default: all).") var members: String?
    @Option(help: "How many days ahead to look (1–60).") var days = 7
    @Option(help: "The shortest window worth showing, in minutes.") var min = 60
    @Option(help: "How many windows to show at most.") var limit = 10
    @Flag(help: "Print JSON (schema meridian.slots/1).") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        let snapshot = try ctx.openTeam().snapshot
        guard (1...60).contains(days) else { throw CLIError.usage("--days must be between 1 and 60, not \(days).") }
        guard min >= 1, min <= days * 1440 else { throw CLIError.usage("--min must be between 1 and \(days * 1440) minutes, not \(min).") }
        guard limit >= 1 else { throw CLIError.usage("--limit must be at least 1, not \(limit).") }
        let request = try StatusCommand.request(ctx, snapshot, date: nil, members: members)
        let ids = request.overlapMembers.map { Array(Set($0)).sorted() } ?? snapshot.members.map(\.id)
        guard !ids.isEmpty else { throw CLIError.usage("No members to find a window for; add one with `meridian join`.") }
        // Windows start on a whole minute.
        let from = Date(timeIntervalSince1970: (ctx.now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let slots = Slots.find(snapshot: snapshot, members: ids, from: from, days: days, minimumMinutes: min, limit: limit)
        if json {
            Output.out(document(snapshot, request, ids: ids, from: from, slots: slots).text(pretty: true))
        } else {
            Output.out(text(snapshot, request, ids: ids, slots: slots))
        }
    }

    func document(_ snapshot: TeamSnapshot, _ request: StatusReport.Request, ids: [String], from: Date, slots: [Slot]) -> JSONNode {
        let zone = request.viewerZone
        return .object([
            ("schema", .string("meridian.slots/1")),
            ("now", .string(Instant.format(request.now))),
            ("viewer", .object([("member", .string(request.viewer)), ("timezone", .string(zone.identifier))])),
            ("members", .array(ids.map { .string($0) })),
            ("from", .string(Instant.format(from))),
            ("to", .string(Instant.format(from.addingTimeInterval(Double(days) * 86400)))),
            ("min_minutes", .int(min)),
            ("slots", .array(slots.map { s in
                TimeJSON.interval(s.interval, [
                    ("minutes", .int(Int(s.interval.duration) / 60)),
                    ("count", .int(s.members.count)),
                    ("members", .array(s.members.map { .string($0) })),
                    ("missing", .array(s.missing.map { .string($0) })),
                    ("viewer", .object([("start", .string(zone.isoLocal(s.interval.start))), ("end", .string(zone.isoLocal(s.interval.end)))])),
                    ("local", .array(ids.compactMap(snapshot.member).map { m in
                        .object([("member", .string(m.id)), ("timezone", .string(m.zone.identifier)),
                                 ("start", .string(m.zone.isoLocal(s.interval.start))), ("end", .string(m.zone.isoLocal(s.interval.end)))])
                    })),
                ])
            })),
        ])
    }

    func text(_ snapshot: TeamSnapshot, _ request: StatusReport.Request, ids: [String], slots: [Slot]) -> String {
        let zone = request.viewerZone
        var lines = ["Best windows for \(TimeText.names(ids, snapshot)) in the next \(days) day\(days == 1 ? "" : "s") "
            + "(at least \(TimeText.hoursAndMinutes(Double(min) * 60))), in your time \(zone.identifier):", ""]
        if slots.isEmpty {
            lines.append("  None: nobody of them is in hours for \(TimeText.hoursAndMinutes(Double(min) * 60)) at a stretch.")
            return lines.joined(separator: "\n")
        }
        for (n, s) in slots.enumerated() {
            let start = zone.local(s.interval.start)
            lines.append(" \(n + 1). \(TimeText.day(start.date)) \(TimeText.span(s.interval, in: zone)) "
                + "(\(TimeText.hoursAndMinutes(s.interval.duration)))  \(s.members.count) of \(ids.count) in")
            var table = TextTable()
            for id in ids {
                guard let m = snapshot.member(id) else { continue }
                let local = m.zone.local(s.interval.start)
                table.add([Sanitize.line(m.name), "\(TimeText.weekday(local.date)) \(TimeText.span(s.interval, in: m.zone))",
                           m.zone.identifier, s.members.contains(id) ? "in" : "out"])
            }
            lines += table.render(indent: "      ")
        }
        return lines.joined(separator: "\n")
    }
}
