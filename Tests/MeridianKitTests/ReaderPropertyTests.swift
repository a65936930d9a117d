import Foundation
import Testing
@testable import MeridianKit

/// SPEC §1: every replica holding the same events shows the same board, whatever order the
/// files arrived in — checked on many random journals split across files in random orders.
@Suite struct ReaderPropertyTests {
    @Test func sameEventsInAnySplitAndOrderGiveTheSameSnapshot() throws {
        var rng = SeededRandom(seed: 0x6D65_7269_6469_616E)
        for round in 0..<40 {
            let events = RandomJournal.events(count: 20 + Int(rng.next() % 60), rng: &rng)
            // Clocks with many ties so (by, id) ordering matters.
            let lines = events.map { $0.line(lc: 1_000 + Int64(rng.next() % 25)) }

            let reference = TeamFixture()
            Self.config(reference)
            reference.write("journal/all.jsonl", lines.joined())
            let expected = SnapshotDump.text(try reference.load(), problemLocations: false)

            for _ in 0..<3 {
                let f = TeamFixture()
                Self.config(f)
                var files: [String: [String]] = [:]
                let names = ["journal/ann/lap.jsonl", "journal/bob/desk.jsonl", "journal/x/y/z.jsonl",
                             "journal/ann/lap.sync-conflict-20261125-120000-ABCDEFG.jsonl", "journal/chen (conflicted copy 2026-11-25 120000).jsonl"]
                for line in lines.shuffled(using: &rng) {
                    files[names[Int(rng.next() % UInt64(names.count))], default: []].append(line)
                    // Some events also arrive in a second file, as sync conflict copies do.
                    if rng.next() % 5 == 0 { files[names[Int(rng.next() % UInt64(names.count))], default: []].append(line) }
                }
                for (name, content) in files { f.write(name, content.joined()) }
                let got = SnapshotDump.text(try f.load(), problemLocations: false)
                #expect(got == expected, "round \(round): snapshots differ")
                if got != expected { return }
            }
        }
    }

    static func config(_ f: TeamFixture) {
        f.write("oncall/primary.toml", "timezone = \"UTC\"\nstart = \"2026-11-02 09:00\"\nshift = \"1w\"\nmembers = [\"ann\", \"bob\"]\n")
        for m in RandomJournal.members { f.member(m) }
    }
}
