import Foundation
@testable import MeridianKit

/// A canonical text of everything a snapshot shows (not where events came from), so two
/// snapshots can be compared for equality and a difference read as a line diff.
enum SnapshotDump {
    static func text(_ s: TeamSnapshot, problemLocations: Bool = true) -> String {
        var out: [String] = []
        out.append("team \(s.settings.name) columns=\(s.settings.columns)")
        for m in s.members { out.append("member \(m.id) \(m.name) \(m.zone.identifier) \(m.hours.days.map { $0.map(\.description) })") }
        for r in s.rotations { out.append("rotation \(r.id) \(r.members) \(r.start) \(r.shift)") }
        let b = s.board
        for c in b.columns {
            out.append("column \(c)")
            for t in b.tasks(in: c) {
                out.append("  task \(t.id) '\(t.title)' col=\(t.column) prio=\(t.priority) labels=\(t.labels) due=\(t.due?.text ?? "-") notes=\(t.notes ?? "-") holder=\(t.holder ?? "-") by=\(t.createdBy) at=\(Instant.format(t.createdAt)) order=\(t.creationIndex) last=\(Instant.format(t.lastActivity))")
                for cm in t.comments { out.append("    comment \(cm.event) \(cm.by) \(Instant.format(cm.at)) '\(cm.text)'") }
            }
        }
        for c in b.conflicts { out.append("conflict \(c.task) \(c.member) lost-to \(c.lostTo) \(c.event)") }
        out.append("deleted \(b.deleted.sorted())")
        for member in s.presence.statusHistory.keys.sorted() {
            for entry in s.presence.statusHistory[member]! {
                let st = entry.status.map { "\($0.kind) '\($0.text)' until=\($0.until.map(Instant.format) ?? "-") \($0.event)" } ?? "clear"
                out.append("status \(member) \(Instant.format(entry.at)) \(st)")
            }
        }
        for t in s.presence.allTimeOff { out.append("timeoff \(t.member) \(t.span) \(t.note ?? "-") \(t.event)") }
        for r in s.rotations {
            for o in s.overrides.overrides(for: r.id) {
                out.append("override \(o.rotation) \(o.member) \(Instant.format(o.from))-\(Instant.format(o.to)) \(o.event) #\(o.order)")
            }
        }
        out.append("maxLC \(s.state.maxLC) events \(s.state.eventCount)")
        let problems = problemLocations ? s.problems.map(\.description) : s.problems.map(\.message).sorted()
        for p in problems { out.append("problem \(p)") }
        return out.joined(separator: "\n")
    }
}
