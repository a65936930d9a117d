import Foundation

/// One zone's UTC offsets remembered as the instants where they change, so that an offset is a
/// binary search instead of a trip through Foundation and ICU (which costs microseconds a call,
/// and a report asks for tens of thousands of offsets).
///
/// Time is cut into fixed stretches of `stretchSeconds`; the table holds one unbroken run of them,
/// grown toward whatever instant is asked about. Filling a stretch asks the tz database once for
/// the offset at its start and for every change inside it (`nextDaylightSavingTimeTransition`,
/// which reports any change of offset, DST or not). Instants outside 1900–2200, and non-finite
/// ones, are answered by Foundation directly.
final class ZoneOffsetTable: @unchecked Sendable {
    /// About a year: a stretch usually holds zero to two changes.
    static let stretchSeconds: Double = 33_554_432 // 2^25
    /// The range the table covers (1900-01-01 to 2200-01-01 UTC); beyond it Foundation answers.
    static let covered: ClosedRange<Double> = -2_208_988_800 ... 7_258_118_400

    let timeZone: TimeZone
    /// What the table holds, behind a pointer so that reading it costs no exclusivity checks (a
    /// class's stored `var`s are checked at run time on every access); guarded by `mutex`.
    private let state: UnsafeMutablePointer<State>
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    /// The stretches held, [firstKey, endKey) (none while equal): `offsets[i]` holds from
    /// `starts[i]` until `starts[i + 1]`; `starts[0]` is the start of stretch `firstKey`;
    /// neighbouring offsets differ.
    private struct State {
        var firstKey = 0, endKey = 0
        var starts: [Double] = []
        var offsets: [Int] = []
    }

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
        state = .allocate(capacity: 1)
        state.initialize(to: State())
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The offset from UTC in seconds at `t` seconds since 1970, as `TimeZone.secondsFromGMT` gives it.
    func offset(at t: Double) -> Int {
        guard Self.covered.contains(t) else { return foundationOffset(t) }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        hold(Self.key(t))
        return state.pointee.offsets[index(t)]
    }

    /// Whether the offset is the same at every instant of [a, b] (false when unsure).
    func isConstant(from a: Double, through b: Double) -> Bool {
        guard a <= b, Self.covered.contains(a), Self.covered.contains(b) else { return false }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        hold(Self.key(a))
        hold(Self.key(b))
        return index(a) == index(b)
    }

    private static func key(_ t: Double) -> Int { Int((t / stretchSeconds).rounded(.down)) }

    private func foundationOffset(_ t: Double) -> Int { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: t)) }

    /// The last i with starts[i] <= t; t lies in a held stretch.
    private func index(_ t: Double) -> Int {
        state.pointee.starts.withUnsafeBufferPointer { s in
            var lo = 0, hi = s.count
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if s[mid] <= t { lo = mid } else { hi = mid }
            }
            return lo
        }
    }

    /// Grows the run of held stretches to include stretch `key` (called with the mutex held).
    private func hold(_ key: Int) {
        let first = state.pointee.firstKey, end = state.pointee.endKey
        if first < end, key >= first, key < end { return }
        let held = state.pointee
        var next = State()
        if held.firstKey == held.endKey {
            (next.starts, next.offsets) = changes(from: key, to: key + 1)
            (next.firstKey, next.endKey) = (key, key + 1)
        } else if key < held.firstKey {
            (next.starts, next.offsets) = changes(from: key, to: held.firstKey)
            // The old first entry only restates the offset when it did not change at that instant.
            let skip = next.offsets[next.offsets.count - 1] == held.offsets[0] ? 1 : 0
            next.starts += held.starts[skip...]
            next.offsets += held.offsets[skip...]
            (next.firstKey, next.endKey) = (key, held.endKey)
        } else {
            let (s, o) = changes(from: held.endKey, to: key + 1)
            let skip = o[0] == held.offsets[held.offsets.count - 1] ? 1 : 0
            next.starts = held.starts + s[skip...]
            next.offsets = held.offsets + o[skip...]
            (next.firstKey, next.endKey) = (held.firstKey, key + 1)
        }
        state.pointee = next
    }

    /// The offset at the start of stretch `first` and every change until the start of stretch `end`.
    private func changes(from first: Int, to end: Int) -> (starts: [Double], offsets: [Int]) {
        let start = Double(first) * Self.stretchSeconds
        let limit = Double(end) * Self.stretchSeconds
        var starts = [start], offsets = [foundationOffset(start)]
        var t = Date(timeIntervalSince1970: start)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: t), next > t, next.timeIntervalSince1970 < limit {
            let offset = timeZone.secondsFromGMT(for: next)
            // A reported transition that changes nothing (only the zone's abbreviation, say) is skipped.
            if offset != offsets[offsets.count - 1] {
                starts.append(next.timeIntervalSince1970)
                offsets.append(offset)
            }
            t = next
        }
        return (starts, offsets)
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
