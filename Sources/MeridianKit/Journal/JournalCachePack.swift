#if canImport(Glibc)
import Glibc
#endif

/// The journal cache's one file: a directory naming each journal file's entry and where it lies,
/// then the entries themselves (each in `JournalCacheCodec`'s form, with its own checksums).
///
/// One file, not one per journal file: on ext4 here, creating and renaming 300 small files cost
/// about 50 ms more than writing the same bytes once. Layout: a 32-byte prefix (magic, the
/// codec's layout word, the directory's size and checksum), the directory (a count, then per
/// entry the journal file's path relative to TEAM, its offset and its size), the entries.
enum JournalCachePack {
    static let magic: UInt64 = 0x314B_4150_4E44_524D // "MRDNPAK1", little-endian
    static let fileName = "journals.mjp"
    static let prefixSize = 32

    /// Where one journal file's entry lies in the pack.
    struct Slot: Equatable {
        var offset: Int
        var size: Int
    }

    typealias Malformed = CacheByteReader.Malformed

    /// The directory of the pack open as `fd`, `size` bytes long: every slot lies inside the file,
    /// after the directory. Throws when the pack is not one this build wrote whole.
    static func index(fd: Int32, size: Int, room: JournalReadRoom) throws(Malformed) -> [String: Slot] {
        guard size >= prefixSize else { throw Malformed() }
        let start = room.buffer(atLeast: prefixSize)
        guard JournalCacheCodec.readFully(fd, into: start.baseAddress!, count: prefixSize, at: 0) else { throw Malformed() }
        var p = CacheByteReader(UnsafeRawBufferPointer(rebasing: start[0..<prefixSize]))
        guard try p.u64() == magic, try p.u64() == JournalCacheCodec.layout else { throw Malformed() }
        let length = try p.u64(), sum = try p.u64()
        guard length <= UInt64(size - prefixSize) else { throw Malformed() }
        let end = prefixSize + Int(length)
        let room = room.buffer(atLeast: max(1, Int(length)))
        guard JournalCacheCodec.readFully(fd, into: room.baseAddress!, count: Int(length), at: prefixSize) else { throw Malformed() }
        let directory = UnsafeRawBufferPointer(rebasing: room[0..<Int(length)])
        guard CacheChecksum.of(directory) == sum else { throw Malformed() }
        var r = CacheByteReader(directory)
        var slots: [String: Slot] = [:]
        let count = try r.count()
        slots.reserveCapacity(count)
        // The entries follow one another from the directory's end to the file's.
        var next = end
        for _ in 0..<count {
            let name = try r.string(), offset = try r.varint(), length = try r.varint()
            guard offset == next, length >= 0, length <= size - offset, slots[name] == nil else { throw Malformed() }
            slots[name] = Slot(offset: offset, size: length)
            next = offset + length
        }
        guard r.isAtEnd, next == size else { throw Malformed() }
        return slots
    }

    /// The prefix and directory of a pack holding entries of `sizes` for `names`, in that order
    /// right after it.
    static func head(names: [String], sizes: [Int]) -> [UInt8] {
        // The directory's size depends on the offsets it holds, which depend on its size: the
        // offsets are written relative first to measure, then for real.
        func directory(base: Int) -> [UInt8] {
            var d = CacheByteWriter()
            d.varint(names.count)
            var offset = base
            for (name, size) in zip(names, sizes) {
                d.string(name)
                d.varint(offset)
                d.varint(size)
                offset += size
            }
            return d.bytes
        }
        var base = prefixSize + directory(base: 0).count
        var d = directory(base: base)
        while prefixSize + d.count != base {
            base = prefixSize + d.count
            d = directory(base: base)
        }
        var out = CacheByteWriter()
        out.u64(magic)
        out.u64(JournalCacheCodec.layout)
        out.u64(UInt64(d.count))
        out.u64(d.withUnsafeBytes { CacheChecksum.of($0) })
        out.bytes.append(contentsOf: d)
        return out.bytes
    }

    /// A whole pack of `entries` (each a codec entry for the journal file it names), in order.
    static func bytes(_ entries: [(name: String, entry: [UInt8])]) -> [UInt8] {
        var out = head(names: entries.map(\.name), sizes: entries.map(\.entry.count))
        for e in entries { out.append(contentsOf: e.entry) }
        return out
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
