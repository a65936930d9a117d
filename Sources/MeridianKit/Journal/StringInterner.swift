/// The short strings a fold meets again and again (member ids, columns, labels), made once each:
/// a lookup hashes the bytes and hands back the `String` made the first time, instead of
/// decoding and allocating it anew for every event. Holds at most `limit` strings; past that,
/// new ones are simply made (so hostile input cannot make it grow without bound).
struct StringInterner: Sendable {
    static let limit = 4096
    private var strings: [String] = []
    private var bytes: [UInt8] = []
    private var refs: [TextRef] = []
    /// Index + 1 per bucket; 0 is free.
    private var table = [Int32](repeating: 0, count: 256)

    init() {}

    /// The string these bytes spell.
    @inline(__always)
    mutating func string(_ u: UnsafeBufferPointer<UInt8>) -> String {
        guard u.count <= 32 else { return String(decoding: u, as: UTF8.self) }
        let mask = table.count - 1
        var i = Int(truncatingIfNeeded: JournalBytes.hash(u) >> 9) & mask
        let found: Int? = bytes.withUnsafeBufferPointer { all in
            while true {
                let k = Int(table[i])
                if k == 0 { return nil }
                let r = refs[k - 1]
                if r.count == u.count, TextView.compare(UnsafeBufferPointer(rebasing: all[r.offset..<(r.offset + r.count)]), u) == 0 {
                    return k - 1
                }
                i = (i + 1) & mask
            }
        }
        if let found { return strings[found] }
        let s = String(decoding: u, as: UTF8.self)
        guard strings.count < Self.limit else { return s }
        table[i] = Int32(strings.count + 1)
        strings.append(s)
        refs.append(TextRef(offset: bytes.count, count: u.count))
        bytes.append(contentsOf: u)
        if strings.count * 2 > table.count { rehash() }
        return s
    }

    private mutating func rehash() {
        table = [Int32](repeating: 0, count: table.count * 2)
        let mask = table.count - 1
        bytes.withUnsafeBufferPointer { all in
            for (k, r) in refs.enumerated() {
                var i = Int(truncatingIfNeeded: JournalBytes.hash(UnsafeBufferPointer(rebasing: all[r.offset..<(r.offset + r.count)])) >> 9) & mask
                while table[i] != 0 { i = (i + 1) & mask }
                table[i] = Int32(k + 1)
            }
        }
    }
}
