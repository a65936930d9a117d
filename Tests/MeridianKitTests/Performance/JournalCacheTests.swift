import Foundation
import Testing
@testable import MeridianKit
#if canImport(Glibc)
import Glibc
#endif

/// The journal cache never changes an answer: a team loaded through it (fresh, warm, after
/// appends, truncations, replaced files, conflict copies, a corrupt or foreign cache) shows
/// exactly what a load without it shows, and TEAM itself is never written.
@Suite struct JournalCacheTests {
    /// A team with every payload form, bad lines, a clashing id and random traffic in two files.
    static func richTeam() -> TeamFixture {
        let f = TeamFixture(teamToml: "name = \"Cache\"\ncolumns = [\"Todo\", \"Doing\", \"Done\"]\n")
        f.member("ann")
        f.member("bob", zone: "Asia/Kathmandu")
        f.write("oncall/primary.toml", "name = \"P\"\ntimezone = \"Europe/Berlin\"\nstart = \"2026-11-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\", \"bob\"]\n")
        var a = ""
        a += Line.event(id: "c1", lc: 10, by: "ann", op: "task.create", #""task":"T-1","title":"Ünïcode ✓ \"q\"","column":"Doing","priority":"urgent","labels":["ops","ui"],"due":"2026-12-01","notes":"n\nl""#)
        a += Line.event(id: "c2", lc: 11, by: "ann", op: "task.create", #""task":"T.2","title":"Due instant","due":"2026-12-01T10:00:00+05:45""#)
        a += Line.event(id: "e1", lc: 12, by: "bob", op: "task.edit", #""task":"T-1","title":"New","priority":null,"labels":null,"due":"2026-12-02T00:00:00Z","notes":null"#)
        a += Line.event(id: "e2", lc: 13, by: "bob", op: "task.edit", #""task":"T.2","priority":"low","labels":["x"],"due":null,"notes":"set""#)
        a += Line.event(id: "m1", lc: 14, by: "ann", op: "task.move", #""task":"T.2","column":"Attic""#)
        a += Line.event(id: "a1", lc: 15, by: "ann", op: "task.assign", #""task":"T-1","to":null"#)
        a += Line.event(id: "a2", lc: 16, by: "ann", op: "task.assign", #""task":"T-1","to":"bob""#)
        a += Line.event(id: "k1", lc: 17, by: "ann", op: "task.claim", #""task":"T.2""#)
        a += Line.event(id: "k2", lc: 18, by: "bob", op: "task.claim", #""task":"T.2""#)
        a += Line.event(id: "r1", lc: 19, by: "ann", op: "task.release", #""task":"T.2""#)
        a += Line.event(id: "s1", lc: 20, by: "ann", op: "status.set", #""text":"Lunch","kind":"away","until":"2026-11-25T13:00:00Z""#)
        a += Line.event(id: "s2", lc: 21, by: "bob", op: "status.set", #""text":"Deep","kind":"focus""#)
        a += Line.event(id: "s3", lc: 22, by: "bob", op: "status.clear")
        a += Line.event(id: "t1", lc: 23, by: "ann", op: "timeoff.add", #""from":"2026-12-01","to":"2026-12-03","note":"trip""#)
        a += Line.event(id: "t2", lc: 24, by: "ann", op: "timeoff.add", #""from":"2026-12-10T00:00:00Z","to":"2026-12-11T00:00:00Z""#)
        a += Line.event(id: "t3", lc: 25, by: "ann", op: "timeoff.cancel", #""ref":"t2""#)
        a += Line.event(id: "o1", lc: 26, by: "bob", op: "oncall.override", #""rotation":"primary","member":"bob","from":"2026-11-25T00:00:00Z","to":"2026-11-26T00:00:00Z""#)
        a += Line.event(id: "o2", lc: 27, by: "bob", op: "oncall.override", #""rotation":"ghost","member":"bob","from":"2026-11-25T00:00:00Z","to":"2026-11-26T00:00:00Z""#)
        a += Line.event(id: "o3", lc: 28, by: "ann", op: "oncall.cancel", #""ref":"o1""#)
        a += Line.event(id: "x1", lc: 29, by: "ann", op: "future.op", #""whatever":1"#)
        a += Line.event(id: "cm", lc: 30, by: "bob", op: "task.comment", #""task":"T-1","text":"tab\there""#)
        a += Line.event(id: "d1", lc: 31, by: "bob", op: "task.delete", #""task":"T-1""#)
        a += "not json\n\n   \n" + "{\"id\":\"bad\",\"lc\":\"1\"}\n"
        a += Line.event(id: "c1", lc: 10, by: "ann", op: "task.create", #""task":"T-9","title":"same id, other content""#)
        f.write("journal/ann/lap.jsonl", a)
        var rng = SeededRandom(seed: 77)
        let random = RandomJournal.events(count: 300, rng: &rng).enumerated().map { $1.line(lc: Int64(100 + $0 / 2)) }.joined()
        f.write("journal/bob/desk.jsonl", random + "{\"id\":\"partial\"")
        return f
    }

    static func uncached(_ f: TeamFixture) throws -> String { SnapshotDump.text(try Team(path: f.path).snapshot) }

    static func cached(_ f: TeamFixture, _ dir: String) throws -> String {
        SnapshotDump.text(try Team(path: f.path, cache: JournalCache(directory: dir)).snapshot)
    }

    /// The journal files the pack in `dir` holds entries for.
    static func packed(_ dir: String) -> [String] {
        (JournalCachePack.entries(at: dir + "/" + JournalCachePack.fileName) ?? []).map(\.name).sorted()
    }

    static func tempDir() -> String { NSTemporaryDirectory() + "meridian-cache-test-" + UUID().uuidString.lowercased() }

    /// The sorted list of files under `path` with their sizes: TEAM must not change.
    static func tree(_ path: String) -> [String] {
        let e = FileManager.default.enumerator(atPath: path)!
        return (e.allObjects as! [String]).sorted().map { "\($0) \(SafeFiles.info(path + "/" + $0).size)" }
    }

    @Test func everyPayloadRoundTripsThroughTheCodec() throws {
        let f = Self.richTeam()
        let store = JournalStore(teamPath: f.path)
        store.refresh()
        for rel in store.filePaths {
            var fresh = JournalFileState()
            let info = SafeFiles.info(f.path + "/" + rel)
            _ = JournalFileReader.update(&fresh, path: f.path + "/" + rel, relative: rel, info: info)
            let header = JournalCacheCodec.Header(relative: rel, device: fresh.device, inode: fresh.inode, consumed: fresh.consumed,
                                                  lines: fresh.lines, checkLength: 0, checkHash: 0)
            let bytes = JournalCacheCodec.encode(fresh, header: header)
            let back = try bytes.withUnsafeBytes { buf in
                let (h, r) = try JournalCacheCodec.header(buf)
                #expect(h == header)
                return try JournalCacheCodec.state(h, r)
            }
            let freshEvents = fresh.log.events(file: rel), backEvents = back.log.events(file: rel)
            #expect(backEvents.count == freshEvents.count && !freshEvents.isEmpty)
            for (x, y) in zip(freshEvents, backEvents) {
                #expect(x.id == y.id && x.lc == y.lc && x.by == y.by && x.op == y.op)
                #expect(x.at.timeIntervalSince1970.bitPattern == y.at.timeIntervalSince1970.bitPattern)
                #expect(x.payload == y.payload, "\(x.id)")
                #expect(x.source == y.source && x.contentHash == y.contentHash)
            }
            #expect(back.problems == fresh.problems)
            #expect(back.tail == fresh.tail && back.consumed == fresh.consumed && back.lines == fresh.lines)
        }
    }

    @Test func warmLoadsMatchUncachedThroughAppendsAndRewrites() throws {
        let f = Self.richTeam()
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = Self.tree(f.path)
        #expect(try Self.cached(f, dir) == Self.uncached(f)) // fresh: writes the cache
        #expect(Self.packed(dir) == ["journal/ann/lap.jsonl", "journal/bob/desk.jsonl"])
        #expect(SafeFiles.list(dir) == [JournalCachePack.fileName], "one file holds the whole cache")
        #expect(try Self.cached(f, dir) == Self.uncached(f)) // warm: reads it
        #expect(Self.tree(f.path) == before, "TEAM stays cache-free")

        // The partial line completes, and more lines arrive: only new bytes are parsed.
        f.append("journal/bob/desk.jsonl", ",\"lc\":500,\"at\":\"2026-11-25T10:00:00Z\",\"by\":\"bob\",\"op\":\"task.create\",\"task\":\"T9\",\"title\":\"late\"}\n")
        f.append("journal/ann/lap.jsonl", Line.event(id: "late", lc: 600, by: "ann", op: "task.comment", #""task":"T.2","text":"hi""#))
        #expect(try Self.cached(f, dir) == Self.uncached(f))
        #expect(try Self.cached(f, dir) == Self.uncached(f))

        // Truncated in place (same inode, shorter).
        let lap = f.path + "/journal/ann/lap.jsonl"
        #expect(truncate(lap, 400) == 0)
        #expect(try Self.cached(f, dir) == Self.uncached(f))

        // Rewritten in place with the same length: different bytes before the read offset.
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: f.path + "/journal/bob/desk.jsonl")))
        _ = try Self.cached(f, dir)
        if let i = bytes.lastIndex(of: UInt8(ascii: "n")) { bytes[i] = UInt8(ascii: "N") }
        let fd = open(f.path + "/journal/bob/desk.jsonl", O_WRONLY)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        close(fd)
        #expect(try Self.cached(f, dir) == Self.uncached(f))

        // Replaced by another file (a new inode), as sync tools deliver files.
        let replacement = f.path + "/journal/ann/.tmp-lap"
        try Data((Line.create("R1", id: "rep", lc: 700) + Line.event(id: "c2", lc: 11, by: "ann", op: "task.create", #""task":"T.2","title":"Due instant","due":"2026-12-01T10:00:00+05:45""#)).utf8)
            .write(to: URL(fileURLWithPath: replacement))
        #expect(rename(replacement, lap) == 0)
        #expect(try Self.cached(f, dir) == Self.uncached(f))

        // A conflict copy appears, then disappears.
        f.write("journal/ann/lap.sync-conflict-20261125-120000-ABCDEFG.jsonl", Line.create("R1", id: "rep", lc: 700) + Line.create("R2", id: "r2", lc: 701))
        #expect(try Self.cached(f, dir) == Self.uncached(f))
        #expect(Self.packed(dir).count == 3)
        unlink(f.path + "/journal/ann/lap.sync-conflict-20261125-120000-ABCDEFG.jsonl")
        #expect(try Self.cached(f, dir) == Self.uncached(f))
        #expect(Self.packed(dir).count == 2, "entries of vanished files are dropped")
    }

    @Test func corruptTruncatedAndForeignEntriesAreIgnoredAndRewritten() throws {
        let f = Self.richTeam()
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let truth = try Self.uncached(f)
        _ = try Self.cached(f, dir)
        let entries = [dir + "/" + JournalCachePack.fileName]
        let originals = try entries.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        var rng = SeededRandom(seed: 3)
        func flip(_ d: Data, at i: Int, _ mask: UInt8) -> Data {
            var d = d
            d[d.startIndex + i] ^= mask
            return d
        }
        let damages: [(Data) -> Data] = [
            { d in d.prefix(d.count / 2) },            // truncated
            { _ in Data() },                           // empty
            { d in flip(d, at: 8, 0xFF) },             // another version
            { d in flip(d, at: d.count - 3, 0x01) },   // a flipped bit
            { d in flip(d, at: 0, 0x20) },             // not a cache file
            { d in d + Data([0, 1, 2]) },              // trailing garbage
        ]
        for damage in damages {
            for (path, original) in zip(entries, originals) { try damage(original).write(to: URL(fileURLWithPath: path)) }
            #expect(try Self.cached(f, dir) == truth)
            // Rewritten whole: the next load reads it back.
            for (path, original) in zip(entries, originals) {
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
            }
        }
        // Random byte damage anywhere: never a crash, never a different answer.
        for _ in 0..<40 {
            let k = Int(rng.next() % UInt64(entries.count))
            var d = originals[k]
            for _ in 0..<(1 + Int(rng.next() % 4)) { d[Int(rng.next() % UInt64(d.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            try d.write(to: URL(fileURLWithPath: entries[k]))
            #expect(try Self.cached(f, dir) == truth)
        }
    }

    /// A valid entry is really read (not re-parsed): an entry edited on purpose shows through.
    @Test func aValidEntryIsUsedInsteadOfParsing() throws {
        let f = Self.richTeam()
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Self.cached(f, dir)
        let pack = dir + "/" + JournalCachePack.fileName
        var entries = try #require(JournalCachePack.entries(at: pack))
        let k = try #require(entries.firstIndex { $0.name == "journal/ann/lap.jsonl" })
        let (header, state) = try entries[k].entry.withUnsafeBytes { buf in
            let (h, r) = try JournalCacheCodec.header(buf)
            return (h, try JournalCacheCodec.state(h, r))
        }
        var edited = state
        var events = state.log.events(file: "journal/ann/lap.jsonl")
        guard case .taskCreate(var fields) = events[1].payload else { Issue.record("expected a create"); return }
        fields.title = "From the cache"
        events[1].payload = .taskCreate(fields)
        edited.log = EventLog()
        for e in events { edited.log.append(e) }
        entries[k].entry = JournalCacheCodec.encode(edited, header: header)
        #expect(JournalCache.writeAtomically(JournalCachePack.bytes(entries), to: pack))
        let warm = try Self.cached(f, dir)
        #expect(warm.contains("'From the cache'"))
        #expect(try !Self.uncached(f).contains("From the cache"))
    }

    @Test func anEntryForAnotherFileIsNotUsed() throws {
        let f = Self.richTeam()
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Self.cached(f, dir)
        // Swap the two entries' names: each names the other journal file inside.
        let pack = dir + "/" + JournalCachePack.fileName
        let entries = try #require(JournalCachePack.entries(at: pack))
        #expect(entries.count == 2)
        let swapped = [(name: entries[1].name, entry: entries[0].entry), (name: entries[0].name, entry: entries[1].entry)]
        #expect(JournalCache.writeAtomically(JournalCachePack.bytes(swapped), to: pack))
        #expect(try Self.cached(f, dir) == Self.uncached(f))
    }

    @Test func concurrentLoadsShareTheCacheSafely() throws {
        let f = Self.richTeam()
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for round in 0..<3 {
            f.append("journal/ann/lap.jsonl", Line.event(id: "cc\(round)", lc: Int64(900 + round), by: "ann", op: "task.comment", #""task":"T.2","text":"r""#))
            let truth = try Self.uncached(f)
            let results = Results()
            let team = f.path
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                results.add((try? Team(path: team, cache: JournalCache(directory: dir))).map { SnapshotDump.text($0.snapshot) } ?? "failed")
            }
            #expect(results.all.count == 4 && results.all.allSatisfy { $0 == truth })
            #expect(try Self.cached(f, dir) == truth)
            #expect(!SafeFiles.list(dir).contains { $0.hasSuffix(".tmp") }, "no temporary file left behind")
        }
    }

    /// A warm start with nothing new leaves the pack alone; an append rewrites it; a cache
    /// folder from an older Meridian (one `.mjc` file per journal file) is cleared.
    @Test func thePackIsRewrittenOnlyWhenAJournalChanged() throws {
        let f = Self.richTeam()
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(JournalCache.makeDirectories(dir))
        #expect(JournalCache.writeAtomically(Array("an old entry".utf8), to: dir + "/0123456789abcdef.mjc"))
        _ = try Self.cached(f, dir)
        let pack = dir + "/" + JournalCachePack.fileName
        #expect(SafeFiles.list(dir) == [JournalCachePack.fileName], "the old entries are gone")
        let first = SafeFiles.info(pack).inode
        let warm = try Team(path: f.path, cache: JournalCache(directory: dir))
        warm.saveCache()
        #expect(SafeFiles.info(pack).inode == first, "nothing new: not rewritten")
        f.append("journal/ann/lap.jsonl", Line.event(id: "new", lc: 800, by: "ann", op: "task.comment", #""task":"T.2","text":"x""#))
        #expect(try Self.cached(f, dir) == Self.uncached(f))
        #expect(SafeFiles.info(pack).inode != first, "an append rewrites it")
        // A load that wrote the pack itself knows what it wrote: saving again writes nothing.
        f.append("journal/ann/lap.jsonl", Line.event(id: "newer", lc: 801, by: "ann", op: "task.comment", #""task":"T.2","text":"y""#))
        let team = try Team(path: f.path, cache: JournalCache(directory: dir))
        let written = SafeFiles.info(pack).inode
        #expect(written != first)
        team.saveCache()
        #expect(SafeFiles.info(pack).inode == written, "a save right after the load's own save writes nothing")
    }

    /// A cache written in the background while the load goes on holds what a write in line holds.
    @Test func aBackgroundSaveWritesTheSamePack() throws {
        let f = Self.richTeam()
        let inline = Self.tempDir(), background = Self.tempDir()
        defer {
            try? FileManager.default.removeItem(atPath: inline)
            try? FileManager.default.removeItem(atPath: background)
        }
        _ = try Team(path: f.path, cache: JournalCache(directory: inline))
        let team = try Team(path: f.path, cache: JournalCache(directory: background), saveCacheInBackground: true)
        team.finishCacheSave()
        let a = try Data(contentsOf: URL(fileURLWithPath: inline + "/" + JournalCachePack.fileName))
        let b = try Data(contentsOf: URL(fileURLWithPath: background + "/" + JournalCachePack.fileName))
        #expect(a == b && !a.isEmpty)
        // A reload waits for the write before reading on.
        f.append("journal/ann/lap.jsonl", Line.event(id: "bg", lc: 900, by: "ann", op: "task.comment", #""task":"T.2","text":"x""#))
        let warm = try Team(path: f.path, cache: JournalCache(directory: background), saveCacheInBackground: true)
        try warm.reload()
        #expect(SnapshotDump.text(warm.snapshot) == (try Self.uncached(f)))
    }

    @Test func theCacheDirectoryDependsOnTheRealPath() throws {
        let f = TeamFixture()
        let viaDots = f.path + "/../" + (f.path as NSString).lastPathComponent
        #expect(JournalCache.directory(stateDirectory: "/s", teamPath: f.path) == JournalCache.directory(stateDirectory: "/s", teamPath: viaDots))
        #expect(JournalCache.directory(stateDirectory: "/s", teamPath: f.path) != JournalCache.directory(stateDirectory: "/s", teamPath: NSTemporaryDirectory()))
        #expect(JournalCache.directory(stateDirectory: "/s", teamPath: f.path).hasPrefix("/s/cache/"))
    }

    @Test func anUnwritableCacheNeverFailsALoad() throws {
        let f = Self.richTeam()
        let blocker = Self.tempDir()
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("a file, not a folder".utf8))
        defer { unlink(blocker) }
        #expect(try Self.cached(f, blocker + "/cache") == Self.uncached(f))
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var all: [String] = []
        func add(_ s: String) { lock.lock(); all.append(s); lock.unlock() }
    }
}
