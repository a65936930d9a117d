import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decoded journal files kept between runs, in one pack file (`JournalCachePack`) in a directory
/// outside TEAM (the CLI uses `$XDG_STATE_HOME/meridian/cache/<hash of TEAM's real path>/`).
///
/// An entry is used only when the journal file is still the one it was made from: same device
/// and inode, at least as long as what was read, and the same bytes just before the read offset
/// (a hash of up to `checkLength` bytes). Then only the bytes after that offset are parsed.
/// A corrupt, truncated, foreign-version or stale entry is ignored, and the pack is rewritten
/// whole when any entry changed. Writes go to a temporary file renamed into place, so a
/// concurrent reader sees a whole old or a whole new pack, never a torn one; a write that fails
/// is dropped silently (the cache is an optimisation, never a reason to fail).
public final class JournalCache: @unchecked Sendable {
    public let directory: String
    static let checkLength = 4096
    private let lock = NSLock()
    /// What each journal file's entry in the pack on disk holds (inode and offset), to rewrite
    /// the pack only when one changed.
    private var onDisk: [String: (inode: UInt64, consumed: Int)] = [:]
    /// The pack opened for loads (with its directory), or nil (none yet, or none valid).
    private var pack: (fd: Int32, slots: [String: JournalCachePack.Slot])?
    private var packOpened = false
    /// How many entries the pack on disk holds, when known (read with it, or written).
    private var entriesOnDisk: Int?

    public init(directory: String) {
        self.directory = directory
    }

    deinit { closePack() }

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

    /// The pack file's path.
    var packPath: String { directory + "/" + JournalCachePack.fileName }

    /// The cached state of a journal file when it is still valid for the file at `path`.
    func load(relative: String, path: String, info: SafeFiles.Info) -> JournalFileState? {
        load(relative: relative, path: path, info: info, room: JournalReadRoom())
    }

    /// `load`, reading the entry's small parts into `room`'s buffer (reused from file to file)
    /// and its arena and records straight into the log. Safe from several threads at once.
    func load(relative: String, path: String, info: SafeFiles.Info, room: JournalReadRoom) -> JournalFileState? {
        lock.lock()
        if !packOpened { openPack(room: room) }
        let found = pack.flatMap { p in p.slots[relative].map { (p.fd, $0) } }
        lock.unlock()
        guard let (fd, slot) = found else { return nil }
        let loaded = try? JournalCacheCodec.read(fd: fd, base: slot.offset, size: slot.size, room: room) { header in
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

    /// Opens the pack and reads its directory (the caller holds the lock).
    private func openPack(room: JournalReadRoom) {
        packOpened = true
        let fd = open(packPath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG,
              let slots = try? JournalCachePack.index(fd: fd, size: Int(st.st_size), room: room)
        else {
            close(fd)
            return
        }
        pack = (fd, slots)
        entriesOnDisk = slots.count
    }

    /// Closes the pack opened for loads; the next load opens the pack then on disk.
    private func closePack() {
        if let p = pack { close(p.fd) }
        pack = nil
        packOpened = false
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

    /// Rewrites the pack when a journal file's state differs from its entry on disk (or files
    /// came or went); entries of journal files no longer in TEAM are dropped. Never throws; a
    /// failed write leaves no partial file.
    func save(_ states: [(relative: String, path: String, state: JournalFileState)]) {
        let items = states.filter { $0.state.inode != 0 }
        lock.lock()
        let known = onDisk, packed = entriesOnDisk
        lock.unlock()
        let changed = packed != items.count || items.contains { item in
            guard let d = known[item.relative] else { return true }
            return d.inode != item.state.inode || d.consumed != item.state.consumed
        }
        guard changed, Self.makeDirectories(directory) else { return }
        // One entry at a time, encoded and written: only the entry being written is held.
        var kept: [(relative: String, inode: UInt64, consumed: Int)] = []
        let written = Self.writeAtomically(to: packPath) { fd in
            var pack = JournalCachePack.Writer { JournalCachePack.write($0, to: fd) }
            for item in items {
                let s = item.state
                let length = min(Self.checkLength, s.consumed)
                // A journal file that cannot be read back is left out (its next load parses it).
                guard let check = Self.checkHash(path: item.path, consumed: s.consumed, length: length) else { continue }
                let header = JournalCacheCodec.Header(relative: item.relative, device: s.device, inode: s.inode, consumed: s.consumed,
                                                      lines: s.lines, checkLength: length, checkHash: check)
                withExtendedLifetime(s.log) {
                    let p = JournalCacheCodec.pieces(s, header: header)
                    p.head.withUnsafeBytes { pack.add(item.relative, [$0, p.text, p.records]) }
                }
                kept.append((item.relative, s.inode, s.consumed))
            }
            return pack.finish()
        }
        lock.lock()
        closePack()
        if written {
            entriesOnDisk = kept.count
            onDisk = [:]
            for k in kept { onDisk[k.relative] = (k.inode, k.consumed) }
        }
        lock.unlock()
        // Entries of older versions of Meridian, one file per journal file, are dropped.
        for name in SafeFiles.list(directory) where name.hasSuffix(".mjc") {
            unlink(directory + "/" + name)
        }
    }

    /// Writes `bytes` to a unique temporary file beside `path`, then renames it over `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String) -> Bool {
        writeAtomically(to: path) { fd in bytes.withUnsafeBytes { JournalCachePack.write($0, to: fd) } }
    }

    /// Lets `fill` write a unique temporary file beside `path` (false: it failed), then renames
    /// it over `path`.
    static func writeAtomically(to path: String, fill: (Int32) -> Bool) -> Bool {
        var g = SystemRandomNumberGenerator()
        let temp = path + ".\(getpid()).\(String(g.next() as UInt64, radix: 16)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        let ok = fill(fd)
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
