#if canImport(Glibc)
import Glibc
#endif

/// The journal cache's one file: the entries (each in `JournalCacheCodec`'s form, with its own
/// checksums), then a directory naming each journal file's entry and where it lies.
///
/// One file, not one per journal file: on ext4 here, creating and renaming 300 small files cost
/// about 50 ms more than writing the same bytes once. The directory comes last so a writer can
/// stream entries out one by one, holding only the one it is encoding. Layout: a 16-byte prefix
/// (magic, the codec's layout word), the entries back to back, the directory (a count, then per
/// entry the journal file's path relative to TEAM, its offset and its size), and a 32-byte
/// trailer (the directory's offset, size and checksum, and the magic again).
enum JournalCachePack {
    static let magic: UInt64 = 0x324B_4150_4E44_524D // "MRDNPAK2", little-endian
    static let fileName = "journals.mjp"
    static let prefixSize = 16
    static let trailerSize = 32

    /// Where one journal file's entry lies in the pack.
    struct Slot: Equatable {
        var offset: Int
        var size: Int
    }

    typealias Malformed = CacheByteReader.Malformed

    /// The directory of the pack open as `fd`, `size` bytes long: the entries tile the file from
    /// the prefix to the directory. Throws when the pack is not one this build wrote whole.
    static func index(fd: Int32, size: Int, room: JournalReadRoom) throws(Malformed) -> [String: Slot] {
        guard size >= prefixSize + trailerSize else { throw Malformed() }
        let ends = room.buffer(atLeast: prefixSize + trailerSize)
        guard JournalCacheCodec.readFully(fd, into: ends.baseAddress!, count: prefixSize, at: 0),
              JournalCacheCodec.readFully(fd, into: ends.baseAddress! + prefixSize, count: trailerSize, at: size - trailerSize)
        else { throw Malformed() }
        var p = CacheByteReader(UnsafeRawBufferPointer(rebasing: ends[0..<(prefixSize + trailerSize)]))
        guard try p.u64() == magic, try p.u64() == JournalCacheCodec.layout else { throw Malformed() }
        let start = try p.u64(), length = try p.u64(), sum = try p.u64()
        guard try p.u64() == magic, start >= UInt64(prefixSize), length <= UInt64(size), start + length == UInt64(size - trailerSize)
        else { throw Malformed() }
        let room = room.buffer(atLeast: max(1, Int(length)))
        guard JournalCacheCodec.readFully(fd, into: room.baseAddress!, count: Int(length), at: Int(start)) else { throw Malformed() }
        let directory = UnsafeRawBufferPointer(rebasing: room[0..<Int(length)])
        guard CacheChecksum.of(directory) == sum else { throw Malformed() }
        var r = CacheByteReader(directory)
        var slots: [String: Slot] = [:]
        let count = try r.count()
        slots.reserveCapacity(count)
        // The entries follow one another from the prefix to the directory.
        var next = prefixSize
        for _ in 0..<count {
            let name = try r.string(), offset = try r.varint(), length = try r.varint()
            guard offset == next, length >= 0, length <= Int(start) - offset, slots[name] == nil else { throw Malformed() }
            slots[name] = Slot(offset: offset, size: length)
            next = offset + length
        }
        guard r.isAtEnd, next == Int(start) else { throw Malformed() }
        return slots
    }

    /// Writes a pack through `sink` (which returns false when a write failed), entry by entry:
    /// `init`, `add` each entry's pieces, `finish`.
    struct Writer {
        private let sink: (UnsafeRawBufferPointer) -> Bool
        private var names: [String] = []
        private var sizes: [Int] = []
        private var offset = 0
        /// False once any write failed (later calls then do nothing).
        private(set) var ok = true

        init(sink: @escaping (UnsafeRawBufferPointer) -> Bool) {
            self.sink = sink
            var prefix = CacheByteWriter()
            prefix.u64(magic)
            prefix.u64(JournalCacheCodec.layout)
            put(prefix.bytes)
        }

        /// Appends the entry for journal file `name`, given as consecutive pieces.
        mutating func add(_ name: String, _ pieces: [UnsafeRawBufferPointer]) {
            var size = 0
            for piece in pieces {
                put(piece)
                size += piece.count
            }
            names.append(name)
            sizes.append(size)
        }

        /// Writes the directory and trailer; true when every write succeeded.
        mutating func finish() -> Bool {
            var d = CacheByteWriter()
            d.varint(names.count)
            var at = prefixSize
            for (name, size) in zip(names, sizes) {
                d.string(name)
                d.varint(at)
                d.varint(size)
                at += size
            }
            let start = offset
            put(d.bytes)
            var t = CacheByteWriter()
            t.u64(UInt64(start))
            t.u64(UInt64(d.bytes.count))
            t.u64(d.bytes.withUnsafeBytes { CacheChecksum.of($0) })
            t.u64(magic)
            put(t.bytes)
            return ok
        }

        private mutating func put(_ bytes: [UInt8]) { bytes.withUnsafeBytes { put($0) } }

        private mutating func put(_ bytes: UnsafeRawBufferPointer) {
            guard ok else { return }
            ok = sink(bytes)
            offset += bytes.count
        }
    }

    /// A whole pack of `entries` (each a codec entry for the journal file it names), in order.
    static func bytes(_ entries: [(name: String, entry: [UInt8])]) -> [UInt8] {
        final class Buffer { var bytes: [UInt8] = [] }
        let out = Buffer()
        var w = Writer { out.bytes.append(contentsOf: $0); return true }
        for e in entries { e.entry.withUnsafeBytes { w.add(e.name, [$0]) } }
        _ = w.finish()
        return out.bytes
    }

    /// The entries of the pack at `path`, in file order (nil when it is not a valid pack).
    static func entries(at path: String) -> [(name: String, entry: [UInt8])]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, let slots = try? index(fd: fd, size: Int(st.st_size), room: JournalReadRoom()) else { return nil }
        return slots.sorted { $0.value.offset < $1.value.offset }.map { name, slot in
            var entry = [UInt8](repeating: 0, count: slot.size)
            _ = entry.withUnsafeMutableBytes { JournalCacheCodec.readFully(fd, into: $0.baseAddress!, count: slot.size, at: slot.offset) }
            return (name, entry)
        }
    }

    /// Writes all of `bytes` to `fd`; false on a failed write.
    static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        return true
    }
}
