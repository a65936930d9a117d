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

    static func build(_ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> JSONNode {
        .array(glances(snapshot, request).map { rotation($0, snapshot, request) })
    }

    static func rotation(_ g: OncallGlance, _ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> JSONNode {
        let r = g.rotation
        return .object([
            ("rotation", .string(r.id)), ("name", .string(r.name)), ("timezone", .string(r.zone.identifier)),
            ("now", g.status.now.map { slot($0, snapshot) } ?? .null),
            ("next", g.status.next.map { slot($0, snapshot) } ?? .null),
            ("gaps", .array(g.status.gaps.map { .object([("start", .string(Instant.format($0.start))), ("end", .string(Instant.format($0.end)))]) })),
            ("handoff", g.handoff.map { handoff($0, snapshot, request) } ?? .null),
            ("warnings", .array(g.warnings.map { warning($0, snapshot) })),
            ("my_next_shift", g.mine.map { mine($0, request) } ?? .null),
        ])
    }

    /// SPEC's {member, start, end, override}, then the member's name and the override's event id.
    static func slot(_ s: OncallSlot, _ snapshot: TeamSnapshot) -> JSONNode {
        .object([
            ("member", .string(s.member)), ("start", .string(Instant.format(s.start))), ("end", .string(Instant.format(s.end))),
            ("override", .bool(s.isOverride)),
            ("member_name", .string(snapshot.member(s.member)?.name)),
            ("override_event", .string(s.overrideEvent)),
        ])
    }

    static func handoff(_ h: OncallHandoff, _ snapshot: TeamSnapshot, _ request: StatusReport.Request) -> JSONNode {
        func side(_ member: String?) -> JSONNode {
            guard let member else { return .null }
            return .object([("member", .string(member)), ("local", .string(snapshot.member(member)?.zone.isoLocal(h.at)))])
        }
        return .object([
            ("at", .string(Instant.format(h.at))),
            ("countdown_seconds", .int(Int(h.at.timeIntervalSince(request.now).rounded(.down)))),
            ("viewer_local", .string(request.viewerZone.isoLocal(h.at))),
            ("from", side(h.from)), ("to", side(h.to)),
        ])
    }

    static func warning(_ w: OncallWarning, _ snapshot: TeamSnapshot) -> JSONNode {
        .object([
            ("member", .string(w.member)), ("when", .string(w.when.rawValue)), ("at", .string(Instant.format(w.at))),
            ("reason", .string(w.concern.rawValue)), ("message", .string(message(w, snapshot))),
        ])
    }

    static func mine(_ s: OncallSlot, _ request: StatusReport.Request) -> JSONNode {
        .object([
            ("start", .string(Instant.format(s.start))), ("end", .string(Instant.format(s.end))), ("override", .bool(s.isOverride)),
            ("start_local", .string(request.viewerZone.isoLocal(s.start))), ("end_local", .string(request.viewerZone.isoLocal(s.end))),
        ])
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
