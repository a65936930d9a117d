import Foundation
import MeridianKit

/// What the On-call pane shows for one rotation at an instant (SPEC §2 "On call").
public struct OncallSummary: Sendable, Equatable {
    /// A maximal interval with one cover from one source.
    public struct Slot: Sendable, Equatable {
        public var member: String
        public var start: Date
        public var end: Date
        public var isOverride: Bool
        public init(member: String, start: Date, end: Date, isOverride: Bool) {
            self.member = member
            self.start = start
            self.end = end
            self.isOverride = isOverride
        }
    }

    public var now: Slot?
    public var next: Slot?
    /// Uncovered intervals within [t, t + 7 days).
    public var gaps: [(start: Date, end: Date)]

    public init(now: Slot?, next: Slot?, gaps: [(start: Date, end: Date)]) {
        self.now = now
        self.next = next
        self.gaps = gaps
    }

    public static func == (a: OncallSummary, b: OncallSummary) -> Bool {
        a.now == b.now && a.next == b.next && a.gaps.map(\.start) == b.gaps.map(\.start) && a.gaps.map(\.end) == b.gaps.map(\.end)
    }
}
