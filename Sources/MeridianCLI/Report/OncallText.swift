import Foundation
import MeridianKit

/// The readable form of `meridian oncall`: per rotation who is on call, until when (my time and
/// theirs), the countdown, who is next, the gaps of the coming week, warnings and my next shift.
enum OncallText {
    static func render(_ glances: [OncallGlance], _ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> String {
        guard !glances.isEmpty else { return "No on-call rotations (add one as oncall/<rotation>.toml)." }
        let me = request.viewerZone
        var lines: [String] = []
        for (i, g) in glances.enumerated() {
            if i > 0 { lines.append("") }
            let r = g.rotation
            lines.append("\(Sanitize.line(r.name)) [\(r.id)] — handoffs in \(r.zone.identifier), shift \(r.shift)")
            if let cur = g.status.now {
                lines.append("  now:   \(who(cur, snapshot))")
                lines.append("         until \(both(cur.end, member: cur.member, snapshot, me)) — in \(TimeText.duration(cur.end.timeIntervalSince(request.now)))")
            } else {
                lines.append("  now:   nobody on call")
            }
            if let next = g.status.next {
                lines.append("  next:  \(who(next, snapshot))")
                lines.append("         from \(both(next.start, member: next.member, snapshot, me)) — in \(TimeText.duration(next.start.timeIntervalSince(request.now)))")
                lines.append("         until \(both(next.end, member: next.member, snapshot, me))")
            } else {
                lines.append("  next:  nobody in the coming 366 days")
            }
            if g.status.gaps.isEmpty {
                lines.append("  gaps:  none in the coming 7 days")
            } else {
                lines.append("  gaps (my time, coming 7 days):")
                for gap in g.status.gaps {
                    lines.append("         \(stamp(me, gap.start)) → \(stamp(me, gap.end)) (\(TimeText.duration(gap.end.timeIntervalSince(gap.start))))")
                }
            }
            for w in g.warnings { lines.append("  ! " + Sanitize.line(OncallReport.message(w, snapshot))) }
            if request.viewer != nil {
                if let mine = g.mine {
                    let label = mine.start <= request.now ? "my shift (now)" : "my next shift"
                    lines.append("  \(label): \(stamp(me, mine.start)) → \(stamp(me, mine.end))\(mine.isOverride ? " (override)" : "")")
                } else if r.members.contains(request.viewer!) {
                    lines.append("  my next shift: none in the coming 366 days")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func who(_ s: OncallSlot, _ snapshot: TeamSnapshot) -> String {
        let name = snapshot.member(s.member).map { " (\(Sanitize.line($0.name)))" } ?? ""
        let src = s.overrideEvent.map { " — override \($0)" } ?? ""
        return "\(s.member)\(name)\(src)"
    }

    /// "Mon 2026-11-09 09:00 +01:00 my time · 13:30 +05:30 alice's time".
    static func both(_ t: Date, member: String, _ snapshot: TeamSnapshot, _ me: Zone) -> String {
        var text = "\(stamp(me, t)) my time"
        if let p = snapshot.member(member), p.zone.offset(at: t) != me.offset(at: t) || p.zone.identifier != me.identifier {
            let sameDay = p.zone.date(at: t) == me.date(at: t)
            let theirs = sameDay ? "\(TimeText.clock(t, p.zone)) \(Zone.formatOffset(p.zone.offset(at: t)))" : stamp(p.zone, t)
            text += " · \(theirs) \(member)'s time"
        }
        return text
    }

    /// "Mon 2026-11-09 09:00 +01:00" in `zone`.
    static func stamp(_ zone: Zone, _ t: Date) -> String {
        let l = zone.local(t)
        return "\(TimeText.weekday(l.date)) \(l.date) \(TimeText.clock(l)) \(Zone.formatOffset(zone.offset(at: t)))"
    }
}
