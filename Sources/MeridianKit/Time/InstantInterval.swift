import Foundation

/// A half-open interval of instants `[start, end)`, the unit of every time answer.
public struct InstantInterval: Hashable, Sendable, CustomStringConvertible {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    public var isEmpty: Bool { end <= start }
    /// Length in seconds (0 when empty).
    public var duration: TimeInterval { max(0, end.timeIntervalSince(start)) }

    public func contains(_ t: Date) -> Bool { start <= t && t < end }

    /// The common part of two intervals, nil when they do not overlap.
    public func intersection(_ other: InstantInterval) -> InstantInterval? {
        let i = InstantInterval(start: max(start, other.start), end: min(end, other.end))
        return i.isEmpty ? nil : i
    }

    public var description: String { "[\(Instant.format(start)), \(Instant.format(end)))" }

    /// Sorts, drops empty intervals and joins those that overlap or touch.
    public static func union(_ intervals: [InstantInterval]) -> [InstantInterval] {
        var out: [InstantInterval] = []
        for i in intervals.filter({ !$0.isEmpty }).sorted(by: { $0.start < $1.start }) {
            if let last = out.last, i.start <= last.end {
                out[out.count - 1].end = max(last.end, i.end)
            } else {
                out.append(i)
            }
        }
        return out
    }

    /// The parts of sorted, disjoint `intervals` that lie inside `window`.
    public static func clip(_ intervals: [InstantInterval], to window: InstantInterval) -> [InstantInterval] {
        intervals.compactMap { $0.intersection(window) }
    }

    /// Whether `t` lies in one of the sorted, disjoint `intervals` (binary search).
    public static func covers(_ intervals: [InstantInterval], _ t: Date) -> Bool {
        var lo = 0, hi = intervals.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if intervals[mid].end <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo < intervals.count && intervals[lo].contains(t)
    }
}

extension InstantInterval {
    /// The parts of sorted, disjoint `a` not covered by sorted, disjoint `b`.
    public static func subtract(_ a: [InstantInterval], _ b: [InstantInterval]) -> [InstantInterval] {
        var out: [InstantInterval] = []
        var j = 0
        for var cur in a {
            while j < b.count, b[j].end <= cur.start { j += 1 }
            var k = j
            while k < b.count, b[k].start < cur.end {
                if b[k].start > cur.start { out.append(InstantInterval(start: cur.start, end: b[k].start)) }
                cur.start = max(cur.start, b[k].end)
                if cur.isEmpty { break }
                k += 1
            }
            if !cur.isEmpty { out.append(cur) }
        }
        return out
    }
}
