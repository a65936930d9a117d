import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decoded journal files kept between runs, one cache file per journal file, in a directory
/// outside TEAM (the CLI uses `$XDG_STATE_HOME/meridian/cache/<hash of TEAM's real path>/`).
///
/// An entry is used only when the journal file is still the one it was made from: same device
/// and inode, at least as long as what was read, and the same bytes just before the read offset
/// (a hash of up to `checkLength` bytes). Then only the bytes after that offset are parsed.
/// A corrupt, truncated, foreign-version or stale entry is ignored and rewritten. Writes go to a
/// temporary file renamed into place, so a concurrent reader sees a whole old or a whole new
/// entry, never a torn one; a write that fails is dropped silently (the cache is an optimisation,
/// never a reason to fail).
public final class JournalCache: @unchecked Sendable {
    public let directory: String
    static let checkLength = 4096
    private let lock = NSLock()
    /// What each journal file's entry on disk holds (inode and offset), to rewrite only what changed.
    private var onDisk: [String: (inode: UInt64, consumed: Int)] = [:]

    public init(directory: String) {
        self.directory = directory
    }

    /// The cache directory for a team directory: `<stateDirectory>/cache/<16 hex digits>`, the
    /// digits hashing TEAM's real path (so two spellings of one TEAM share a cache).
    public static func directory(stateDirectory: String, teamPath: String) -> String {
        var resolved = teamPath
        if let p = realpath(teamPath, nil) {
            resolved = String(cString: p)
            free(p)
        }
        let h = Array(resolved.utf8).withUnsafeBufferPointer { JournalBytes.hash($0) }
        return stateDirectory + "/cache/" + String(h, radix: 16).leftPadded(to: 16)
    }

    /// Each worker writes only its own slot.
    private struct Flags: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<Bool>
        init(_ s: UnsafeMutableBufferPointer<Bool>) { slots = s }
    }

    /// The entry's file name for a journal file (relative to TEAM).
    static func entryName(_ relative: String) -> String {
        let h = Array(relative.utf8).withUnsafeBufferPointer { JournalBytes.hash($0) }
        return String(h, radix: 16).leftPadded(to: 16) + ".mjc"
    }

    /// The cached state of a journal file when it is still valid for the file at `path`.
    func load(relative: String, path: String, info: SafeFiles.Info) -> JournalFileState? {
        load(relative: relative, path: path, info: info, room: JournalReadRoom())
    }

    /// `load`, reading the entry's small parts into `room`'s buffer (reused from file to file)
    /// and its arena and records straight into the log.
    func load(relative: String, path: String, info: SafeFiles.Info, room: JournalReadRoom) -> JournalFileState? {
        let fd = open(directory + "/" + Self.entryName(relative), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size <= 1 << 30 else { return nil }
        let loaded = try? JournalCacheCodec.read(fd: fd, size: Int(st.st_size), room: room) { header in
            header.relative == relative && header.device == info.device && header.inode == info.inode
                && header.consumed <= info.size
                && header.checkLength == min(Self.checkLength, header.consumed)
                && Self.checkHash(path: path, consumed: header.consumed, length: header.checkLength) == header.checkHash
        }
        guard let state = loaded ?? nil else { return nil }
        lock.lock()
        onDisk[relative] = (state.inode, state.consumed)
        lock.unlock()
        return state
    }

    /// A hash of the `length` bytes before `consumed` in the file at `path` (nil: unreadable).
    static func checkHash(path: String, consumed: Int, length: Int) -> UInt64? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard length > 0 else { return [UInt8]().withUnsafeBufferPointer { JournalBytes.hash($0) } }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { room -> UInt64? in
            var done = 0
            while done < length {
                let n = pread(fd, room.baseAddress! + done, length - done, off_t(consumed - length + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if n == 0 { return nil }
                done += n
            }
            return JournalBytes.hash(UnsafeBufferPointer(room))
        }
    }

    /// Writes the entries of files whose state differs from what is on disk, and removes entries
    /// of journal files that are gone. Never throws; a failed write leaves no partial file.
    func save(_ states: [(relative: String, path: String, state: JournalFileState)]) {
        guard Self.makeDirectories(directory) else { return }
        var keep = Set<String>()
        var dirty: [(relative: String, path: String, state: JournalFileState)] = []
        lock.lock()
        for item in states {
            keep.insert(Self.entryName(item.relative))
            guard item.state.inode != 0 else { continue }
            if let d = onDisk[item.relative], d.inode == item.state.inode, d.consumed == item.state.consumed { continue }
            dirty.append(item)
        }
        lock.unlock()
        let written = Flags(UnsafeMutableBufferPointer<Bool>.allocate(capacity: dirty.count))
        written.slots.initialize(repeating: false)
        defer { written.slots.deallocate() }
        let write: @Sendable (Int) -> Void = { [dirty, directory] k in
            let item = dirty[k]
            let s = item.state
            let length = min(Self.checkLength, s.consumed)
            guard let check = Self.checkHash(path: item.path, consumed: s.consumed, length: length) else { return }
            let header = JournalCacheCodec.Header(relative: item.relative, device: s.device, inode: s.inode, consumed: s.consumed,
                                                  lines: s.lines, checkLength: length, checkHash: check)
            written.slots[k] = Self.writeAtomically(JournalCacheCodec.encode(s, header: header), to: directory + "/" + Self.entryName(item.relative))
        }
        if dirty.count > 8 && ProcessInfo.processInfo.activeProcessorCount > 1 {
            DispatchQueue.concurrentPerform(iterations: dirty.count, execute: write)
        } else {
            for k in dirty.indices { write(k) }
        }
        lock.lock()
        for (k, item) in dirty.enumerated() where written.slots[k] { onDisk[item.relative] = (item.state.inode, item.state.consumed) }
        lock.unlock()
        // Entries of journal files no longer in TEAM (renamed, deleted) are dropped.
        for name in SafeFiles.list(directory) where name.hasSuffix(".mjc") && !keep.contains(name) {
            unlink(directory + "/" + name)
        }
    }

    /// Writes `bytes` to a unique temporary file beside `path`, then renames it over `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String) -> Bool {
        var g = SystemRandomNumberGenerator()
        let temp = path + ".\(getpid()).\(String(g.next() as UInt64, radix: 16)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        var done = 0
        let ok: Bool = bytes.withUnsafeBytes { buf in
            while done < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            unlink(temp)
            return false
        }
        return true
    }

    /// `mkdir -p` with mode 0700; false when the directory cannot be made.
    static func makeDirectories(_ path: String) -> Bool {
        if SafeFiles.info(path).kind == .directory { return true }
        let parent = (path as NSString).deletingLastPathComponent
        if parent != path, !parent.isEmpty, SafeFiles.info(parent).kind != .directory {
            guard makeDirectories(parent) else { return false }
        }
        return mkdir(path, 0o700) == 0 || (errno == EEXIST && SafeFiles.info(path).kind == .directory)
    }
}

private extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
