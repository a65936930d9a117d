#if canImport(Glibc)
import Glibc
#endif

/// Where a string lives in a `TextArena`: a byte offset and a length packed in 64 bits (offsets
/// below 2^40, lengths below 2^24; a journal line, and so any of its strings, is at most 64 KiB).
/// `none` stands for an absent optional string.
struct TextRef: Hashable, Sendable {
    var bits: UInt64

    static let none = TextRef(bits: .max)

    init(bits: UInt64) { self.bits = bits }

    @inline(__always)
    init(offset: Int, count: Int) { bits = UInt64(offset) << 24 | UInt64(count) }

    @inline(__always) var offset: Int { Int(bits >> 24) }
    @inline(__always) var count: Int { Int(bits & 0xFF_FFFF) }
    @inline(__always) var isNone: Bool { bits == .max }
}

/// The strings of one journal file's events, back to back in one byte list: decoding a line
/// copies its strings here instead of allocating a `String` for each, and a `String` is made only
/// when the fold needs one.
struct TextArena: Sendable {
    private(set) var bytes = PodList<UInt8>()

    init() {}
    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = PodList(bytes) }
    /// An arena holding the bytes of `storage` (shared, not copied).
    init(storage: PodList<UInt8>) { self.bytes = storage }

    var count: Int { bytes.count }

    @inline(__always)
    mutating func append(_ b: UnsafeBufferPointer<UInt8>) -> TextRef {
        let ref = TextRef(offset: bytes.count, count: b.count)
        bytes.append(contentsOf: b)
        return ref
    }

    mutating func append(_ s: String) -> TextRef {
        var s = s
        return s.withUTF8 { append($0) }
    }

    mutating func reserveCapacity(_ n: Int) { bytes.reserveCapacity(n) }

    mutating func shrinkToFit() { bytes.shrinkToFit() }

    /// Drops every byte from `count` on (undoing appends).
    mutating func truncate(to count: Int) { bytes.removeSuffix(from: count) }

    /// The arena for reading, valid while it lives unchanged.
    @inline(__always) var view: TextView { TextView(bytes: bytes.view) }

    /// The bytes of `ref` handed to `body`.
    @inline(__always)
    func withBytes<R>(_ ref: TextRef, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(bytes) { try body(view[ref]) }
    }
}

/// A `TextArena` read in place: strings by `TextRef`, compared without making a `String`.
struct TextView: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The bytes of `ref` (which must lie inside).
    @inline(__always)
    subscript(ref: TextRef) -> UnsafeBufferPointer<UInt8> {
        precondition(ref.offset + ref.count <= bytes.count, "text reference out of bounds")
        return UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + ref.offset }, count: ref.count)
    }

    /// The string at `ref` (the bytes were valid UTF-8 when appended).
    @inline(__always)
    func string(_ ref: TextRef) -> String { String(decoding: self[ref], as: UTF8.self) }

    /// The string at `ref`, or nil for `TextRef.none`.
    @inline(__always)
    func optionalString(_ ref: TextRef) -> String? { ref.isNone ? nil : string(ref) }

    /// Whether the string at `ref` spells `s`.
    func equals(_ ref: TextRef, _ s: String) -> Bool {
        var s = s
        return s.withUTF8 { TextView.compare(self[ref], $0) == 0 }
    }

    /// Whether this view's `a` and `other`'s `b` have the same bytes.
    @inline(__always)
    func same(_ a: TextRef, _ other: TextView, _ b: TextRef) -> Bool {
        a.count == b.count && TextView.compare(self[a], other[b]) == 0
    }

    /// Byte-wise order of this view's `a` and `other`'s `b`: -1, 0 or 1.
    func compare(_ a: TextRef, _ other: TextView, _ b: TextRef) -> Int { TextView.compare(self[a], other[b]) }

    /// Byte-wise order of two byte strings, shorter first on a common prefix: -1, 0 or 1.
    static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(x.count, y.count)
        if n > 0 {
            let c = memcmp(x.baseAddress!, y.baseAddress!, n)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }
}
