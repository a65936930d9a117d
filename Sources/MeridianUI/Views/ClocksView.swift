import Foundation
import MeridianKit
import MeridianTerminal

/// Clocks: a row per member — day/night cue, name, local time, UTC offset, availability glyph and
/// word, status with the time it has left, and a hint when their offset changes within a week.
public enum ClocksView {
    public static func draw(_ buffer: inout FrameBuffer, _ rect: Rect, state: AppState, style: RenderStyle, focused: Bool) {
        let inner = PaneFrame.draw(&buffer, rect, pane: .clocks, focused: focused, style: style, subtitle: "\(state.snapshot.members.count) people")
        guard inner.height > 0, inner.width > 0 else { return }
        let members = state.snapshot.members
        let theme = style.theme
        let g = style.glyphs
        if members.isEmpty {
            buffer.putField("No members yet: `meridian join` adds you.", x: inner.x, y: inner.y, width: inner.width, style: theme.style(.muted), ellipsis: g.ellipsis)
            return
        }
        let t = state.displayTime
        let nameWidth = min(max(8, state.widestMemberName), max(8, inner.width / 4), 22)
        let viewer = state.viewerZone
        let showWeekday = inner.width >= nameWidth + 40
        let rowsRoom = inner.height - 1
        buffer.putRuns([(DisplayWidth.pad("  " + "member", toWidth: nameWidth + 3) + (showWeekday ? "local     " : "local ") + "offset  now        status", theme.style(.muted))],
                       x: inner.x, y: inner.y, limit: inner.maxX, ellipsis: g.ellipsis)
        guard rowsRoom > 0 else { return }
        let first = scrollStart(selected: state.clocksRow, count: members.count, visible: rowsRoom)
        for (i, member) in members.enumerated().dropFirst(first).prefix(rowsRoom) {
            let y = inner.y + 1 + i - first
            let row = state.clocksRow(i, viewerZone: viewer)
            let info = row.info
            let local = info.localTime
            let isDay = local.hour >= 7 && local.hour < 19
            let availability = Availability(info.availability)
            let (glyph, role) = Self.look(availability, g)
            let offset = row.offset
            let time = showWeekday ? "\(row.weekday) \(row.clock)" : row.clock
            var runs: [(String, Style)] = [
                ((isDay ? g.day : g.night) + " ", theme.style(isDay ? .warning : .primary)),
                (DisplayWidth.pad(member.name, toWidth: nameWidth, ellipsis: g.ellipsis) + " ", theme.style(member.id == state.me ? .accent : .text)),
                (time + " ", theme.style(.text)),
                (offset + " ", theme.style(.muted)),
                (glyph + " " + DisplayWidth.pad(availability.word, toWidth: 9) + " ", theme.style(role)),
            ]
            if let status = info.status {
                var text = "\(status.kind.rawValue): \(status.text)"
                if let until = status.until { text += " (\(TimeText.duration(until.timeIntervalSince(t))) left)" }
                runs.append((text + " ", theme.style(status.kind == .focus || status.kind == .online ? .primary : .away)))
            }
            if let change = info.dstChange {
                runs.append(("\(g.warning) \(Self.dstHint(change, g)) ", theme.style(.warning)))
            }
            if let next = info.nextChange, let nextText = row.nextChange, next.timeIntervalSince(t) < 36 * 3600 {
                runs.append(("\(g.arrow) \(nextText)", theme.style(.muted)))
            }
            let selected = focused && i == state.clocksRow
            if selected { runs = runs.map { ($0.0, theme.selected) } }
            let end = buffer.putRuns(runs, x: inner.x, y: y, limit: inner.maxX, ellipsis: g.ellipsis)
            if selected, end < inner.maxX { buffer.fill(Rect(x: end, y: y, width: inner.maxX - end, height: 1), style: theme.selected) }
        }
    }

    /// "DST Sun 29 Mar: +1h → +2h vs you": the member's clock relative to the viewer's, before and after.
    static func dstHint(_ c: DSTChange, _ g: Glyphs) -> String {
        func rel(_ s: Int) -> String {
            let m = abs(s) / 60
            let text = m % 60 == 0 ? "\(m / 60)h" : String(format: "%d:%02dh", m / 60, m % 60)
            return (s < 0 ? "-" : "+") + text
        }
        let local = c.viewerZone.local(c.at)
        return "DST \(TimeText.weekday(local.date)) \(local.date.day) \(TimeText.months[local.date.month - 1]): \(rel(c.differenceBefore)) \(g.arrow) \(rel(c.differenceAfter)) vs you"
    }

    /// The glyph and colour of an availability.
    static func look(_ a: Availability, _ g: Glyphs) -> (String, ThemeRole) {
        switch a {
        case .working: return (g.working, .working)
        case .offHours: return (g.offHours, .muted)
        case .away: return (g.away, .away)
        case .timeOff: return (g.timeOff, .timeOff)
        }
    }

    /// The member rows the Clocks pane shows for a state (none when the pane is not on screen).
    static func visibleRows(_ state: AppState) -> Range<Int> {
        let layout = Layout.compute(width: state.width, height: state.height, focus: state.focus)
        guard let rect = layout.panes[.clocks] else { return 0..<0 }
        let inner = rect.inset(by: 1)
        let rowsRoom = inner.height - 1
        let count = state.snapshot.members.count
        guard rowsRoom > 0, inner.width > 0, count > 0 else { return 0..<0 }
        let first = scrollStart(selected: state.clocksRow, count: count, visible: rowsRoom)
        return first..<min(count, first + rowsRoom)
    }

    /// The first row to show so that `selected` is visible.
    static func scrollStart(selected: Int, count: Int, visible: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        return max(0, min(selected - visible + 1, count - visible))
    }
}
