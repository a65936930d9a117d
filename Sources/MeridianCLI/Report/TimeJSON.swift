import Foundation
import MeridianKit

/// JSON pieces shared by the time sections: intervals, statuses, DST warnings.
enum TimeJSON {
    static func interval(_ i: InstantInterval, _ extra: [(String, JSONNode)] = []) -> JSONNode {
        .object([("start", .string(Instant.format(i.start))), ("end", .string(Instant.format(i.end)))] + extra)
    }

    /// `{text, kind, until}` (until: INSTANT or null).
    static func status(_ s: MemberStatus?) -> JSONNode {
        guard let s else { return .null }
        return .object([("text", .string(s.text)), ("kind", .string(s.kind.rawValue)),
                        ("until", .string(s.until.map(Instant.format)))])
    }

    /// `{at, offset_before, offset_after, viewer_offset_before, viewer_offset_after,
    /// difference_before, difference_after, message}`; differences are the member's clock minus
    /// the viewer's, written like offsets.
    static func dstChange(_ c: DSTChange?, now: Date) -> JSONNode {
        guard let c else { return .null }
        return .object([
            ("at", .string(Instant.format(c.at))),
            ("offset_before", .string(Zone.formatOffset(c.memberOffsetBefore))),
            ("offset_after", .string(Zone.formatOffset(c.memberOffsetAfter))),
            ("viewer_offset_before", .string(Zone.formatOffset(c.viewerOffsetBefore))),
            ("viewer_offset_after", .string(Zone.formatOffset(c.viewerOffsetAfter))),
            ("difference_before", .string(Zone.formatOffset(c.differenceBefore))),
            ("difference_after", .string(Zone.formatOffset(c.differenceAfter))),
            ("message", .string(c.message(now: now))),
        ])
    }
}
