import Foundation
import MeridianKit

/// The `meridian.status/1` document (SPEC §3), assembled from one section builder per pane.
public enum StatusReport {
    /// What the caller asked for: the overlap date and members (nil: today / everyone).
    public struct Request {
        public var now: Date
        public var viewer: String?
        public var viewerZone: Zone
        public var overlapDate: LocalDate?
        public var overlapMembers: [String]?

        public init(now: Date, viewer: String?, viewerZone: Zone, overlapDate: LocalDate? = nil, overlapMembers: [String]? = nil) {
            self.now = now
            self.viewer = viewer
            self.viewerZone = viewerZone
            self.overlapDate = overlapDate
            self.overlapMembers = overlapMembers
        }
    }

    public static func build(_ snapshot: TeamSnapshot, _ request: Request) -> JSONNode {
        .object([
            ("schema", .string("meridian.status/1")),
            ("now", .string(Instant.format(request.now))),
            ("viewer", .object([("member", .string(request.viewer)), ("timezone", .string(request.viewerZone.identifier))])),
            ("team", .object([("name", .string(snapshot.settings.name))])),
            ("members", MembersReport.build(snapshot, request)),
            ("overlap", OverlapReport.build(snapshot, request)),
            ("board", BoardReport.build(snapshot, request)),
            ("oncall", OncallReport.build(snapshot, request)),
            ("problems", .array(snapshot.problems.map { p in
                .object([("file", .string(p.file)), ("line", p.line.map { .int($0) } ?? .null), ("message", .string(p.message))])
            })),
        ])
    }
}
