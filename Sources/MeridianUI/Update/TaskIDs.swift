/// New task ids for `n`: six base-36 characters from a seeded generator (so `update` stays pure and
/// tests are repeatable), never one TEAM already knows.
public enum TaskIDs {
    static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// An id unknown to `known`, and the seed for the next one.
    public static func make(seed: UInt64, known: Set<String>) -> (id: String, next: UInt64) {
        var s = seed
        while true {
            s = splitmix(s)
            var v = s
            var id = ""
            for _ in 0..<6 {
                id.append(alphabet[Int(v % 36)])
                v /= 36
            }
            if !known.contains(id) { return (id, s) }
        }
    }

    static func splitmix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
