import MeridianKit

/// The `overlap` section for a date in the viewer's zone.
enum OverlapReport {
    static func build(_ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> JSONNode {
        let date = request.overlapDate ?? request.viewerZone.date(at: request.now)
        return .object([
            ("date", .string(date.description)), ("timezone", .string(request.viewerZone.identifier)),
            ("segments", .array([])), ("all", .array([])),
        ])
    }
}
