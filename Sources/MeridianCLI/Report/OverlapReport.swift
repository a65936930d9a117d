import MeridianKit

/// The `overlap` section for a date in the viewer's zone (SPEC §2): segments tiling the day and
/// the intervals in which every selected member is in.
enum OverlapReport {
    static func build(_ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> JSONNode {
        let date = request.overlapDate ?? request.viewerZone.date(at: request.now)
        let day = Overlap.compute(snapshot: snapshot, date: date, zone: request.viewerZone, members: request.overlapMembers)
        return .object([
            ("date", .string(date.description)), ("timezone", .string(request.viewerZone.identifier)),
            ("segments", .array(day.segments.map { s in
                TimeJSON.interval(s.interval, [("members", .array(s.members.map { .string($0) }))])
            })),
            ("all", .array(day.all.map { TimeJSON.interval($0) })),
        ])
    }
}
