import ArgumentParser
import MeridianKit

/// `meridian overlap`: who is in hours when, over one day in the viewer's zone, and the band
/// when everyone selected is in.
struct OverlapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlap",
        abstract: "Who is in hours when, over one day in your zone.",
        discussion: "Example: meridian overlap --date 2026-03-09 --members alice,priya"
    )

    @Option(help: "The date (YYYY-MM-DD) in your zone (default: today).") var date: String?
    @Option(help: "Members to show, comma-separated (default: all).") var members: String?
    @Flag(help: "Print the overlap object of `status --json`.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        let snapshot = try ctx.openTeam().snapshot
        let request = try StatusCommand.request(ctx, snapshot, date: date, members: members)
        if json {
            Output.out(OverlapReport.build(snapshot, request).text(pretty: true))
        } else {
            Output.out(Self.render(snapshot, request))
        }
    }

    static func render(_ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> String {
        let zone = request.viewerZone
        let date = request.overlapDate ?? zone.date(at: request.now)
        let day = Overlap.compute(snapshot: snapshot, date: date, zone: zone, members: request.overlapMembers)
        let hours = TimeText.hoursAndMinutes(day.day.duration)
        var lines = ["Overlap on \(TimeText.day(date)) \(date.year) in \(zone.identifier) (\(hours))", ""]
        guard !day.day.isEmpty else {
            return (lines + ["  \(date) did not happen in \(zone.identifier) (the zone skipped it)."]).joined(separator: "\n")
        }
        // Show only the selected members; join neighbours that then look the same.
        let shown = Set(day.selected)
        var rows: [OverlapSegment] = []
        for s in day.segments {
            let m = s.members.filter(shown.contains)
            if let last = rows.last, last.members == m { rows[rows.count - 1].interval.end = s.interval.end } else {
                rows.append(OverlapSegment(interval: s.interval, members: m))
            }
        }
        let offsets = Set([zone.offset(at: day.day.start), zone.offset(at: day.day.end.addingTimeInterval(-1))])
        var table = TextTable()
        for r in rows {
            table.add([TimeText.span(r.interval, in: zone, withOffset: offsets.count > 1), TimeText.hoursAndMinutes(r.interval.duration),
                       "\(r.members.count)/\(shown.count)", r.members.isEmpty ? "nobody" : TimeText.names(r.members, snapshot)])
        }
        lines += table.render()
        lines.append("")
        let who = day.selected.count == snapshot.members.count ? "everyone" : TimeText.names(day.selected, snapshot)
        if day.selected.isEmpty {
            lines.append("  No members.")
        } else if day.all.isEmpty {
            let verb = day.selected.count == 1 ? "is" : (who == "everyone" ? "is" : "are all")
            lines.append("  No time when \(who) \(verb) in.")
        } else {
            let bands = day.all.map { "\(TimeText.span($0, in: zone, withOffset: offsets.count > 1)) (\(TimeText.hoursAndMinutes($0.duration)))" }
            lines.append("  All in (\(who)): " + bands.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
