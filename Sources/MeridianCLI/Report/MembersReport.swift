import MeridianKit

/// The `members` section: each member's local time, offset and availability at `now`.
enum MembersReport {
    static func build(_ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> JSONNode {
        .array(snapshot.members.map { m in
            let now = request.now
            return .object([
                ("id", .string(m.id)), ("name", .string(m.name)), ("timezone", .string(m.zone.identifier)),
                ("utc_offset", .string(Zone.formatOffset(m.zone.offset(at: now)))),
                ("local_time", .string(m.zone.isoLocal(now))),
            ])
        })
    }
}
