import MeridianKit

/// The readable form of `meridian status` (without `--json`): the four panes as plain text,
/// reusing each command's own renderer.
enum StatusText {
    static func render(_ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> String {
        var sections: [String] = []
        sections.append(ClocksCommand.render(snapshot, now: request.now, viewerZone: request.viewerZone))
        sections.append(OverlapCommand.render(snapshot, request))  // already headed "Overlap on …"
        sections.append("Board\n" + BoardText.render(snapshot, now: request.now, zone: request.viewerZone, viewer: request.viewer, only: nil))
        let glances = snapshot.rotations.map { OncallGlance($0, in: snapshot, now: request.now, viewer: request.viewer) }
        sections.append("On call\n" + OncallText.render(glances, snapshot, request))
        if !snapshot.problems.isEmpty {
            sections.append("\(snapshot.problems.count) problem(s) in the team directory; run `meridian check` to list them.")
        }
        return sections.joined(separator: "\n\n")
    }
}
