import Foundation
import MeridianKit
import MeridianTerminal

/// Timeline: the viewer's day (23 or 25 hours on DST days) on one axis; a row per member with
/// working hours and time off, a "now" marker at the shown time, and an overlap row (a block where
/// everyone is planned in, else how many are).
public enum TimelineView {
    /// The viewer's day containing `t`: its date, first instant and length in seconds.
    public static func day(containing t: Date, zone: Zone) -> (date: LocalDate, start: Date, length: TimeInterval) {
        let date = zone.date(at: t)
        let start = zone.startOfDay(date)
        let end = zone.startOfDay(date.adding(days: 1))
        return (date, start, end.timeIntervalSince(start))
    }

    /// The width of the name column (names, then one space).
    static func labelWidth(_ state: AppState) -> Int { min(max(6, state.widestMemberName), 14) + 1 }

    /// How many of `days` are planned in at the middle of each of `axisWidth` columns of the day
    /// starting at `start` and lasting `length` seconds: the overlap row.
    static func plannedCounts(_ days: [MemberQueries.Day], start: Date, length: TimeInterval, axisWidth: Int) -> [Int] {
        let cell = length / Double(axisWidth)
        var planned = Array(repeating: 0, count: axisWidth)
        for day in days {
            for i in 0..<axisWidth where day.isPlanned(start.addingTimeInterval((Double(i) + 0.5) * cell)) { planned[i] += 1 }
        }
        return planned
    }

    /// The axis width the Timeline pane has for a state, nil when the pane is not on screen or too small.
    static func axisWidth(_ state: AppState) -> Int? {
        let layout = Layout.compute(width: state.width, height: state.height, focus: state.focus)
        guard let rect = layout.panes[.timeline], rect.width >= 2, rect.height >= 2 else { return nil }
        let inner = rect.inset(by: 1)
        let axis = inner.width - labelWidth(state)
        return inner.height >= 2 && axis >= 12 ? axis : nil
    }

