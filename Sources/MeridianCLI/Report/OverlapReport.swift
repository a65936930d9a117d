import MeridianKit

/// The `overlap` section for a date in the viewer's zone (SPEC §2): segments tiling the day and
/// the intervals in which every selected member is in.
enum OverlapReport {
    static func write<E: JSONEmitter>(_ snapshot: TeamSnapshot, _ request: StatusReport.Request, calendars: [MemberCalendar]? = nil, into e: inout E) {
        let date = request.overlapDate ?? request.viewerZone.date(at: request.now)
        let day = Overlap.compute(snapshot: snapshot, date: date, zone: request.viewerZone, members: request.overlapMembers, calendars: calendars)
        e.object { e in
            e.field("date", date.description)
            e.field("timezone", request.viewerZone.identifier)
            e.array("segments") { e in
                for s in day.segments {
                    TimeJSON.interval(s.interval, into: &e) { e in e.field("members", strings: s.members) }
                }
            }
            e.array("all") { e in
                for i in day.all { TimeJSON.interval(i, into: &e) }
            }
        }
    }

    /// The section as a tree (`overlap --json`).
    static func build(_ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> JSONNode {
        JSONTreeBuilder.build { write(snapshot, request, into: &$0) }
    }
}
