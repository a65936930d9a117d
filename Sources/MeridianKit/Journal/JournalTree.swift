import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The journal files under `TEAM/journal/` (any depth; dot files, temp files and symbolic links
/// skipped, problems for what cannot be read). Each folder is opened once and its entries are
/// looked up relative to it (`fstatat`, `openat`), never through a whole path again: a refresh
/// of a big team walks its folders with about one system call per entry.
enum JournalTree {
    /// What a walk found: journal files (relative to TEAM, in name order) and problems.
    struct Walk {
        var files: [(String, SafeFiles.Info)] = []
        var problems: [Problem] = []
    }

    static func walk(teamPath: String, maxDepth: Int, maxFiles: Int) -> Walk {
        var walk = Walk()
        let relative = "journal"
        let path = teamPath + "/" + relative
        // journal/ itself is checked by path: opening it must not follow a symbolic link out of TEAM.
        switch SafeFiles.info(path).kind {
        case .directory: break
        case .missing: return walk
        case .symlink: walk.problems.append(Problem(file: relative, message: "symbolic link not followed")); return walk
        default: walk.problems.append(Problem(file: relative, message: "not a directory; no journals read")); return walk
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return walk }
        folder(fd, relative: relative, depth: 0, maxDepth: maxDepth, maxFiles: maxFiles, into: &walk)
        return walk
    }

    /// Walks the open folder `fd` (closed on return), `relative` to TEAM.
    private static func folder(_ fd: Int32, relative: String, depth: Int, maxDepth: Int, maxFiles: Int, into walk: inout Walk) {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return
        }
        defer { closedir(dir) }
        let (names, types, invalidNames) = entries(dir)
        for name in invalidNames where !name.hasPrefix(".") && (name.hasSuffix(".jsonl") || !name.contains(".")) {
            walk.problems.append(Problem(file: relative + "/" + name, message: "file name is not valid UTF-8; not read (rename it)"))
        }
        let here = dirfd(dir)
        // A big folder (journal/ of a big team: a folder per member) is looked through on all
        // cores, each taking a run of names; the runs' findings are put back in name order.
        let runs = names.count >= parallelEntries && ProcessInfo.processInfo.activeProcessorCount > 1
            ? min(names.count / (parallelEntries / 2), 4 * ProcessInfo.processInfo.activeProcessorCount) : 1
        if runs > 1 {
            let found = Found(runs)
            DispatchQueue.concurrentPerform(iterations: runs) { k in
                var part = Walk()
                for i in (k * names.count / runs)..<((k + 1) * names.count / runs) {
                    entry(here, names[i], types[i], relative: relative, depth: depth, maxDepth: maxDepth, maxFiles: maxFiles, into: &part)
                }
                found.walks[k] = part
            }
            for part in found.walks {
                walk.problems += part.problems
                walk.files += part.files.prefix(max(0, maxFiles - walk.files.count))
            }
        } else {
            for i in names.indices {
                entry(here, names[i], types[i], relative: relative, depth: depth, maxDepth: maxDepth, maxFiles: maxFiles, into: &walk)
            }
        }
    }

    /// Folders with at least this many entries are looked through on several threads.
    static let parallelEntries = 64

    /// Each worker fills only its own slot.
    private final class Found: @unchecked Sendable {
        let walks: UnsafeMutableBufferPointer<Walk>
        init(_ n: Int) { walks = .allocate(capacity: n); walks.initialize(repeating: Walk()) }
        deinit { walks.deinitialize(); walks.deallocate() }
    }

    /// One entry of the open folder `here` (`relative` to TEAM); `type` is its `d_type`, which
    /// spares a look-up for a folder.
    private static func entry(_ here: Int32, _ name: String, _ type: UInt8, relative: String, depth: Int, maxDepth: Int, maxFiles: Int,
                              into walk: inout Walk) {
        if name.hasPrefix(".") { return }
        let rel = relative + "/" + name
        let info = type == UInt8(DT_DIR) ? SafeFiles.Info(kind: .directory, size: 0, device: 0, inode: 0, modified: 0) : self.info(here, name)
        switch info.kind {
        case .directory:
            guard depth + 1 <= maxDepth else {
                walk.problems.append(Problem(file: rel, message: "journal folders nested deeper than \(maxDepth) levels are not read"))
                return
            }
            let sub = openat(here, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if sub >= 0 { folder(sub, relative: rel, depth: depth + 1, maxDepth: maxDepth, maxFiles: maxFiles, into: &walk) }
        case .file:
            if name.hasSuffix(".jsonl"), walk.files.count < maxFiles { walk.files.append((rel, info)) }
        case .symlink:
            if name.hasSuffix(".jsonl") || !name.contains(".") {
                walk.problems.append(Problem(file: rel, message: "symbolic link not followed"))
            }
        case .other:
            if name.hasSuffix(".jsonl") { walk.problems.append(Problem(file: rel, message: "not a regular file; skipped")) }
        case .missing:
            break
        }
    }

    /// A folder's entry names (not `.` or `..`), sorted byte-wise, with their `d_type`: those that
    /// are valid UTF-8, and the others (shown with U+FFFD), as `SafeFiles.listing` gives them.
    private static func entries(_ dir: OpaquePointer) -> ([String], [UInt8], [String]) {
        var named: [(String, UInt8)] = [], invalid: [String] = []
        while let entry = readdir(dir) {
            let type = entry.pointee.d_type
            let (name, valid) = SafeFiles.entryName(entry)
            if name == "." || name == ".." { continue }
            if valid { named.append((name, type)) } else { invalid.append(name) }
        }
        named.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        invalid.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (named.map(\.0), named.map(\.1), invalid)
    }

    /// `SafeFiles.info` of an entry of the open folder `dir` (a symbolic link is reported, not followed).
    private static func info(_ dir: Int32, _ name: String) -> SafeFiles.Info {
        var st = stat()
        guard fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
            return SafeFiles.Info(kind: .missing, size: 0, device: 0, inode: 0, modified: 0)
        }
        let mode = st.st_mode & S_IFMT
        let kind: SafeFiles.Kind = mode == S_IFREG ? .file : mode == S_IFDIR ? .directory : mode == S_IFLNK ? .symlink : .other
        let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        return SafeFiles.Info(kind: kind, size: Int(st.st_size), device: UInt64(st.st_dev), inode: UInt64(st.st_ino), modified: mtime)
    }
}
