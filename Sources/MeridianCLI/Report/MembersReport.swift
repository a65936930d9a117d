import MeridianKit

/// The `members` section: each member's local time, offset, availability, status, next change
/// and coming DST change relative to the viewer, at `now`.
enum MembersReport {
    static func write<E: JSONEmitter>(_ snapshot: TeamSnapshot, _ request: StatusReport.Request, calendars: [MemberCalendar]? = nil, into e: inout E) {
        let now = request.now
        e.array { e in
            for a in Availability.all(snapshot: snapshot, at: now, viewerZone: request.viewerZone, calendars: calendars) {
                let m = a.member
                e.object { e in
                    e.field("id", m.id)
                    e.field("name", m.name)
                    e.field("timezone", m.zone.identifier)
                    e.field("utc_offset", Zone.formatOffset(a.utcOffset))
                    e.field("local_time", m.zone.isoLocal(now))
                    e.field("availability", a.availability.rawValue)
                    e.key("status")
                    TimeJSON.status(a.status, into: &e)
                    e.field("next_change", a.nextChange.map(Instant.format))
                    e.field("handle", m.handle)
                    e.field("status_since", a.status.map { Instant.format($0.since) })
                    e.key("dst_change")
                    TimeJSON.dstChange(a.dstChange, now: now, into: &e)
                }
            }
        }
    }
}
