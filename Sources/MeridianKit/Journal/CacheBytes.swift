/// Little-endian bytes for the journal cache: fixed-width integers, LEB128 varints and
/// length-prefixed UTF-8, appended to a growing buffer.
struct CacheByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    mutating func double(_ v: Double) { u64(v.bitPattern) }

    mutating func varint(_ v: Int) {
        var x = UInt64(bitPattern: Int64(v))
        while x >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: x) | 0x80)
            x >>= 7
        }
        bytes.append(UInt8(x))
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            varint(u.count)
            bytes.append(contentsOf: u)
        }
    }

    mutating func raw(_ b: [UInt8]) {
        varint(b.count)
        bytes.append(contentsOf: b)
    }

    mutating func raw(_ b: UnsafeBufferPointer<UInt8>) {
        varint(b.count)
        bytes.append(contentsOf: b)
    }
}

/// Reads what `CacheByteWriter` wrote; any read past the end or malformed value throws, so a
/// truncated or corrupt cache file is rejected instead of trusted.
struct CacheByteReader {
    struct Malformed: Error {}

    let buffer: UnsafeRawBufferPointer
    var at = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var isAtEnd: Bool { at == buffer.count }

    @inline(__always)
    mutating func u8() throws(Malformed) -> UInt8 {
        guard at < buffer.count else { throw Malformed() }
        defer { at += 1 }
        return buffer[at]
    }

    @inline(__always)
    mutating func u64() throws(Malformed) -> UInt64 {
        guard at + 8 <= buffer.count else { throw Malformed() }
        defer { at += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    mutating func i64() throws(Malformed) -> Int64 { Int64(bitPattern: try u64()) }
    mutating func double() throws(Malformed) -> Double { Double(bitPattern: try u64()) }

    @inline(__always)
    mutating func varint() throws(Malformed) -> Int {
        var x: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try u8()
            guard shift < 64 else { throw Malformed() }
            x |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: x))
    }

    /// A count or length: not negative and not beyond what is left (`unit` bytes each at least).
    mutating func count(unit: Int = 1) throws(Malformed) -> Int {
        let n = try varint()
        guard n >= 0, n <= (buffer.count - at) / unit else { throw Malformed() }
        return n
    }

    /// The next `n` bytes, in place.
    mutating func slice(_ n: Int) throws(Malformed) -> UnsafeRawBufferPointer {
        guard n >= 0, n <= buffer.count - at else { throw Malformed() }
        defer { at += n }
        return UnsafeRawBufferPointer(rebasing: buffer[at..<(at + n)])
    }

    mutating func string() throws(Malformed) -> String {
        let n = try count()
        defer { at += n }
        // The entry's checksum was verified before any string is read, so these are the bytes
        // written from a Swift string: the fast decoding path (which repairs, never traps) is safe.
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[at..<(at + n)]).assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }

    mutating func raw() throws(Malformed) -> [UInt8] {
        let n = try count()
        defer { at += n }
        return Array(buffer[at..<(at + n)])
    }
}
