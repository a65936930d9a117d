#if canImport(Glibc)
import Glibc
#endif

/// Task ids numbered in order of first sight: id → slot in one hash lookup over the id's bytes
/// (no `String` needed to look one up), slot → id as a `String`. Open addressing over an array of
/// slot numbers; the ids' bytes sit back to back so a probe compares plain memory. Callers pass
/// the id's `JournalBytes.hash` (one hash serves the table and the half it goes to).
struct TaskIndex: Sendable {
    /// Each slot's id.
    private(set) var ids: [String] = []
    private var bytes: [UInt8] = []
    /// Where each slot's id is in `bytes`.
    private var refs: [TextRef] = []
    /// Slot + 1 per bucket; 0 is free.
    private var table: [Int32] = Array(repeating: 0, count: 64)

    var count: Int { ids.count }

    @inline(__always)
    private static func bucket(_ hash: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: hash >> 7) & mask }

    /// The slot of an id given as bytes (with their hash).
    @inline(__always)
    func slot(_ u: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = table.count - 1
        var i = Self.bucket(hash, mask)
        return bytes.withUnsafeBufferPointer { all -> Int? in
            while true {
                let s = Int(table[i])
                if s == 0 { return nil }
                let r = refs[s - 1]
                if r.count == u.count, u.isEmpty || Self.same(all.baseAddress! + r.offset, u.baseAddress!, u.count) { return s - 1 }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether `n` bytes at `a` and `b` are equal. Task ids are short: a few bytes are compared
    /// in line rather than through a call to `memcmp`.
    @inline(__always)
    private static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n <= 8 else { return memcmp(a, b, n) == 0 }
        for i in 0..<n where a[i] != b[i] { return false }
        return true
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
        insert(slot: s, hash: hash)
        return s
    }

    private mutating func insert(slot s: Int, hash: UInt64) {
        let mask = table.count - 1
        var i = Self.bucket(hash, mask)
        while table[i] != 0 { i = (i + 1) & mask }
        table[i] = Int32(s + 1)
    }

    private mutating func rehash(_ size: Int) {
        table = Array(repeating: 0, count: size)
        let all = bytes
        all.withUnsafeBufferPointer { b in
            for (s, r) in refs.enumerated() {
                insert(slot: s, hash: JournalBytes.hash(UnsafeBufferPointer(rebasing: b[r.offset..<(r.offset + r.count)])))
            }
        }
    }
}
