import Foundation
import MeridianKit
import MeridianTerminal

/// Draws the whole dashboard for a state into a new frame: header, panes (grid or tabbed),
/// notice line or prompt, key hints, and the help or details overlay on top.
///
/// ```swift
/// let frame = Screen.render(state, style: RenderStyle(theme: .default, glyphs: .unicode))
/// session.present(frame)
/// ```
public enum Screen {
    public static func render(_ state: AppState, style: RenderStyle) -> FrameBuffer {
        let theme = style.theme
        var buffer = FrameBuffer(width: state.width, height: state.height, fill: Cell.blank(theme.style(.text)))
        let layout = Layout.compute(width: state.width, height: state.height, focus: state.focus)
        if layout.kind == .tooSmall {
            drawTooSmall(&buffer, state: state, style: style)
            return buffer
        }
        drawHeader(&buffer, layout.header, state: state, style: style)
        if layout.tabBar != nil { drawTabs(&buffer, layout, state: state, style: style) }
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let focused = pane == state.focus
            switch pane {
            case .clocks: ClocksView.draw(&buffer, rect, state: state, style: style, focused: focused)
            case .timeline: TimelineView.draw(&buffer, rect, state: state, style: style, focused: focused)
            case .board: BoardView.draw(&buffer, rect, state: state, style: style, focused: focused)
            case .oncall: OncallView.draw(&buffer, rect, state: state, style: style, focused: focused)
            }
        }
        drawNotice(&buffer, layout.notice, state: state, style: style)
        drawFooter(&buffer, layout.footer, style: style)
        switch state.mode {
        case .help(let scroll): HelpOverlay.draw(&buffer, scroll: scroll, style: style)
        case .details(let task, let scroll): DetailsOverlay.draw(&buffer, task: task, scroll: scroll, state: state, style: style)
        default: break
        }
        return buffer
    }

    static func drawHeader(_ buffer: inout FrameBuffer, _ rect: Rect, state: AppState, style: RenderStyle) {
        let theme = style.theme
        buffer.fill(rect, style: theme.header)
        let zone = state.viewerZone
        let t = state.displayTime
        let local = zone.local(t)
        var left = " Meridian \(style.glyphs.dot) \(state.snapshot.settings.name) "
        left += " \(TimeText.day(local.date)) \(TimeText.clock(local)) \(Zone.formatOffset(zone.offset(at: t))) \(zone.identifier)"
        if let me = state.me { left += " \(style.glyphs.dot) you: \(me)" }
        let x = buffer.putRuns([(left, theme.header)], x: rect.x, y: rect.y, limit: rect.maxX, ellipsis: style.glyphs.ellipsis)
        if state.scrubHours != 0 {
            let sign = state.scrubHours > 0 ? "+" : "-"
            let right = " \(sign)\(abs(state.scrubHours))h from now \(style.glyphs.dot) t: back to now "
            let w = DisplayWidth.of(right)
            if rect.maxX - w > x { buffer.put(right, x: rect.maxX - w, y: rect.y, style: theme.header.with(fg: theme.monochrome ? nil : theme.color(.now), attrs: .bold)) }
        }
    }

    static func drawTabs(_ buffer: inout FrameBuffer, _ layout: Layout, state: AppState, style: RenderStyle) {
        let theme = style.theme
        for tab in layout.tabs() where tab.rect.maxX <= layout.screen.maxX {
            let s = tab.pane == state.focus ? theme.selected.with(attrs: .bold) : theme.style(.muted)
            buffer.put(tab.label, x: tab.rect.x, y: tab.rect.y, style: s)
        }
    }

    static func drawNotice(_ buffer: inout FrameBuffer, _ rect: Rect, state: AppState, style: RenderStyle) {
        let theme = style.theme
        let g = style.glyphs
        switch state.mode {
        case .filterPrompt(let text):
            buffer.putRuns([("Filter: ", theme.style(.accent).with(attrs: .bold)), (text, theme.style(.text)), ("_", theme.style(.accent)),
                            ("   Enter keeps \(style.glyphs.dot) Esc clears", theme.style(.muted))], x: rect.x + 1, y: rect.y, limit: rect.maxX, ellipsis: g.ellipsis)
            return
        case .newTaskPrompt(let text):
            let columns = state.snapshot.board.columns
            let column = columns[max(0, min(state.boardColumn, columns.count - 1))]
            buffer.putRuns([("New task in \(column): ", theme.style(.accent).with(attrs: .bold)), (text, theme.style(.text)), ("_", theme.style(.accent)),
                            ("   Enter creates \(style.glyphs.dot) Esc cancels", theme.style(.muted))], x: rect.x + 1, y: rect.y, limit: rect.maxX, ellipsis: g.ellipsis)
            return
        default:
            break
        }
        guard let notice = state.notices.first else { return }
        let role: ThemeRole = switch notice.level {
        case .info: .primary
        case .success: .success
        case .warning: .warning
        case .danger: .danger
        }
        let more = state.notices.count > 1 ? "  (+\(state.notices.count - 1) \(style.glyphs.dot) Esc dismisses)" : "  (Esc dismisses)"
        let mark = notice.level == .danger || notice.level == .warning ? g.warning + " " : ""
        buffer.putRuns([(mark + notice.text, theme.style(role)), (more, theme.style(.muted))], x: rect.x + 1, y: rect.y, limit: rect.maxX, ellipsis: g.ellipsis)
    }

    /// The key hints in table order; when they do not all fit, the last ones (`? help`, `q quit`)
    /// are kept and hints before them are dropped.
    static func footerHints(width: Int) -> [String] {
        var hints = KeyMap.hints
        let kept = Array(hints.suffix(2))
        func total(_ h: [String]) -> Int { h.reduce(0) { $0 + DisplayWidth.of($1) + 2 } + 1 }
        while total(hints) > width, hints.count > kept.count {
            hints.remove(at: hints.count - kept.count - 1)
        }
        return total(hints) <= width ? hints : []
    }

    static func drawFooter(_ buffer: inout FrameBuffer, _ rect: Rect, style: RenderStyle) {
        let theme = style.theme
        var x = rect.x + 1
        for hint in footerHints(width: rect.width) {
            let parts = hint.split(separator: " ", maxSplits: 1).map(String.init)
            x += buffer.put(parts[0], x: x, y: rect.y, style: theme.style(.accent).with(attrs: .bold))
            if parts.count > 1 { x += buffer.put(" " + parts[1], x: x, y: rect.y, style: theme.style(.muted)) }
            x += 2
        }
    }

    static func drawTooSmall(_ buffer: inout FrameBuffer, state: AppState, style: RenderStyle) {
        let text = "Meridian needs a terminal of at least \(Layout.minimum.width)×\(Layout.minimum.height); this one is \(state.width)×\(state.height). Make it larger, or press q to quit."
        let ascii = style.glyphs == .ascii ? text.replacingOccurrences(of: "×", with: "x") : text
        let lines = Wrap.lines(ascii, width: max(1, state.width - 2))
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: style.theme.style(.warning))
        }
    }
}
