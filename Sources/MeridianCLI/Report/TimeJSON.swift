import Foundation
import MeridianKit

/// JSON pieces shared by the time sections: intervals, statuses, DST warnings.
enum TimeJSON {
    /// `{start, end}`, then whatever members `extra` adds.
    static func interval<E: JSONEmitter>(_ i: InstantInterval, into e: inout E, extra: (inout E) -> Void = { _ in }) {
        e.object { e in
            e.field("start", Instant.format(i.start))
            e.field("end", Instant.format(i.end))
            extra(&e)
        }
    }

    /// `{start, end}` and `extra` as a tree (`slots --json`).
    static func interval(_ i: InstantInterval, _ extra: [(String, JSONNode)] = []) -> JSONNode {
        JSONTreeBuilder.build { e in
            interval(i, into: &e) { e in
                for (name, value) in extra {
                    e.key(name)
                    e.node(value)
                }
            }
        }
    }

    /// `{text, kind, until}` (until: INSTANT or null), or null.
    static func status<E: JSONEmitter>(_ s: MemberStatus?, into e: inout E) {
        guard let s else { return e.null() }
        e.object { e in
            e.field("text", s.text)
            e.field("kind", s.kind.rawValue)
            e.field("until", s.until.map(Instant.format))
        }
    }

    /// `{at, offset_before, offset_after, viewer_offset_before, viewer_offset_after,
    /// difference_before, difference_after, message}`, or null; differences are the member's clock
    /// minus the viewer's, written like offsets.
    static func dstChange<E: JSONEmitter>(_ c: DSTChange?, now: Date, into e: inout E) {
        guard let c else { return e.null() }
        e.object { e in
            e.field("at", Instant.format(c.at))
            e.field("offset_before", Zone.formatOffset(c.memberOffsetBefore))
            e.field("offset_after", Zone.formatOffset(c.memberOffsetAfter))
            e.field("viewer_offset_before", Zone.formatOffset(c.viewerOffsetBefore))
            e.field("viewer_offset_after", Zone.formatOffset(c.viewerOffsetAfter))
            e.field("difference_before", Zone.formatOffset(c.differenceBefore))
            e.field("difference_after", Zone.formatOffset(c.differenceAfter))
            e.field("message", c.message(now: now))
        }
    }
}
