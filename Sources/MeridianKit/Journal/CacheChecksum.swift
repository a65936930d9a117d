/// The checksum of a journal cache entry's parts: four independent 64-bit lanes over 32 bytes a
/// step (the round of xxHash64), so checking 20 MB of entries costs a fraction of reading them,
/// where a one-lane hash waits on each multiply in turn. Any changed byte changes it (up to
/// the odds of a 64-bit collision); it guards against torn or damaged files, not against tampering.
enum CacheChecksum {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63

    @inline(__always)
    private static func round(_ acc: UInt64, _ w: UInt64) -> UInt64 {
        let a = acc &+ w &* p2
        return ((a << 31) | (a >> 33)) &* p1
    }

    /// The checksum of `bytes`.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let n = bytes.count
        var a = p1 &+ p2, b = p2, c: UInt64 = 0, d = 0 &- p1
        var i = 0
        if let base = bytes.baseAddress {
            while i + 32 <= n {
                a = round(a, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                b = round(b, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
                c = round(c, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
                d = round(d, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
                i += 32
            }
        }
        var h = ((a << 1) | (a >> 63)) &+ ((b << 7) | (b >> 57)) &+ ((c << 12) | (c >> 52)) &+ ((d << 18) | (d >> 46))
        h = (h ^ round(0, a)) &* p1 &+ p4
        h = (h ^ round(0, b)) &* p1 &+ p4
        h = (h ^ round(0, c)) &* p1 &+ p4
        h = (h ^ round(0, d)) &* p1 &+ p4
        h = h &+ UInt64(n)
        if let base = bytes.baseAddress {
            while i + 8 <= n {
                h ^= round(0, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                h = ((h << 27) | (h >> 37)) &* p1 &+ p4
                i += 8
            }
            while i < n {
                h ^= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) &* 0x27D4_EB2F_1656_67C5
                h = ((h << 11) | (h >> 53)) &* p1
                i += 1
            }
        }
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        return h ^ (h >> 32)
    }
}
