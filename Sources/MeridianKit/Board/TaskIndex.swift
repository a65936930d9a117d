#if canImport(Glibc)
import Glibc
#endif

/// Task ids numbered in order of first sight: id → slot in one hash lookup over the id's bytes
/// (no `String` needed to look one up), slot → id as a `String`. Open addressing over an array of
/// entries; each entry holds its id's length and first 8 bytes, so a probe for a short id (task
/// ids mostly are) reads the table alone, and a longer one compares the rest of the bytes, which
/// sit back to back. Callers pass the id's `JournalBytes.hash` (one hash serves the table and the
/// half it goes to).
struct TaskIndex: Sendable {
    /// One bucket: slot + 1 (0 is free), the id's length, and its first 8 bytes (little-endian,
    /// zero-padded).
    private struct Entry {
        var slotPlusOne: Int32 = 0
        var count: Int32 = 0
        var head: UInt64 = 0
    }

    /// Each slot's id.
    private(set) var ids: [String] = []
    private var bytes: [UInt8] = []
    /// Where each slot's id is in `bytes`.
    private var refs: [TextRef] = []
    private var table: [Entry] = Array(repeating: Entry(), count: 64)

    var count: Int { ids.count }

    @inline(__always)
    private static func bucket(_ hash: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: hash >> 7) & mask }

    /// The first 8 bytes of `u` as a number (zero-padded when shorter).
    @inline(__always)
    private static func head(_ u: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = u.baseAddress else { return 0 }
        if u.count >= 8 { return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) }
        var h: UInt64 = 0
        for i in 0..<u.count { h |= UInt64(base[i]) << UInt64(8 * i) }
        return h
    }

    /// The slot of an id given as bytes (with their hash).
    @inline(__always)
    func slot(_ u: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let head = Self.head(u), n = Int32(truncatingIfNeeded: u.count)
        return table.withUnsafeBufferPointer { table -> Int? in
            let mask = table.count - 1
            var i = Self.bucket(hash, mask)
            while true {
                let e = table[i]
                if e.slotPlusOne == 0 { return nil }
                if e.count == n, e.head == head, u.count <= 8 || sameTail(Int(e.slotPlusOne) - 1, u) { return Int(e.slotPlusOne) - 1 }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether slot `s`'s id, known to start like `u` and be as long, has `u`'s bytes after the first 8.
    private func sameTail(_ s: Int, _ u: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = refs[s]
        return bytes.withUnsafeBufferPointer { all in memcmp(all.baseAddress! + r.offset + 8, u.baseAddress! + 8, u.count - 8) == 0 }
    }

    /// The slot of an id given as bytes (with their hash), numbering it if it is new.
    @inline(__always)
    mutating func slotAdding(_ u: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        if let s = slot(u, hash: hash) { return s }
        return add(u, hash: hash, String(decoding: u, as: UTF8.self))
    }

    private mutating func add(_ u: UnsafeBufferPointer<UInt8>, hash: UInt64, _ id: String) -> Int {
        if (ids.count + 1) * 2 > table.count { rehash(table.count * 2) }
        let s = ids.count
        ids.append(id)
        refs.append(TextRef(offset: bytes.count, count: u.count))
        bytes.append(contentsOf: u)
        insert(slot: s, u, hash: hash)
        return s
    }

    private mutating func insert(slot s: Int, _ u: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        let mask = table.count - 1
        var i = Self.bucket(hash, mask)
        while table[i].slotPlusOne != 0 { i = (i + 1) & mask }
        table[i] = Entry(slotPlusOne: Int32(s + 1), count: Int32(truncatingIfNeeded: u.count), head: Self.head(u))
    }

    private mutating func rehash(_ size: Int) {
        table = Array(repeating: Entry(), count: size)
        let all = bytes
        all.withUnsafeBufferPointer { b in
            for (s, r) in refs.enumerated() {
                let u = UnsafeBufferPointer(rebasing: b[r.offset..<(r.offset + r.count)])
                insert(slot: s, u, hash: JournalBytes.hash(u))
            }
        }
    }
}
