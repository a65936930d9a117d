import Foundation
import MeridianKit
import MeridianTerminal

/// Board: columns side by side when each gets at least `minColumnWidth`, else one column at a time
/// under a column bar. A task is two lines: priority and title, then id, holder, labels, due date
/// and the stale / conflict marks. Over-limit columns are marked in their header.
public enum BoardView {
    public static let minColumnWidth = 16
    static let taskHeight = 2

    /// How the board is arranged inside a pane.
    struct Geometry {
        var inner: Rect
        var sideBySide: Bool
        /// Rows used above the task lists: the filter line (if any) and the column headers or bar.
        var top: Int
        /// The columns' rectangles (side by side) or the one shown column's rectangle.
        var columns: [(index: Int, rect: Rect)]
        var visibleTasks: Int
    }

    static func geometry(_ inner: Rect, state: AppState, model: BoardModel) -> Geometry {
        let count = max(1, model.columns.count)
        let filterRow = state.activeFilter.isEmpty ? 0 : 1
        let sideBySide = inner.width >= count * minColumnWidth + (count - 1)
        let top = filterRow + 1
        let body = Rect(x: inner.x, y: inner.y + top, width: inner.width, height: max(0, inner.height - top))
        let visible = max(0, body.height / taskHeight)
        if sideBySide {
            let rects = body.splitColumns(count: count, spacing: 1)
            return Geometry(inner: inner, sideBySide: true, top: top, columns: rects.enumerated().map { ($0.offset, $0.element) }, visibleTasks: visible)
        }
        return Geometry(inner: inner, sideBySide: false, top: top, columns: [(state.boardColumn, body)], visibleTasks: visible)
    }

    /// The first task row shown in a column (the selected column scrolls to keep its selection visible).
    static func scroll(column: Int, state: AppState, model: BoardModel, visible: Int) -> Int {
        guard column == state.boardColumn, model.columns.indices.contains(column) else { return 0 }
        return ClocksView.scrollStart(selected: state.boardRow, count: model.columns[column].tasks.count, visible: visible)
    }

    /// The column (and task row, if on a task) under a cell of the Board pane at `rect`.
    public static func hit(_ point: Point, in rect: Rect, state: AppState) -> (column: Int, row: Int?)? {
        let model = state.boardModel
        let g = geometry(rect.inset(by: 1), state: state, model: model)
        if !g.sideBySide, point.y == g.inner.y + g.top - 1 {
            return columnBarHit(point.x, g: g, model: model, state: state).map { ($0, nil) }
        }
        for (index, r) in g.columns where r.contains(point) || (point.x >= r.x && point.x < r.maxX && point.y == g.inner.y + g.top - 1) {
            guard model.columns.indices.contains(index) else { return nil }
            guard point.y >= r.y else { return (index, nil) }
            let row = (point.y - r.y) / taskHeight + scroll(column: index, state: state, model: model, visible: g.visibleTasks)
            return (index, model.columns[index].tasks.indices.contains(row) ? row : nil)
        }
        return nil
    }

