import MeridianKit

/// The `members` section: each member's local time, offset, availability, status, next change
/// and coming DST change relative to the viewer, at `now`.
enum MembersReport {
    static func build(_ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> JSONNode {
        let now = request.now
        return .array(Availability.all(snapshot: snapshot, at: now, viewerZone: request.viewerZone).map { a in
            let m = a.member
            return .object([
                ("id", .string(m.id)), ("name", .string(m.name)), ("timezone", .string(m.zone.identifier)),
                ("utc_offset", .string(Zone.formatOffset(a.utcOffset))),
                ("local_time", .string(m.zone.isoLocal(now))),
                ("availability", .string(a.availability.rawValue)),
                ("status", TimeJSON.status(a.status)),
                ("next_change", .string(a.nextChange.map(Instant.format))),
                ("handle", .string(m.handle)),
                ("status_since", .string(a.status.map { Instant.format($0.since) })),
                ("dst_change", TimeJSON.dstChange(a.dstChange, now: now)),
            ])
        })
    }
}
