import Foundation
import MeridianKit

/// `oncall --ics`: the coming on-call slots as an RFC 5545 calendar. UIDs are derived from the team,
/// the rotation, the slot's start and its member, so a re-export updates events instead of adding
/// duplicates.
enum OncallCalendar {
    static func build(_ snapshot: TeamSnapshot, _ request: StatusReport.Request, weeks: Int, only: String?) -> String {
        let from = request.now
        let to = from.addingTimeInterval(Double(weeks) * 7 * 86400)
        let team = snapshot.settings.name
        var events: [ICalendarEvent] = []
        for r in snapshot.rotations where only == nil || r.id == only {
            let schedule = OncallSchedule(r, in: snapshot)
            for s in schedule.slots(overlapping: from, to) {
                let name = snapshot.member(s.member)?.name ?? s.member
                var description = "\(r.name) (\(r.id)), handoffs in \(r.zone.identifier).\nOn call: \(name) (\(s.member))."
                if let p = snapshot.member(s.member) {
                    description += "\nTheir time: \(p.zone.isoLocal(s.start)) to \(p.zone.isoLocal(s.end))."
                }
                if let e = s.overrideEvent { description += "\nOverride \(e)." }
                events.append(ICalendarEvent(
                    uid: uid(team: team, rotation: r.id, start: s.start, member: s.member),
                    start: s.start, end: s.end,
                    summary: "On call: \(name) — \(r.name)\(s.isOverride ? " (override)" : "")",
                    description: description, categories: ["On-call", r.name]))
            }
        }
        events.sort { ($0.start, $0.uid) < ($1.start, $1.uid) }
        return ICalendarWriter.calendar(name: "\(team) on-call", events: events, stamp: request.now)
    }

    /// `primary-20261102T080000Z-alice-3f2a9c1d@meridian`: stable for one slot across exports.
    static func uid(team: String, rotation: String, start: Date, member: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in team.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return "\(rotation)-\(ICalendarWriter.utc(start))-\(member)-\(String(format: "%08llx", h >> 32))@meridian"
    }
}
