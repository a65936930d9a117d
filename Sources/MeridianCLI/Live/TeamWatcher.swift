import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches TEAM with inotify: the top folder (team.toml), `members/`, `oncall/` and every folder
/// under `journal/` (added as they appear). Never follows symbolic links; skips dot folders.
/// The caller polls `fd` and calls `drain()` when it is readable.
final class TeamWatcher {
    /// What changed since the last drain.
    struct Change: Equatable {
        /// team.toml, a member file or a rotation file (or a folder of them).
        var config = false
        /// A journal file or folder.
        var journal = false
        var any: Bool { config || journal }
    }

    let teamPath: String
    /// The inotify descriptor, non-blocking; -1 when inotify is unavailable.
    private(set) var fd: Int32 = -1
    /// Watch descriptor → the folder it watches, relative to TEAM ("" for TEAM itself).
    private var folders: [Int32: String] = [:]

    static let fileEvents = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ATTRIB)
    static let mask = fileEvents | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)

    init(teamPath: String) {
        self.teamPath = teamPath
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        watch("")
        watch("members")
        watch("oncall")
        watchTree("journal")
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Adds a watch on one folder (relative to TEAM); false if it does not exist or is a link.
    @discardableResult
    private func watch(_ relative: String) -> Bool {
        guard fd >= 0 else { return false }
        let path = relative.isEmpty ? teamPath : teamPath + "/" + relative
        let wd = inotify_add_watch(fd, path, Self.mask)
        guard wd >= 0 else { return false }
        folders[wd] = relative
        return true
    }

    /// Watches a folder and every folder below it (skipping dot folders and links).
    private func watchTree(_ relative: String) {
        guard watch(relative) else { return }
        let path = teamPath + "/" + relative
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in entries where !name.hasPrefix(".") {
            var st = stat()
            guard lstat(path + "/" + name, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { continue }
            watchTree(relative + "/" + name)
        }
    }

    /// Reads every pending event; re-adds watches for folders created or moved in.
    func drain() -> Change {
        var change = Change()
        guard fd >= 0 else { return change }
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, size)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            var offset = 0
            while offset + 16 <= n {
                let wd = buffer.load(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
                var name = ""
                if length > 0, offset + 16 + length <= n {
                    let bytes = UnsafeRawBufferPointer(start: buffer + offset + 16, count: length)
                    name = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                offset += 16 + length
                handle(wd: wd, mask: mask, name: name, into: &change)
            }
        }
        return change
    }

    private func handle(wd: Int32, mask: UInt32, name: String, into change: inout Change) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            change.config = true
            change.journal = true
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[wd] = nil
            return
        }
        guard let folder = folders[wd] else { return }
        if name.hasPrefix(".") { return }
        let relative = folder.isEmpty ? name : folder + "/" + name
        let isDir = mask & UInt32(IN_ISDIR) != 0
        if isDir, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            if folder.isEmpty {
                if name == "members" || name == "oncall" { watch(name) } else if name == "journal" { watchTree(name) }
            } else if relative.hasPrefix("journal/") {
                watchTree(relative)
            }
        }
        if relative == "team.toml" || relative == "members" || relative == "oncall" || folder == "members" || folder == "oncall" {
            change.config = true
        } else if relative == "journal" || relative.hasPrefix("journal/") {
            if isDir || name.hasSuffix(".jsonl") || name.isEmpty { change.journal = true }
        }
    }
}
