import Foundation
import MeridianKit

/// The readable form of `meridian task show ID`.
enum TaskDetailText {
    static func render(_ t: BoardTask, snapshot: TeamSnapshot, now: Date, zone: Zone) -> String {
        let board = snapshot.board
        var lines = ["\(t.id)  \(Sanitize.line(t.title))"]
        func field(_ name: String, _ value: String) { lines.append("  " + (name + ":").padding(toLength: 10, withPad: " ", startingAt: 0) + value) }
        field("column", Sanitize.line(board.displayColumn(t)) + (board.columns.contains(t.column) ? "" : " (written as unknown column '\(Sanitize.line(t.column))')"))
        var holder = t.holder ?? "nobody"
        if BoardQueries.isStale(t, now: now, staleDays: snapshot.settings.staleClaimDays) {
            holder += " (stale: no activity since \(zone.isoLocal(t.lastActivity)))"
        }
        field("holder", holder)
        field("priority", t.priority.rawValue)
        if !t.labels.isEmpty { field("labels", t.labels.map(Sanitize.line).joined(separator: ", ")) }
        if let due = t.due { field("due", Sanitize.line(due.text)) }
        field("created", "by \(t.createdBy) at \(zone.isoLocal(t.createdAt))")
        if let notes = t.notes {
            lines.append("  notes:")
            for l in notes.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) { lines.append("    " + Sanitize.line(String(l))) }
        }
        if !t.comments.isEmpty {
            lines.append("  comments:")
            for c in t.comments { lines.append("    \(zone.isoLocal(c.at)) \(c.by): \(Sanitize.line(c.text))") }
        }
        let lost = board.conflicts.filter { $0.task == t.id }
        if !lost.isEmpty {
            lines.append("  lost claims:")
            for c in lost { lines.append("    \(c.member) lost to \(c.lostTo) at \(zone.isoLocal(c.at)) (event \(c.event))") }
        }
        return lines.joined(separator: "\n")
    }
}
