/// A set of 64-bit event-id fingerprints (`EventLog.idFingerprint`): "this id may have been
/// merged already". Equal ids always match; two different ids match with odds of about one in
/// 2^64 / count, and a false match only sends a reload down the full merge, which is exact.
/// Open addressing over one array of words (0 marks a free slot), so 200,000 ids cost 4 MB.
struct IDFingerprints: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity + capacity / 3 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func stored(_ fingerprint: UInt64) -> UInt64 { fingerprint == 0 ? 1 : fingerprint }

    @inline(__always)
    private static func start(_ f: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (f &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    func contains(_ fingerprint: UInt64) -> Bool {
        let f = Self.stored(fingerprint)
        var i = Self.start(f, mask)
        while true {
            let s = slots[i]
            if s == f { return true }
            if s == 0 { return false }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ fingerprint: UInt64) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let f = Self.stored(fingerprint)
        var i = Self.start(f, mask)
        while true {
            let s = slots[i]
            if s == f { return }
            if s == 0 {
                slots[i] = f
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for f in old where f != 0 { insert(f) }
    }
}
