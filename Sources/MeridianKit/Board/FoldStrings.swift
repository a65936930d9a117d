/// The strings a fold makes: short ones interned (`StringInterner`), and, in a bulk fold, the
/// `by` of each event answered from a small cache keyed by where its bytes lie. The lines of one
/// writer share one copy of their `by` in their log, so nearly every event finds its writer's
/// `String` there without hashing or comparing bytes.
///
/// The cache trusts an address to hold the same bytes for as long as the fold runs, which holds
/// while the logs it reads live unchanged (a bulk fold); a state kept for later events uses no
/// cache (`caching: false`), since a later log may reuse an address.
struct FoldStrings: Sendable {
    var interner: StringInterner
    private let caching: Bool
    /// Direct-mapped: the address of a `by`'s bytes and its length, and its `String`.
    private var keys: [UInt64]
    private var values: [String]

    private static let size = 1024

    init(interner: StringInterner = StringInterner(), caching: Bool) {
        self.interner = interner
        self.caching = caching
        keys = caching ? [UInt64](repeating: 0, count: Self.size) : []
        values = caching ? [String](repeating: "", count: Self.size) : []
    }

    /// The string these bytes spell (interned when short).
    @inline(__always)
    mutating func string(_ u: UnsafeBufferPointer<UInt8>) -> String { interner.string(u) }

    /// The `by` of an event read from `log`.
    @inline(__always)
    mutating func by(_ r: EventRecord, in log: EventLogView) -> String {
        let u = log.text[r.by]
        guard caching, let base = u.baseAddress, u.count < 1 << 16 else { return interner.string(u) }
        // The address and the length in one word (addresses fit in 48 bits); never 0.
        let key = UInt64(UInt(bitPattern: base)) << 16 | UInt64(u.count)
        let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54) & (Self.size - 1)
        if keys[slot] == key { return values[slot] }
        let s = interner.string(u)
        keys[slot] = key
        values[slot] = s
        return s
    }
}
