import MeridianKit

/// The readable form of `meridian status` (without `--json`).
enum StatusText {
    static func render(_ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> String {
        var lines: [String] = []
        lines.append("\(Sanitize.line(snapshot.settings.name)) — \(request.viewerZone.isoLocal(request.now))")
        lines.append("")
        for m in snapshot.members {
            lines.append("  \(Sanitize.line(m.name))  \(m.zone.local(request.now).description.suffix(8).prefix(5))  \(Zone.formatOffset(m.zone.offset(at: request.now)))")
        }
        lines.append("")
        for c in snapshot.board.columns {
            lines.append("  \(Sanitize.line(c)): \(snapshot.board.tasks(in: c).count) tasks")
        }
        if !snapshot.problems.isEmpty {
            lines.append("")
            lines.append("  \(snapshot.problems.count) problem(s); run `meridian check`.")
        }
        return lines.joined(separator: "\n")
    }
}
