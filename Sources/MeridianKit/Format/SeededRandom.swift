/// A small, fast, seedable generator (SplitMix64): the same seed gives the same sequence on every
/// platform, so the demo team, generated teams, new task ids and randomized tests replay exactly.
public struct SeededRandom: RandomNumberGenerator, Hashable, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<n` (0 when `n` < 1). Plain modulo, so sequences stay stable.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// 32 hex digits from two draws, the shape of an event id Meridian writes.
    public mutating func eventID() -> String {
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        let a = next(), b = next()
        return hex(a) + hex(b)
    }
}
