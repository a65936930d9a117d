import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File-system access that never follows a symbolic link and never blocks on a FIFO or device.
public enum SafeFiles {
    /// What a directory entry is, from `lstat` (links are reported, not followed).
    public enum Kind: Sendable { case file, directory, symlink, other, missing }

    /// The kind, size, device and inode of a path, without following a final symlink.
    public struct Info: Sendable {
        public var kind: Kind
        public var size: Int
        public var device: UInt64
        public var inode: UInt64
        public var modified: Double
    }

    public static func info(_ path: String) -> Info {
        var st = stat()
        guard lstat(path, &st) == 0 else { return Info(kind: .missing, size: 0, device: 0, inode: 0, modified: 0) }
        let mode = st.st_mode & S_IFMT
        let kind: Kind = mode == S_IFREG ? .file : mode == S_IFDIR ? .directory : mode == S_IFLNK ? .symlink : .other
        let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        return Info(kind: kind, size: Int(st.st_size), device: UInt64(st.st_dev), inode: UInt64(st.st_ino), modified: mtime)
    }

    /// Names in a directory (not `.`/`..`), sorted byte-wise; empty when it cannot be read or is
    /// a symbolic link. Names that are not valid UTF-8 are left out (see `listing`).
    public static func list(_ path: String) -> [String] { listing(path).names }

    /// A directory's entries: the names that are valid UTF-8, sorted byte-wise, and the others
    /// (shown with U+FFFD), which cannot be opened by name from Swift and are reported instead.
    public struct Listing: Sendable {
        public var names: [String] = []
        public var invalidNames: [String] = []
    }

    /// A directory entry's name, and whether it is valid UTF-8 (if not, shown with U+FFFD).
    static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> (name: String, valid: Bool) {
        withUnsafeBytes(of: entry.pointee.d_name) { raw -> (String, Bool) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.firstIndex(of: 0) ?? bytes.count
            let slice = UnsafeBufferPointer(rebasing: bytes[0..<n])
            if let s = String(validating: slice, as: UTF8.self) { return (s, true) }
            return (String(decoding: slice, as: UTF8.self), false)
        }
    }

    /// Lists a directory without following a symbolic link at its last component.
    public static func listing(_ path: String) -> Listing {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return Listing() }
        guard let dir = fdopendir(fd) else { close(fd); return Listing() }
        defer { closedir(dir) }
        var out = Listing()
        while let entry = readdir(dir) {
            let (name, valid) = entryName(entry)
            if name == "." || name == ".." { continue }
            if valid { out.names.append(name) } else { out.invalidNames.append(name) }
        }
        out.names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        out.invalidNames.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return out
    }

    /// Reads a whole regular file (not through a symlink), at most `limit` bytes.
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], FileError> {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(FileError(errno: errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(FileError(errno: errno)) }
        guard st.st_mode & S_IFMT == S_IFREG else { return .failure(FileError(message: "not a regular file")) }
        guard Int(st.st_size) <= limit else { return .failure(FileError(message: "file is \(st.st_size) bytes, over the \(limit / 1024) KiB limit")) }
        return readAll(fd: fd, from: 0, upTo: Int(st.st_size)).map { $0 }
    }

    /// Reads `length` bytes at `offset` of a regular file (not through a symlink): a line of a big
    /// journal costs only its own size.
    public static func read(_ path: String, offset: Int, length: Int) -> Result<[UInt8], FileError> {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(FileError(errno: errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(FileError(errno: errno)) }
        guard st.st_mode & S_IFMT == S_IFREG else { return .failure(FileError(message: "not a regular file")) }
        return readAll(fd: fd, from: offset, upTo: offset + max(0, length))
    }

    /// Reads bytes [from, upTo) of an open file.
    static func readAll(fd: Int32, from: Int, upTo: Int) -> Result<[UInt8], FileError> {
        let count = max(0, upTo - from)
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { buf in
                pread(fd, buf.baseAddress! + done, count - done, off_t(from + done))
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileError(errno: errno))
            }
            if n == 0 { break }
            done += n
        }
        if done < count { out.removeLast(count - done) }
        return .success(out)
    }

    /// An I/O failure as one plain sentence.
    public struct FileError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public init(message: String) { self.message = message }
        public init(errno code: Int32) { self.message = String(cString: strerror(code)) }
        public var description: String { message }
    }
}
