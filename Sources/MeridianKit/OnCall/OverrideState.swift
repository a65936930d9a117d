import Foundation

/// An on-call override: `member` covers [from, to) of `rotation`; `order` is its place in event order.
public struct OncallOverride: Hashable, Sendable {
    public var rotation: String
    public var member: String
    public var from: Date
    public var to: Date
    public var event: String
    public var order: Int

    public init(rotation: String, member: String, from: Date, to: Date, event: String, order: Int) {
        self.rotation = rotation
        self.member = member
        self.from = from
        self.to = to
        self.event = event
        self.order = order
    }
}

/// Overrides folded from the journals; cancelled ones are gone, the rest keep event order.
public struct OverrideState: Sendable {
    private var all: [OncallOverride] = []
    private var cancelled: Set<String> = []

    public init() {}

    /// Applies an override event (in merge order) read from `log` (the journal file `file`).
    mutating func apply(_ r: EventRecord, in log: EventLogView, file: String, rotations: Set<String>) -> Problem? {
        switch r.op {
        case .oncallOverride:
            let d = log.overrides[Int(r.detail)]
            let rotation = log.string(d.rotation)
            guard rotations.contains(rotation) else {
                return Problem(file: file, line: r.line, message: "override for unknown rotation '\(rotation)' has no effect")
            }
            all.append(OncallOverride(rotation: rotation, member: log.string(d.member), from: d.from, to: d.to, event: log.idString(r), order: all.count))
        case .oncallCancel:
            cancelled.insert(log.string(r.task))
        default:
            break
        }
        return nil
    }

    /// Every live override of every rotation, in event order.
    public var live: [OncallOverride] {
        all.filter { !cancelled.contains($0.event) }
    }

    /// Live overrides of a rotation in event order (later ones win where they overlap).
    public func overrides(for rotation: String) -> [OncallOverride] {
        all.filter { $0.rotation == rotation && !cancelled.contains($0.event) }
    }
}
