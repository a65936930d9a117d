import Foundation

/// One zone's UTC offsets remembered as the instants where they change, so that an offset is a
/// binary search instead of a trip through Foundation and ICU (which costs microseconds a call,
/// and reports ask for hundreds of thousands of offsets).
///
/// Time is cut into fixed stretches of `stretchSeconds`; the first question about a stretch asks
/// the tz database once for the offset at its start and for every change inside it
/// (`nextDaylightSavingTimeTransition`, which reports any change of offset, DST or not). Instants
/// outside 1900–2200, and non-finite ones, are answered by Foundation directly.
final class ZoneOffsetTable: @unchecked Sendable {
    /// The offsets of one stretch: `offsets[i]` holds from `starts[i]` (the stretch's start for i = 0)
    /// until the next start.
    struct Stretch {
        var starts: [Double]
        var offsets: [Int]

        /// The offset in force at `t`, which lies inside this stretch.
        func offset(at t: Double) -> Int {
            // The last start at or before t; starts[0] is at or before every t asked here.
            var lo = 0, hi = starts.count
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if starts[mid] <= t { lo = mid } else { hi = mid }
            }
            return offsets[lo]
        }
    }

    /// About a year: a stretch usually holds zero to two changes.
    static let stretchSeconds: Double = 33_554_432 // 2^25
    /// The range the table covers (1900-01-01 to 2200-01-01 UTC); beyond it Foundation answers.
    static let covered: ClosedRange<Double> = -2_208_988_800 ... 7_258_118_400

    let timeZone: TimeZone
    // Stretches are filled in as they are first needed, by any thread: the lock guards the dictionary.
    private let lock = NSLock()
    private var stretches: [Int: Stretch] = [:]

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The offset from UTC in seconds at `t` seconds since 1970, as `TimeZone.secondsFromGMT` gives it.
    func offset(at t: Double) -> Int {
        guard Self.covered.contains(t) else {
            return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: t))
        }
        let key = Int((t / Self.stretchSeconds).rounded(.down))
        lock.lock()
        defer { lock.unlock() }
        if let s = stretches[key] { return s.offset(at: t) }
        let s = stretch(key)
        stretches[key] = s
        return s.offset(at: t)
    }

    /// Asks the tz database for the offsets of stretch `key`.
    private func stretch(_ key: Int) -> Stretch {
        let start = Double(key) * Self.stretchSeconds
        let end = start + Self.stretchSeconds
        var s = Stretch(starts: [start], offsets: [timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: start))])
        var t = Date(timeIntervalSince1970: start)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: t), next.timeIntervalSince1970 < end, next > t {
            let offset = timeZone.secondsFromGMT(for: next)
            // A reported transition that changes nothing (only the zone's abbreviation, say) is skipped.
            if offset != s.offsets[s.offsets.count - 1] {
                s.starts.append(next.timeIntervalSince1970)
                s.offsets.append(offset)
            }
            t = next
        }
        return s
    }

    /// One table per zone name for the whole process: members sharing a zone share its table.
    static func shared(for timeZone: TimeZone) -> ZoneOffsetTable {
        registryLock.lock()
        defer { registryLock.unlock() }
        if let t = registry[timeZone.identifier] { return t }
        let t = ZoneOffsetTable(timeZone)
        registry[timeZone.identifier] = t
        return t
    }

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [String: ZoneOffsetTable] = [:]
}
