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
        let glances = state.oncallGlances
        for (index, rotation) in rotations.enumerated() {
            let glance = glances[index]
            let summary = glance.status
            var head: [(String, Style)] = [(rotation.name, theme.style(.title)), ("  \(rotation.zone.identifier) \(style.glyphs.dot) \(rotation.shift)", theme.style(.muted))]
            if index == state.oncallRow && focused { head = head.map { ($0.0, theme.selected) } }
            lines.append((index, head))
            func name(_ id: String) -> String { state.snapshot.member(id)?.name ?? id }
            if let now = summary.now {
                let person = state.snapshot.member(now.member)
                var runs: [(String, Style)] = [("  now  ", theme.style(.muted)), (name(now.member), theme.style(.success).with(attrs: .bold))]
                if now.isOverride { runs.append((" \(g.override) override", theme.style(.accent))) }
                runs.append(("  until \(TimeText.dayClock(now.end, me))", theme.style(.text)))
                if let zone = person?.zone, zone.identifier != me.identifier {
                    runs.append((" (theirs \(TimeText.dayClock(now.end, zone)))", theme.style(.muted)))
                }
                runs.append(("  in \(TimeText.duration(now.end.timeIntervalSince(t)))", theme.style(.primary)))
                lines.append((index, runs))
            } else {
                lines.append((index, [("  now  ", theme.style(.muted)), ("nobody on call", theme.style(.danger))]))
            }
            if let next = summary.next {
                var runs: [(String, Style)] = [("  next ", theme.style(.muted)), (name(next.member), theme.style(.text))]
                if next.isOverride { runs.append((" \(g.override) override", theme.style(.accent))) }
                runs.append(("  from \(TimeText.dayClock(next.start, me)) (in \(TimeText.duration(next.start.timeIntervalSince(t))))", theme.style(.muted)))
                lines.append((index, runs))
            } else {
                lines.append((index, [("  next ", theme.style(.muted)), ("nobody within a year", theme.style(.muted))]))
            }
            if summary.gaps.isEmpty {
                lines.append((index, [("  gaps none in the next 7 days", theme.style(.muted))]))
            } else {
                let shown = summary.gaps.prefix(3).map { TimeText.span($0.start, $0.end, me, dash: g.dash) }
                let more = summary.gaps.count > 3 ? " +\(summary.gaps.count - 3) more" : ""
                lines.append((index, [("  gaps ", theme.style(.muted)), (shown.joined(separator: ", ") + more, theme.style(.warning))]))
            }
            for warning in glance.warnings {
                lines.append((index, [("  \(g.warning) " + warningText(warning, name: name(warning.member), state: state), theme.style(.warning))]))
            }
            if let mine = glance.mine, mine != summary.now {
                lines.append((index, [("  you  next on call \(TimeText.span(mine.start, mine.end, me, dash: g.dash))", theme.style(.accent))]))
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

    /// "Bob is off hours now (03:10 their time)" / "at the handoff Thu 09:00 Chen is on time off".
    static func warningText(_ w: OncallWarning, name: String, state: AppState) -> String {
        let what: String
        switch w.concern {
        case .offHours: what = "off hours"
        case .timeOff: what = "on time off"
        case .unknownMember: what = "not a member of the team (no members/ file)"
        }
        switch w.when {
        case .now:
            let local = state.snapshot.member(w.member).map { " (\(TimeText.clock($0.zone.local(w.at))) their time)" } ?? ""
            return "\(name) is \(what) now\(local)"
        case .handoff:
            return "at the handoff \(TimeText.dayClock(w.at, state.viewerZone)) \(name) is \(what)"
        }
    }
}
