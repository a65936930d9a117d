import Foundation

/// Where a cover comes from: a rotation shift (its index k) or an override (its event id).
public enum CoverSource: Hashable, Sendable {
    case shift(Int)
    case override(String)
}

/// A maximal interval with one cover from one source (SPEC §2): `member` is on call over [start, end).
public struct OncallSlot: Hashable, Sendable {
    public var member: String
    public var start: Date
    public var end: Date
    public var source: CoverSource

    public init(member: String, start: Date, end: Date, source: CoverSource) {
        self.member = member
        self.start = start
        self.end = end
        self.source = source
    }

    /// True for an override's slot.
    public var isOverride: Bool {
        if case .override = source { return true }
        return false
    }

    /// The override's event id, for an override's slot.
    public var overrideEvent: String? {
        if case .override(let id) = source { return id }
        return nil
    }
}

/// An interval with nobody on call, [start, end).
public struct OncallGap: Hashable, Sendable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }
}

/// A rotation's answer at one instant (SPEC §2): the slot now, the next covered slot, and the gaps
/// within [now, now + 7 days).
public struct OncallStatus: Hashable, Sendable {
    public var now: OncallSlot?
    public var next: OncallSlot?
    public var gaps: [OncallGap]
}
