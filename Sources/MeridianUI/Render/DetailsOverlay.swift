import Foundation
import MeridianKit
import MeridianTerminal

/// `Enter` on a task: everything about it — column, holder, priority, labels, due date, who made it,
/// conflicts, its notes and its comments — in a scrollable box over the panes.
public enum DetailsOverlay {
    /// The overlay's text lines for a task at `width` columns, with the role of each.
    static func lines(_ task: BoardTask, width: Int, state: AppState, style: RenderStyle) -> [(String, ThemeRole)] {
        let zone = state.viewerZone
        let snapshot = state.snapshot
        func name(_ id: String) -> String { snapshot.member(id).map { "\($0.name) (\(id))" } ?? id }
        var out: [(String, ThemeRole)] = []
        out.append(("Column    " + snapshot.board.displayColumn(task), .text))
        out.append(("Holder    " + (task.holder.map(name) ?? "nobody"), task.holder == nil ? .muted : .primary))
        out.append(("Priority  " + task.priority.rawValue, task.priority <= .high ? .warning : .text))
        if !task.labels.isEmpty { out.append(("Labels    " + task.labels.joined(separator: ", "), .accent)) }
        if let due = task.due { out.append(("Due       " + due.text, .warning)) }
        out.append(("Created   by \(name(task.createdBy)), \(TimeText.day(zone.date(at: task.createdAt))) \(TimeText.clock(zone.local(task.createdAt)))", .muted))
        if BoardQueries.isStale(task, now: state.displayTime, staleDays: snapshot.settings.staleClaimDays) {
            out.append(("Stale     no activity for \(TimeText.duration(state.displayTime.timeIntervalSince(task.lastActivity)))", .warning))
        }
        for c in snapshot.board.conflicts where c.task == task.id {
            out.append(("Conflict  \(name(c.member)) lost the claim to \(name(c.lostTo))", .danger))
        }
        out.append(("", .text))
        out.append(("Notes", .title))
        if let notes = task.notes, !notes.isEmpty {
            out += Wrap.lines(notes, width: width - 2).map { ("  " + $0, .text) }
        } else {
            out.append(("  (none)", .muted))
        }
        out.append(("", .text))
        out.append(("Comments (\(task.comments.count))", .title))
        if task.comments.isEmpty { out.append(("  (none)", .muted)) }
        for comment in task.comments {
            out.append(("  \(name(comment.by)) \(style.glyphs.dot) \(TimeText.day(zone.date(at: comment.at))) \(TimeText.clock(zone.local(comment.at)))", .primary))
            out += Wrap.lines(comment.text, width: width - 4).map { ("    " + $0, .text) }
        }
        return out
    }

    public static func draw(_ buffer: inout FrameBuffer, task id: String, scroll: Int, state: AppState, style: RenderStyle) {
        let theme = style.theme
        let width = min(buffer.width - 4, 90)
        let height = buffer.height - 4
        guard width >= 20, height >= 4 else { return }
        let rect = Rect(x: (buffer.width - width) / 2, y: 2, width: width, height: height)
        buffer.fill(rect, style: theme.style(.text))
        guard let task = state.snapshot.board.tasks[id] else {
            let inner = buffer.drawBox(rect, title: id, style: theme.style(.focusBorder), titleStyle: theme.style(.title), charset: style.glyphs.focusBox)
            buffer.putField("This task was deleted.", x: inner.x + 1, y: inner.y, width: inner.width - 2, style: theme.style(.muted))
            return
        }
        let inner = buffer.drawBox(rect, title: "\(task.id) \(style.glyphs.dot) \(task.title)", style: theme.style(.focusBorder),
                                   titleStyle: theme.style(.title).with(attrs: .bold), charset: style.glyphs.focusBox)
        let body = lines(task, width: inner.width - 2, state: state, style: style)
        let first = max(0, min(scroll, body.count - inner.height + 1))
        for (i, line) in body.dropFirst(first).prefix(inner.height - 1).enumerated() {
            buffer.putField(line.0, x: inner.x + 1, y: inner.y + i, width: inner.width - 2, style: theme.style(line.1), ellipsis: style.glyphs.ellipsis)
        }
        buffer.putField(style.glyphs == .ascii ? "Up/Down scroll, Esc closes" : "↑↓ scroll · Esc closes", x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: theme.style(.muted))
    }
}
