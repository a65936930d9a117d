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

    /// Streams the document section by section (`status --json`): nothing is built whole. The
    /// board's layout (its tasks sorted into columns) is worked out on another thread while the
    /// members and overlap sections are, so both cores share that work. Returns that layout's
    /// holder, for a caller about to exit to keep rather than spend time freeing every task in it.
    @discardableResult
    public static func write(_ snapshot: TeamSnapshot, _ request: Request, into stream: inout JSONStream) -> AnyObject {
        let layout = BackgroundValue { snapshot.board.layout }
        emit(snapshot, request, into: &stream) { layout.value }
        return layout
    }

    /// The document as a tree.
    public static func build(_ snapshot: TeamSnapshot, _ request: Request) -> JSONNode {
        JSONTreeBuilder.build { emit(snapshot, request, into: &$0) }
    }

    /// The one description of the document, for either emitter; `layout` hands over the board's
    /// layout when it was worked out ahead.
    static func emit<E: JSONEmitter>(_ snapshot: TeamSnapshot, _ request: Request, into e: inout E, layout: (() -> BoardLayout)? = nil) {
        e.object { e in
            e.field("schema", "meridian.status/1")
            e.field("now", Instant.format(request.now))
            e.object("viewer") { e in
                e.field("member", request.viewer)
                e.field("timezone", request.viewerZone.identifier)
            }
            e.object("team") { e in e.field("name", snapshot.settings.name) }
            // Both sections need every member's calendar (hours and time off laid out): made once.
            let calendars = Availability.calendars(of: snapshot)
            e.key("members")
            MembersReport.write(snapshot, request, calendars: calendars, into: &e)
            e.key("overlap")
            OverlapReport.write(snapshot, request, calendars: calendars, into: &e)
            e.key("board")
            BoardReport.write(snapshot, request, layout: layout?(), into: &e)
            e.key("oncall")
            OncallReport.write(snapshot, request, into: &e)
            e.array("problems") { e in
                for p in snapshot.problems {
                    e.object { e in
                        e.field("file", p.file)
                        e.field("line", p.line)
                        e.field("message", p.message)
                    }
                }
            }
        }
    }
}
