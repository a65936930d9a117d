import Foundation
import MeridianKit

/// The readable board of `meridian board`: one block per column, then the lost claims that still matter.
enum BoardText {
    static func render(_ snapshot: TeamSnapshot, now: Date, zone: Zone, viewer: String?, only holder: String?) -> String {
        let board = snapshot.board
        let staleDays = snapshot.settings.staleClaimDays
        var lines: [String] = []
        let idWidth = board.tasks.keys.map(\.count).max() ?? 0
        var shownAny = false
        for column in board.columns {
            let all = board.tasks(in: column)
            let tasks = holder.map { h in all.filter { $0.holder == h } } ?? all
            if holder != nil && tasks.isEmpty { continue }
            var header = "\(Sanitize.line(column)) (\(all.count)"
            if let limit = snapshot.settings.wipLimits[column] {
                header += "/\(limit)" + (all.count > limit ? ", over limit" : "")
            }
            lines.append(header + ")")
            if tasks.isEmpty { lines.append("  —") }
            for t in tasks {
                shownAny = true
                lines.append("  " + row(t, idWidth: idWidth, viewer: viewer, stale: BoardQueries.isStale(t, now: now, staleDays: staleDays)))
            }
            lines.append("")
        }
        if holder != nil && !shownAny { lines.append("You hold no tasks."); lines.append("") }
        let lost = board.conflicts.filter { c in
            guard let t = board.tasks[c.task], t.holder != c.member else { return false }
            return holder == nil || c.member == holder
        }
        if !lost.isEmpty {
            lines.append("Lost claims (claimed apart, before the journals met):")
            for c in lost {
                lines.append("  \(c.task): \(c.member == viewer ? "your" : "\(c.member)'s") claim lost to \(c.lostTo) (\(zone.isoLocal(c.at)))")
            }
            lines.append("")
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// `id  [urgent] Title  @holder  #label  due D  stale`
    static func row(_ t: BoardTask, idWidth: Int, viewer: String?, stale: Bool) -> String {
        var parts = [t.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)]
        var title = Sanitize.line(t.title)
        if t.priority != .normal { title = "[\(t.priority.rawValue)] " + title }
        parts.append(title)
        if let h = t.holder { parts.append(h == viewer ? "@\(h) (you)" : "@\(h)") }
        if !t.labels.isEmpty { parts.append(t.labels.map { "#" + Sanitize.line($0) }.joined(separator: " ")) }
        if let due = t.due { parts.append("due \(Sanitize.line(due.text))") }
        if stale { parts.append("stale") }
        if !t.comments.isEmpty { parts.append("\(t.comments.count) comment\(t.comments.count == 1 ? "" : "s")") }
        return parts.joined(separator: "  ")
    }
}
