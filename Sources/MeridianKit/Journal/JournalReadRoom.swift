#if canImport(Glibc)
import Glibc
#endif

/// Memory one reading thread reuses from file to file: the buffer files are read into and the
/// decoder's scratch. Reading 300 files through one room faults its pages in once, where a fresh
/// buffer per file would be zero-filled by the kernel 300 times. Not for sharing between threads.
final class JournalReadRoom {
    private var bytes = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    /// The decoder's room for a line's decoded strings and array items.
    var scratch = LineScratch()

    init() {}

    /// The buffer, at least `count` bytes long (its contents are left over from earlier reads).
    func buffer(atLeast count: Int) -> UnsafeMutableRawBufferPointer {
        if bytes.count < count {
            // Grown in steps, so a run of files of slowly rising size does not reallocate for each.
            let size = max(count, min(JournalFileReader.chunkSize, max(2 * bytes.count, 128 * 1024)))
            bytes.deallocate()
            bytes = .allocate(byteCount: size, alignment: 16)
        }
        return bytes
    }

    /// The whole regular file at `path` (not through a symbolic link), read into the buffer:
    /// valid until the next use of this room. Nil when it cannot be read or is over `limit` bytes.
    func readFile(_ path: String, limit: Int) -> UnsafeRawBufferPointer? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) <= limit else { return nil }
        let size = Int(st.st_size)
        let room = buffer(atLeast: max(1, size))
        var done = 0
        while done < size {
            let n = pread(fd, room.baseAddress! + done, size - done, off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            done += n
        }
        return UnsafeRawBufferPointer(start: room.baseAddress, count: done)
    }

    deinit { bytes.deallocate() }
}
