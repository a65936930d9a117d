import Foundation
import MeridianKit

/// The `oncall` section of `status --json` (and `oncall --json`): per rotation SPEC's now, next and
/// gaps, plus what a glance needs — the coming handoff in my time and the on-call people's, a
/// countdown, warnings about people on call outside their hours or on time off, and my next shift.
enum OncallReport {
    /// One glance per rotation (optionally only `only`), in rotation id order.
    static func glances(_ snapshot: TeamSnapshot, _ request: StatusReport.Request, only: String? = nil) -> [OncallGlance] {
        snapshot.rotations.filter { only == nil || $0.id == only }.map {
            OncallGlance($0, in: snapshot, now: request.now, viewer: request.viewer)
        }
    }

    static func write<E: JSONEmitter>(_ snapshot: TeamSnapshot, _ request: StatusReport.Request, into e: inout E) {
        e.array { e in
            for g in glances(snapshot, request) { rotation(g, snapshot, request, into: &e) }
        }
    }

    static func rotation<E: JSONEmitter>(_ g: OncallGlance, _ snapshot: TeamSnapshot, _ request: StatusReport.Request, into e: inout E) {
        let r = g.rotation
        e.object { e in
            e.field("rotation", r.id)
            e.field("name", r.name)
            e.field("timezone", r.zone.identifier)
            e.key("now")
            slot(g.status.now, snapshot, into: &e)
            e.key("next")
            slot(g.status.next, snapshot, into: &e)
            e.array("gaps") { e in
                for gap in g.status.gaps {
                    e.object { e in
                        e.field("start", Instant.format(gap.start))
                        e.field("end", Instant.format(gap.end))
                    }
                }
            }
            e.key("handoff")
            handoff(g.handoff, snapshot, request, into: &e)
            e.array("warnings") { e in
                for w in g.warnings { warning(w, snapshot, into: &e) }
            }
            e.key("my_next_shift")
            mine(g.mine, request, into: &e)
        }
    }

    /// One rotation as a tree (`oncall --json`).
    static func rotation(_ g: OncallGlance, _ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> JSONNode {
        JSONTreeBuilder.build { rotation(g, snapshot, request, into: &$0) }
    }

    /// SPEC's {member, start, end, override}, then the member's name and the override's event id; or null.
    static func slot<E: JSONEmitter>(_ s: OncallSlot?, _ snapshot: TeamSnapshot, into e: inout E) {
        guard let s else { return e.null() }
        e.object { e in
            e.field("member", s.member)
            e.field("start", Instant.format(s.start))
            e.field("end", Instant.format(s.end))
            e.field("override", s.isOverride)
            e.field("member_name", snapshot.member(s.member)?.name)
            e.field("override_event", s.overrideEvent)
        }
    }

    static func handoff<E: JSONEmitter>(_ h: OncallHandoff?, _ snapshot: TeamSnapshot, _ request: StatusReport.Request, into e: inout E) {
        guard let h else { return e.null() }
        func side(_ member: String?, into e: inout E) {
            guard let member else { return e.null() }
            e.object { e in
                e.field("member", member)
                e.field("local", snapshot.member(member)?.zone.isoLocal(h.at))
            }
        }
        e.object { e in
            e.field("at", Instant.format(h.at))
            e.field("countdown_seconds", Int(h.at.timeIntervalSince(request.now).rounded(.down)))
            e.field("viewer_local", request.viewerZone.isoLocal(h.at))
            e.key("from")
            side(h.from, into: &e)
            e.key("to")
            side(h.to, into: &e)
        }
    }

    static func warning<E: JSONEmitter>(_ w: OncallWarning, _ snapshot: TeamSnapshot, into e: inout E) {
        e.object { e in
            e.field("member", w.member)
            e.field("when", w.when.rawValue)
            e.field("at", Instant.format(w.at))
            e.field("reason", w.concern.rawValue)
            e.field("message", message(w, snapshot))
        }
    }

    static func mine<E: JSONEmitter>(_ s: OncallSlot?, _ request: StatusReport.Request, into e: inout E) {
        guard let s else { return e.null() }
        e.object { e in
            e.field("start", Instant.format(s.start))
            e.field("end", Instant.format(s.end))
            e.field("override", s.isOverride)
            e.field("start_local", request.viewerZone.isoLocal(s.start))
            e.field("end_local", request.viewerZone.isoLocal(s.end))
        }
    }

    /// One plain sentence, e.g. "bob will be outside their working hours at the handoff (03:00 in America/New_York)".
    static func message(_ w: OncallWarning, _ snapshot: TeamSnapshot) -> String {
        let profile = snapshot.member(w.member)
        let whenText = w.when == .now ? "now" : "at the handoff"
        let verb = w.when == .now ? "is" : "will be"
        let local = profile.map { p in " (\(TimeText.clock(w.at, p.zone)) in \(p.zone.identifier))" } ?? ""
        switch w.concern {
        case .offHours: return "\(w.member) \(verb) outside their working hours \(whenText)\(local)"
        case .timeOff: return "\(w.member) \(verb) on time off \(whenText)\(local)"
        case .unknownMember: return "\(w.member) is on call \(whenText) but has no file in members/"
        }
    }
}
