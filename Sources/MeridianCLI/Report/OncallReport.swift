import MeridianKit

/// The `oncall` section: per rotation now, next and gaps.
enum OncallReport {
    static func build(_ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> JSONNode {
        .array(snapshot.rotations.map { r in
            .object([("rotation", .string(r.id)), ("name", .string(r.name)), ("timezone", .string(r.zone.identifier)),
                     ("now", .null), ("next", .null), ("gaps", .array([]))])
        })
    }
}
