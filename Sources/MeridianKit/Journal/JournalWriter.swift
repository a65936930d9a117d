import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Appends events to `TEAM/journal/<member>/<device>.jsonl`: one whole line per event in a single
/// `write(2)` under an advisory lock, then fsync. Never writes through a symbolic link.
public struct JournalWriter: Sendable {
    public let teamPath: String
    public let member: String
    public let device: String

    public init(teamPath: String, member: String, device: String) {
        self.teamPath = teamPath
        self.member = member
        self.device = device
    }

    /// The journal file, relative to TEAM.
    public var relativePath: String { "journal/\(member)/\(device).jsonl" }

    /// 32 random hex digits.
    public static func newEventID() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", g.next() as UInt64) }.joined()
    }

    /// Writes one event; `fields` follow the common ones in the given order. Returns the event id.
    @discardableResult
    public func append(op: String, fields: [(key: String, value: JSONValue)], now: Date, largestLC: Int64, id: String = JournalWriter.newEventID()) throws(WriteError) -> String {
        guard Identifiers.isValidName(member) else { throw WriteError("'\(member)' is not a valid member id") }
        guard Identifiers.isValidName(device) else { throw WriteError("'\(device)' is not a valid device name") }
        try ensureDirectory("journal")
        try ensureDirectory("journal/\(member)")
        let path = teamPath + "/" + relativePath
        // Read-write: the writer reads its own file's last byte and recent clocks under the lock.
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP { throw WriteError("refusing to write through the symbolic link \(relativePath)") }
            throw WriteError("cannot open \(relativePath): \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw WriteError("cannot lock \(relativePath): \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { throw WriteError("\(relativePath) is not a regular file") }
        let size = Int(st.st_size)
        // Another process of mine may have written since TEAM was read: respect its clock too.
        let ownLargest = Self.largestLC(fd: fd, size: size)
        let lc = max(Instant.milliseconds(now), max(largestLC, ownLargest) + 1)
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id)), ("lc", .integer(lc)), ("at", .string(Instant.format(now))), ("by", .string(member)), ("op", .string(op)),
        ]
        members += fields
        let json = JSONWriter.string(members)
        // Readers skip lines over 64 KiB (not counting the `\n`): never write one.
        guard json.utf8.count <= EventDecoder.maxLineBytes else { throw WriteError("the event is larger than 64 KiB; shorten the text") }
        var line = json + "\n"
        if size > 0, Self.lastByte(fd: fd, size: size) != 0x0A { line = "\n" + line }
        let bytes = Array(line.utf8)
        // One write(2) almost always takes the whole line; if the kernel takes only part (a disk
        // filling up), finish it under the lock or take the part back.
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n > 0 { done += n; continue }
            let code = n < 0 ? errno : ENOSPC
            if n < 0 && code == EINTR { continue }
            if done > 0 { _ = ftruncate(fd, off_t(size)) }
            throw WriteError("cannot write to \(relativePath): \(String(cString: strerror(code)))")
        }
        if fsync(fd) != 0 {
            let code = errno
            // The line may not be on disk: take it back, so an error always means nothing was written.
            _ = ftruncate(fd, off_t(size))
            throw WriteError("cannot flush \(relativePath) to disk: \(String(cString: strerror(code)))")
        }
        return id
    }

    private func ensureDirectory(_ relative: String) throws(WriteError) {
        let path = teamPath + "/" + relative
        switch SafeFiles.info(path).kind {
        case .directory: return
        case .missing:
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw WriteError("cannot create \(relative): \(String(cString: strerror(errno)))")
            }
            guard SafeFiles.info(path).kind == .directory else { throw WriteError("cannot create \(relative)") }
        case .symlink: throw WriteError("refusing to write through the symbolic link \(relative)")
        default: throw WriteError("\(relative) exists and is not a directory")
        }
    }

    private static func lastByte(fd: Int32, size: Int) -> UInt8? {
        var b: UInt8 = 0
        return pread(fd, &b, 1, off_t(size - 1)) == 1 ? b : nil
    }

    /// The largest `lc` among the last few lines of my own file. Under the lock each line's clock
    /// exceeds the one before, so the last lines hold the largest; reads at most 64 KiB and parses
    /// only those lines.
    private static func largestLC(fd: Int32, size: Int) -> Int64 {
        let from = max(0, size - (EventDecoder.maxLineBytes + 2) * 2)
        guard case .success(let bytes) = SafeFiles.readAll(fd: fd, from: from, upTo: size) else { return 0 }
        var best: Int64 = 0
        var parsed = 0
        var end = bytes.count
        // Walk back line by line from the end.
        while end > 0 && parsed < 8 {
            var start = end - 1
            while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
            if end - start > 2 {
                bytes.withUnsafeBufferPointer { all in
                    let line = UnsafeBufferPointer(rebasing: all[start..<end])
                    try? JSONParser.parseObject(line) { key, value in
                        if key.count == 2, key[0] == UInt8(ascii: "l"), key[1] == UInt8(ascii: "c"), case .integer(let n) = value { best = max(best, n) }
                    }
                }
                parsed += 1
            }
            end = start - 1
        }
        return best
    }
}

/// A write that could not be done, as one plain sentence.
public struct WriteError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ d: String) { description = d }
}