    public static func draw(_ buffer: inout FrameBuffer, _ rect: Rect, state: AppState, style: RenderStyle, focused: Bool) {
        let model = state.boardModel
        let shown = model.columns.reduce(0) { $0 + $1.tasks.count }
        let total = model.columns.reduce(0) { $0 + $1.total }
        let subtitle = shown == total ? "\(total) tasks" : "\(shown) of \(total) tasks"
        let inner = PaneFrame.draw(&buffer, rect, pane: .board, focused: focused, style: style, subtitle: subtitle)
        guard inner.height >= 3, inner.width >= 10 else { return }
        let theme = style.theme
        let gl = style.glyphs
        let geo = geometry(inner, state: state, model: model)
        let context = TaskRowContext(state, theme: theme)
        if !state.activeFilter.isEmpty {
            buffer.putRuns([("/ ", theme.style(.accent)), (state.activeFilter, theme.style(.accent).with(attrs: .bold)),
                            ("  \(shown) match\(shown == 1 ? "" : "es") \(style.glyphs.dot) Esc clears", theme.style(.muted))],
                           x: inner.x, y: inner.y, limit: inner.maxX, ellipsis: gl.ellipsis)
        }
        let headerY = inner.y + geo.top - 1
        if geo.sideBySide {
            for (index, r) in geo.columns {
                drawColumnHeader(&buffer, model.columns[index], x: r.x, y: headerY, width: r.width, current: index == state.boardColumn && focused, style: style)
                if index > 0 {
                    for y in headerY..<r.maxY { buffer.put(String(gl.box.vertical), x: r.x - 1, y: y, style: theme.style(.border)) }
                }
            }
        } else {
            drawColumnBar(&buffer, model: model, y: headerY, inner: inner, state: state, style: style)
        }
        for (index, r) in geo.columns where model.columns.indices.contains(index) {
            let column = model.columns[index]
            let first = scroll(column: index, state: state, model: model, visible: geo.visibleTasks)
            if column.tasks.isEmpty {
                buffer.putField(state.activeFilter.isEmpty ? "(empty)" : "(no match)", x: r.x, y: r.y, width: r.width, style: theme.style(.muted), ellipsis: gl.ellipsis)
            }
            // By index: only the rows on screen are read from the task table.
            for row in column.tasks.indices.dropFirst(first).prefix(geo.visibleTasks) {
                let task = column.tasks[row]
                let y = r.y + (row - first) * taskHeight
                let selected = index == state.boardColumn && row == state.boardRow
                drawTask(&buffer, task, x: r.x, y: y, width: r.width, selected: selected, focused: focused, context: context, state: state, style: style)
            }
            if column.tasks.count > first + geo.visibleTasks, r.height > 0 {
                let more = "\(gl.arrow) \(column.tasks.count - first - geo.visibleTasks) more"
                buffer.put(more, x: r.maxX - DisplayWidth.of(more), y: r.maxY - 1, style: theme.style(.muted), maxWidth: r.width)
            }
        }
    }

    static func columnLabel(_ column: BoardModel.Column, glyphs: Glyphs) -> String {
        var label = column.name + " " + (column.wipLimit.map { "\(column.total)/\($0)" } ?? "\(column.total)")
        if column.overLimit { label += " \(glyphs.warning) over limit" }
        return label
    }

    static func drawColumnHeader(_ buffer: inout FrameBuffer, _ column: BoardModel.Column, x: Int, y: Int, width: Int, current: Bool, style: RenderStyle) {
        let theme = style.theme
        var s = column.overLimit ? theme.style(.danger) : theme.style(.title)
        if current { s = s.with(attrs: .underline) }
        buffer.putField(columnLabel(column, glyphs: style.glyphs), x: x, y: y, width: width, style: s, ellipsis: style.glyphs.ellipsis)
    }

    /// `◀ Todo 5 │ Doing 4/3 ⚠ │ … ▶` with the shown column highlighted; just the shown column when
    /// the whole bar does not fit.
    static func drawColumnBar(_ buffer: inout FrameBuffer, model: BoardModel, y: Int, inner: Rect, state: AppState, style: RenderStyle) {
        let theme = style.theme
        let g = style.glyphs
        let labels = model.columns.map { columnLabel($0, glyphs: g) }
        let sep = " \(g.box.vertical) "
        let full = labels.joined(separator: sep)
        var x = inner.x
        x += buffer.put(g.left + " ", x: x, y: y, style: theme.style(state.boardColumn > 0 ? .accent : .muted))
        let room = inner.maxX - x - 2
        if DisplayWidth.of(full) <= room {
            for (i, label) in labels.enumerated() {
                if i > 0 { x += buffer.put(sep, x: x, y: y, style: theme.style(.border)) }
                var s = model.columns[i].overLimit ? theme.style(.danger) : theme.style(.text)
                if i == state.boardColumn { s = theme.selected.with(attrs: .bold) }
                x += buffer.put(label, x: x, y: y, style: s)
            }
        } else if model.columns.indices.contains(state.boardColumn) {
            let label = "\(state.boardColumn + 1)/\(model.columns.count) " + labels[state.boardColumn]
            x += buffer.put(DisplayWidth.truncate(label, toWidth: room, ellipsis: g.ellipsis), x: x, y: y, style: theme.selected.with(attrs: .bold))
        }
        buffer.put(" " + g.right, x: x, y: y, style: theme.style(state.boardColumn < model.columns.count - 1 ? .accent : .muted))
    }

