import Foundation
import Testing
@testable import MeridianKit
#if canImport(Glibc)
import Glibc
#endif

/// `JournalTree` (folder descriptors, `d_type`, member folders on all cores) finds exactly what a
/// walk by whole paths with `SafeFiles` finds, problems included, on a tree with every oddity.
@Suite struct JournalTreeTests {
    /// The walk as it was written with `SafeFiles.listing` and `SafeFiles.info` on whole paths.
    static func pathWalk(_ team: String, _ relative: String, _ depth: Int, _ files: inout [(String, SafeFiles.Info)], _ problems: inout [Problem]) {
        let path = team + "/" + relative
        if depth == 0 {
            switch SafeFiles.info(path).kind {
            case .directory: break
            case .missing: return
            case .symlink: problems.append(Problem(file: relative, message: "symbolic link not followed")); return
            default: problems.append(Problem(file: relative, message: "not a directory; no journals read")); return
            }
        }
        guard depth <= JournalStore.maxDepth else {
            problems.append(Problem(file: relative, message: "journal folders nested deeper than \(JournalStore.maxDepth) levels are not read"))
            return
        }
        let listing = SafeFiles.listing(path)
        for name in listing.invalidNames where !name.hasPrefix(".") && (name.hasSuffix(".jsonl") || !name.contains(".")) {
            problems.append(Problem(file: relative + "/" + name, message: "file name is not valid UTF-8; not read (rename it)"))
        }
        for name in listing.names where !name.hasPrefix(".") {
            let rel = relative + "/" + name
            let info = SafeFiles.info(team + "/" + rel)
            switch info.kind {
            case .directory: pathWalk(team, rel, depth + 1, &files, &problems)
            case .file: if name.hasSuffix(".jsonl") { files.append((rel, info)) }
            case .symlink: if name.hasSuffix(".jsonl") || !name.contains(".") { problems.append(Problem(file: rel, message: "symbolic link not followed")) }
            case .other: if name.hasSuffix(".jsonl") { problems.append(Problem(file: rel, message: "not a regular file; skipped")) }
            case .missing: break
            }
        }
    }

    @Test func folderWalkMatchesThePathWalk() throws {
        let f = TeamFixture()
        // Enough member folders to be looked through on several threads.
        for m in 0..<150 { f.write("journal/m\(m)/lap.jsonl", "\n") }
        f.write("journal/m7/lap.sync-conflict-1.jsonl", "\n")
        f.write("journal/m7/.syncthing.lap.jsonl.tmp", "\n")
        f.write("journal/m7/notes.txt", "x")
        f.write("journal/.stversions/old.jsonl", "\n")
        f.symlink("journal/m8/link.jsonl", to: "/etc/passwd")
        f.symlink("journal/m9/out", to: "/tmp")
        f.symlink("journal/m9/pic.png", to: "/tmp")
        #expect(mkfifo(f.path + "/journal/m10/pipe.jsonl", 0o600) == 0)
        var deep = "journal/deep"
        for _ in 0..<(JournalStore.maxDepth + 2) { deep += "/d" }
        f.write(deep + "/x.jsonl", "\n")
        f.write("journal/deep/d/ok.jsonl", "\n")
        var bad = Array((f.path + "/journal/m11/bad-").utf8)
        bad += [0xFF, 0xFE] + Array(".jsonl".utf8) + [0]
        let fd = bad.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o600) }
        if fd >= 0 { close(fd) }
        var files: [(String, SafeFiles.Info)] = [], problems: [Problem] = []
        Self.pathWalk(f.path, "journal", 0, &files, &problems)
        let walk = JournalTree.walk(teamPath: f.path, maxDepth: JournalStore.maxDepth, maxFiles: JournalStore.maxFiles)
        #expect(walk.files.map(\.0) == files.map(\.0))
        #expect(walk.files.map(\.1.size) == files.map(\.1.size) && walk.files.map(\.1.inode) == files.map(\.1.inode))
        #expect(walk.problems == problems)
        #expect(files.count > 150 && problems.count >= 5)
        // At most `maxFiles`, in the same order.
        let capped = JournalTree.walk(teamPath: f.path, maxDepth: JournalStore.maxDepth, maxFiles: 77)
        #expect(capped.files.map(\.0) == Array(files.prefix(77)).map(\.0))
    }

    @Test func aJournalFolderThatIsALinkOrAFileIsAProblem() {
        let link = TeamFixture()
        link.symlink("journal", to: "/tmp")
        #expect(JournalTree.walk(teamPath: link.path, maxDepth: 16, maxFiles: 10).problems.map(\.message) == ["symbolic link not followed"])
        let file = TeamFixture()
        file.write("journal", "x")
        #expect(JournalTree.walk(teamPath: file.path, maxDepth: 16, maxFiles: 10).problems.map(\.message) == ["not a directory; no journals read"])
        #expect(JournalTree.walk(teamPath: TeamFixture().path, maxDepth: 16, maxFiles: 10).files.isEmpty)
    }
}
