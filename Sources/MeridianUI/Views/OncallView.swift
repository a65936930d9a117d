import Foundation
import MeridianKit
import MeridianTerminal

/// On-call: per rotation, who is on call now (an override marked), until when in my time and
/// theirs with a countdown, who is next, the gaps of the coming week, and a warning when the person
/// on call is outside their working hours.
public enum OncallView {
    public static func draw(_ buffer: inout FrameBuffer, _ rect: Rect, state: AppState, style: RenderStyle, focused: Bool) {
        let rotations = state.snapshot.rotations
        let inner = PaneFrame.draw(&buffer, rect, pane: .oncall, focused: focused, style: style, subtitle: "\(rotations.count) rotation\(rotations.count == 1 ? "" : "s")")
        guard inner.height > 0, inner.width > 4 else { return }
        let theme = style.theme
        let g = style.glyphs
        if rotations.isEmpty {
            buffer.putField("No rotations: add oncall/<name>.toml.", x: inner.x, y: inner.y, width: inner.width, style: theme.style(.muted), ellipsis: g.ellipsis)
            return
        }
        let t = state.displayTime
        let me = state.viewerZone
        var lines: [(rotation: Int, runs: [(String, Style)])] = []
        for (index, rotation) in rotations.enumerated() {
            let summary = OncallModel.summary(rotation, at: t, state.snapshot)
            var head: [(String, Style)] = [(rotation.name, theme.style(.title)), ("  \(rotation.zone.identifier) · \(rotation.shift)", theme.style(.muted))]
            if index == state.oncallRow && focused { head = head.map { ($0.0, theme.selected) } }
            lines.append((index, head))
            guard let summary else {
                lines.append((index, [("  on-call engine unavailable", theme.style(.muted))]))
                continue
            }
            if let now = summary.now {
                let person = state.snapshot.member(now.member)
                var runs: [(String, Style)] = [("  now  ", theme.style(.muted)), (person?.name ?? now.member, theme.style(.success).with(attrs: .bold))]
                if now.isOverride { runs.append((" \(g.override) override", theme.style(.accent))) }
                runs.append(("  until \(TimeText.dayClock(now.end, me))", theme.style(.text)))
                if let zone = person?.zone, zone.identifier != me.identifier {
                    runs.append((" (theirs \(TimeText.dayClock(now.end, zone)))", theme.style(.muted)))
                }
                runs.append(("  in \(TimeText.duration(now.end.timeIntervalSince(t)))", theme.style(.primary)))
                lines.append((index, runs))
                if let person, MemberQueries.availability(person, at: t, state.snapshot) != .working {
                    let a = MemberQueries.availability(person, at: t, state.snapshot)
                    lines.append((index, [("  \(g.warning) \(person.name) is \(a.word) now (\(TimeText.clock(person.zone.local(t))) their time)", theme.style(.warning))]))
                }
            } else {
                lines.append((index, [("  now  ", theme.style(.muted)), ("nobody on call", theme.style(.danger))]))
            }
            if let next = summary.next {
                let name = state.snapshot.member(next.member)?.name ?? next.member
                var runs: [(String, Style)] = [("  next ", theme.style(.muted)), (name, theme.style(.text))]
                if next.isOverride { runs.append((" \(g.override)", theme.style(.accent))) }
                runs.append(("  from \(TimeText.dayClock(next.start, me)) (in \(TimeText.duration(next.start.timeIntervalSince(t))))", theme.style(.muted)))
                lines.append((index, runs))
            }
            if summary.gaps.isEmpty {
                lines.append((index, [("  gaps none in the next 7 days", theme.style(.muted))]))
            } else {
                let shown = summary.gaps.prefix(3).map { "\(TimeText.dayClock($0.start, me))\(g.dash)\(TimeText.dayClock($0.end, me))" }
                let more = summary.gaps.count > 3 ? " +\(summary.gaps.count - 3)" : ""
                lines.append((index, [("  gaps ", theme.style(.muted)), (shown.joined(separator: ", ") + more, theme.style(.warning))]))
            }
        }
        // Scroll so that the selected rotation's block starts on screen.
        let firstLine = lines.firstIndex { $0.rotation == state.oncallRow } ?? 0
        let lastLine = lines.lastIndex { $0.rotation == state.oncallRow } ?? 0
        var start = 0
        if lastLine >= inner.height { start = min(firstLine, lastLine - inner.height + 1) }
        for (i, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            buffer.putRuns(line.runs, x: inner.x, y: inner.y + i, limit: inner.maxX, ellipsis: g.ellipsis)
        }
    }
}