    static func columnBarHit(_ px: Int, g: Geometry, model: BoardModel, state: AppState) -> Int? {
        let labels = model.columns.map { columnLabel($0, glyphs: .unicode) }
        var x = g.inner.x + 2
        if px < x { return max(0, state.boardColumn - 1) }
        for (i, label) in labels.enumerated() {
            let w = DisplayWidth.of(label)
            if px >= x && px < x + w { return i }
            x += w + 3
        }
        return min(model.columns.count - 1, state.boardColumn + 1)
    }

    /// What every task row needs from the state and the theme, looked up once per frame.
    struct TaskRowContext {
        var me: String?
        var zone: Zone
        var now: Date
        var today: LocalDate
        var staleDays: Double?
        /// The theme's styles the rows use.
        var text, muted, primary, accent, warning, danger, selected: Style

        init(_ state: AppState, theme: Theme) {
            me = state.me
            zone = state.viewerZone
            now = state.displayTime
            today = zone.date(at: now)
            staleDays = state.snapshot.settings.staleClaimDays
            (text, muted, primary, accent) = (theme.style(.text), theme.style(.muted), theme.style(.primary), theme.style(.accent))
            (warning, danger, selected) = (theme.style(.warning), theme.style(.danger), theme.selected)
        }
    }

    static func drawTask(_ buffer: inout FrameBuffer, _ task: BoardTask, x: Int, y: Int, width: Int, selected: Bool, focused: Bool,
                         context c: TaskRowContext, state: AppState, style: RenderStyle) {
        let g = style.glyphs
        let (mark, markStyle): (String, Style) = {
            switch task.priority {
            case .urgent: return (g.urgent, c.danger)
            case .high: return (g.high, c.warning)
            case .normal: return (g.normal, c.muted)
            case .low: return (g.low, c.muted)
            }
        }()
        let highlight = selected && focused
        func s(_ role: Style) -> Style { highlight ? c.selected : role }
        var line1: [(String, Style)] = [(mark + " ", s(markStyle)), (task.title, highlight ? c.selected.with(attrs: .bold) : c.text)]
        if selected && !focused { line1[1].1 = c.text.with(attrs: .underline) }
        var line2: [(String, Style)] = [("  " + task.id, s(c.muted))]
        if let holder = task.holder {
            line2.append((" @" + holder, s(holder == c.me ? c.accent : c.primary)))
        }
        for label in task.labels { line2.append((" #" + label, s(c.accent))) }
        if let due = task.due {
            let date = due.date ?? due.instant.map { c.zone.date(at: $0) }
            let overdue = date.map { $0 < c.today } ?? false
            let text = date.map { " due \(TimeText.months[$0.month - 1]) \($0.day)" } ?? " due \(due.text)"
            line2.append((text, s(overdue ? c.danger : c.warning)))
        }
        if BoardQueries.isStale(task, now: c.now, staleDays: c.staleDays) {
            line2.append((" \(g.stale) stale", s(c.warning)))
        }
        let losers = state.claimLosers(task.id)
        if !losers.isEmpty {
            let mine = losers.contains { $0 == c.me }
            line2.append((" \(g.conflict) " + (mine ? "you lost the claim" : "claim conflict"), s(c.danger)))
        }
        if highlight {
            buffer.fill(Rect(x: x, y: y, width: width, height: taskHeight), style: c.selected)
        }
        buffer.putRuns(line1, x: x, y: y, limit: x + width, ellipsis: g.ellipsis)
        buffer.putRuns(line2, x: x, y: y + 1, limit: x + width, ellipsis: g.ellipsis)
    }
}
