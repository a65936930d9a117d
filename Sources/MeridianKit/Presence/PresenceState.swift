import Foundation

/// A status a member set: it holds from `since` until `until` or their next status event.
public struct MemberStatus: Hashable, Sendable {
    public var text: String
    public var kind: StatusKind
    public var since: Date
    public var until: Date?
    /// The id of the `status.set` event (kept packed; the text is made when asked for).
    public var event: String {
        get { eventKey.string }
        set { eventKey = EventKey(newValue) }
    }
    var eventKey: EventKey

    init(text: String, kind: StatusKind, since: Date, until: Date?, event: EventKey) {
        self.text = text
        self.kind = kind
        self.since = since
        self.until = until
        eventKey = event
    }
}

/// A member's time off: inclusive dates in their zone, or an instant range.
public struct TimeOff: Hashable, Sendable {
    public var member: String
    public var span: TimeSpan
    public var note: String?
    public var event: String
}

/// Statuses and time off folded from the journals, per member.
public struct PresenceState: Sendable {
    /// Each member's status events in merge order; `nil` entries are `status.clear`.
    public private(set) var statusHistory: [String: [(at: Date, status: MemberStatus?)]] = [:]
    private var timeOffAdds: [String: TimeOff] = [:]
    private var timeOffOrder: [String] = []
    /// Each member's `timeoff.add` ids in event order, so one member's time off is found without
    /// looking at everyone's.
    private var timeOffByMember: [String: [String]] = [:]
    private var cancelled: Set<String> = []

    public init() {}

    /// Applies a status or time-off event (in merge order) read from `log`.
    mutating func apply(_ r: EventRecord, in log: EventLogView, strings: inout FoldStrings) {
        switch r.op {
        case .statusSet:
            let d = log.statuses[Int(r.detail)]
            let status = MemberStatus(text: log.string(d.text), kind: d.kind, since: r.at, until: d.until, event: log.idKey(r))
            statusHistory[strings.by(r, in: log), default: []].append((r.at, status))
        case .statusClear:
            statusHistory[strings.by(r, in: log), default: []].append((r.at, nil))
        case .timeoffAdd:
            let d = log.timeOffs[Int(r.detail)]
            let id = log.idString(r), by = strings.by(r, in: log)
            timeOffAdds[id] = TimeOff(member: by, span: d.span, note: log.optionalString(d.note), event: id)
            timeOffOrder.append(id)
            timeOffByMember[by, default: []].append(id)
        case .timeoffCancel:
            // Only the writer's own time off can be cancelled; the key keeps that pairing.
            cancelled.insert(log.string(r.by) + "\u{0}" + log.string(r.task))
        default:
            break
        }
    }

    /// The status in effect for a member at an instant, if any.
    public func status(of member: String, at now: Date) -> MemberStatus? {
        guard let history = statusHistory[member] else { return nil }
        var found: MemberStatus?
        for (i, entry) in history.enumerated() {
            guard let s = entry.status, entry.at <= now else { continue }
            var end = s.until ?? .distantFuture
            if i + 1 < history.count { end = min(end, history[i + 1].at) }
            if now < end { found = s }
        }
        return found
    }

    /// Instants after `now` where some status of the member starts or ends (for `next_change`).
    public func statusEdges(of member: String, after now: Date) -> [Date] {
        guard let history = statusHistory[member] else { return [] }
        var out: [Date] = []
        for (i, entry) in history.enumerated() {
            if entry.at > now { out.append(entry.at) }
            if let u = entry.status?.until, u > now {
                let next = i + 1 < history.count ? history[i + 1].at : Date.distantFuture
                if u < next { out.append(u) }
            }
        }
        return out.sorted()
    }

    /// A member's time off that is not cancelled, in event order.
    public func timeOff(of member: String) -> [TimeOff] {
        (timeOffByMember[member] ?? []).compactMap { id in
            guard let t = timeOffAdds[id], t.member == member, !cancelled.contains(member + "\u{0}" + id) else { return nil }
            return t
        }
    }

    /// All time off not cancelled, in event order.
    public var allTimeOff: [TimeOff] {
        timeOffOrder.compactMap { id in
            guard let t = timeOffAdds[id], !cancelled.contains(t.member + "\u{0}" + id) else { return nil }
            return t
        }
    }
}