    public static func draw(_ buffer: inout FrameBuffer, _ rect: Rect, state: AppState, style: RenderStyle, focused: Bool) {
        let zone = state.viewerZone
        let t = state.displayTime
        let d = day(containing: t, zone: zone)
        let hours = Int((d.length / 3600).rounded())
        let subtitle = "\(TimeText.day(d.date)) \(style.glyphs.dot) \(zone.identifier)" + (hours != 24 ? " \(style.glyphs.dot) \(hours)h day" : "")
        let inner = PaneFrame.draw(&buffer, rect, pane: .timeline, focused: focused, style: style, subtitle: subtitle)
        let theme = style.theme
        let g = style.glyphs
        let members = state.snapshot.members
        let labelWidth = labelWidth(state)
        let axisWidth = inner.width - labelWidth
        guard inner.height >= 2, axisWidth >= 12 else { return }
        let axisX = inner.x + labelWidth
        let cell = d.length / Double(axisWidth)
        func instant(_ i: Int) -> Date { d.start.addingTimeInterval((Double(i) + 0.5) * cell) }
        let nowColumn = Int((t.timeIntervalSince(d.start) / cell).rounded(.down))

        // Axis: hour labels every `step` hours of elapsed time, at the column where the hour starts.
        let perHour = Double(axisWidth) / (d.length / 3600)
        let step = [1, 2, 3, 4, 6, 12].first { perHour * Double($0) >= 3 } ?? 12
        var labelEnd = axisX
        for h in stride(from: 0, to: hours, by: step) {
            let x = axisX + Int((Double(h) * 3600 / cell).rounded(.down))
            guard x >= labelEnd, x + 2 <= inner.maxX, !(x...(x + 1)).contains(axisX + nowColumn) else { continue }
            let hour = zone.local(d.start.addingTimeInterval(Double(h) * 3600)).hour
            buffer.put(hour < 10 ? "0\(hour)" : "\(hour)", x: x, y: inner.y, style: theme.style(.muted))
            labelEnd = x + 3
        }
        if (0..<axisWidth).contains(nowColumn) {
            buffer.put(g.nowMarker, x: axisX + nowColumn, y: inner.y, style: theme.style(.now))
        }
        buffer.put(DisplayWidth.pad(TimeText.clock(zone.local(t)), toWidth: labelWidth), x: inner.x, y: inner.y, style: theme.style(.now), maxWidth: labelWidth)

        // Member rows, then the overlap row at the bottom.
        let rowsRoom = inner.height - 2
        let first = ClocksView.scrollStart(selected: state.timelineRow, count: members.count, visible: max(0, rowsRoom))
        let window = InstantInterval(start: d.start, end: d.start.addingTimeInterval(d.length))
        let days = state.timelineDays(window: window)
        let planned = state.timelinePlanned(start: d.start, length: d.length, axisWidth: axisWidth)
        let singleWidth = [g.offBar, g.bar, g.gap].allSatisfy { $0.count == 1 && DisplayWidth.of($0) == 1 }
        let nowStyle = theme.style(.now)
        let timeOffStyle = theme.block(.timeOff), workingStyle = theme.block(.working), offHoursStyle = theme.block(.offHours)
        for (row, member) in members.enumerated().dropFirst(first).prefix(max(0, rowsRoom)) {
            let y = inner.y + 1 + row - first
            let selected = focused && row == state.timelineRow
            buffer.putField(member.name, x: inner.x, y: y, width: labelWidth - 1,
                            style: selected ? theme.selected : theme.style(member.id == state.me ? .accent : .text), ellipsis: g.ellipsis)
            // Cells of one glyph and style are put as one run (when every glyph is one column wide).
            var runGlyph = "", runStart = 0, runLength = 0, runStyle: Style? = nil
            for i in 0..<axisWidth {
                let at = instant(i)
                let glyph: String
                let blockStyle: Style
                if days[row].onTimeOff(at) {
                    (glyph, blockStyle) = (g.offBar, timeOffStyle)
                } else if days[row].inHours(at) {
                    (glyph, blockStyle) = (g.bar, workingStyle)
                } else {
                    (glyph, blockStyle) = (g.gap, offHoursStyle)
                }
                let cellStyle = i == nowColumn ? nowStyle : blockStyle
                if singleWidth, cellStyle == runStyle, glyph == runGlyph {
                    runLength += 1
                    continue
                }
                if let runStyle { putRun(&buffer, runGlyph, count: runLength, x: axisX + runStart, y: y, style: runStyle, singleWidth: singleWidth) }
                (runGlyph, runStart, runLength, runStyle) = (glyph, i, 1, cellStyle)
            }
            if let runStyle { putRun(&buffer, runGlyph, count: runLength, x: axisX + runStart, y: y, style: runStyle, singleWidth: singleWidth) }
        }
        let overlapY = inner.maxY - 1
        buffer.putField("overlap", x: inner.x, y: overlapY, width: labelWidth - 1, style: theme.style(.overlap), ellipsis: g.ellipsis)
        // Cells of one style are put as one run when every cell is one single-column character.
        let overlapSingle = g.overlapBar.count == 1 && DisplayWidth.of(g.overlapBar) == 1
        let overlapStyle = theme.style(.overlap), mutedStyle = theme.style(.muted)
        var run = "", runStart = 0, runStyle: Style? = nil
        for i in 0..<axisWidth {
            let all = !members.isEmpty && planned[i] == members.count
            let text = all ? g.overlapBar : planned[i] == 0 ? " " : planned[i] < 10 ? "\(planned[i])" : "+"
            let cellStyle = i == nowColumn ? nowStyle : all ? overlapStyle : mutedStyle
            if overlapSingle, cellStyle == runStyle {
                run += text
                continue
            }
            if let runStyle { buffer.put(run, x: axisX + runStart, y: overlapY, style: runStyle) }
            (run, runStart, runStyle) = (text, i, cellStyle)
        }
        if let runStyle { buffer.put(run, x: axisX + runStart, y: overlapY, style: runStyle) }
    }

    /// `count` copies of a glyph from (x, y): filled cell by cell when it is one single-column
    /// character (what putting the repeated text would write), else put as text.
    static func putRun(_ buffer: inout FrameBuffer, _ glyph: String, count: Int, x: Int, y: Int, style: Style, singleWidth: Bool) {
        if singleWidth, let c = glyph.first {
            buffer.fill(Rect(x: x, y: y, width: count, height: 1), style: style, char: c)
        } else {
            buffer.put(String(repeating: glyph, count: count), x: x, y: y, style: style)
        }
    }
}
