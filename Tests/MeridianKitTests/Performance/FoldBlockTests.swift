import Foundation
import Testing
@testable import MeridianKit

/// The bulk fold's block walk (gather records, look task ids up ahead, apply in merge order) and
/// the task index's short-id entries give what the plain one-event-at-a-time fold and a
/// dictionary give, on journals made to hit their corners: an id first seen inside a block and
/// named again before the block ends, ids longer than 8 bytes that share their first 8 bytes,
/// empty and 8-byte ids, creates after deletes, and events naming tasks never created.
@Suite struct FoldBlockTests {
    /// Task ids that look alike to the index's short-id entries unless it compares every byte.
    static let trickyIDs = ["T1", "ABCDEFGH", "ABCDEFG", "ABCDEFGH1", "ABCDEFGH2", "ABCDEFGHIJKLMNOP-1", "ABCDEFGHIJKLMNOP-2",
                            "ABCDEFGHIJKLMNOQ-1", "x", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"]

    /// The index numbers ids as a dictionary would, and finds each again by its bytes, through
    /// several growths of its table.
    @Test func taskIndexMatchesADictionary() {
        var index = TaskIndex()
        var reference: [String: Int] = [:]
        var rng = SeededRandom(seed: 21)
        // The index takes any bytes, not only valid task ids.
        var ids = Self.trickyIDs + ["", "ü-naïve", "ABCDEFGH\u{0}"]
        for n in 0..<3_000 { ids.append(rng.below(3) == 0 ? "ABCDEFGH-\(n)" : "T\(n % 700)") }
        for id in ids {
            var bytes = id
            let slot = bytes.withUTF8 { index.slotAdding($0, hash: JournalBytes.hash($0)) }
            if let known = reference[id] { #expect(slot == known, "\(id)") } else {
                #expect(slot == reference.count, "\(id)")
                reference[id] = slot
            }
        }
        #expect(index.count == reference.count)
        for (id, slot) in reference {
            var bytes = id
            #expect(bytes.withUTF8 { index.slot($0, hash: JournalBytes.hash($0)) } == slot, "\(id)")
            #expect(index.ids[slot] == id)
        }
        for missing in ["ABCDEFGH3", "ABCDEFGHIJKLMNOP-3", "ABCDEFG\u{0}", "T700", "t1"] {
            var bytes = missing
            #expect(bytes.withUTF8 { index.slot($0, hash: JournalBytes.hash($0)) } == nil, "\(missing)")
        }
    }

    /// Lines naming a handful of tasks over and over (so a block holds many events of one id,
    /// new ones included), spread over several files.
    static func burstyTeam(events: Int, seed: UInt64) -> TeamFixture {
        let f = TeamFixture(teamToml: "name = \"Blocks\"\ncolumns = [\"Todo\", \"Doing\", \"Done\"]\n")
        var rng = SeededRandom(seed: seed)
        let members = ["ann", "bob", "chen"]
        var files = [String](repeating: "", count: 4)
        for n in 0..<events {
            let task = Self.trickyIDs[rng.below(Self.trickyIDs.count)]
            let by = members[rng.below(members.count)]
            let fields: String
            switch rng.below(12) {
            case 0, 1: fields = "\"op\":\"task.create\",\"task\":\"\(task)\",\"title\":\"title \(n) of \(task) made a little longer\",\"labels\":[\"l\(n % 3)\"]"
            case 2: fields = "\"op\":\"task.edit\",\"task\":\"\(task)\",\"title\":\"edit \(n)\",\"notes\":\(rng.below(2) == 0 ? "null" : "\"n\(n)\"")"
            case 3: fields = "\"op\":\"task.move\",\"task\":\"\(task)\",\"column\":\"\(["Todo", "Doing", "Done", "Nowhere"][rng.below(4)])\""
            case 4, 5: fields = "\"op\":\"task.claim\",\"task\":\"\(task)\""
            case 6: fields = "\"op\":\"task.release\",\"task\":\"\(task)\""
            case 7: fields = "\"op\":\"task.assign\",\"task\":\"\(task)\",\"to\":\(rng.below(2) == 0 ? "null" : "\"\(members[rng.below(3)])\"")"
            case 8, 9: fields = "\"op\":\"task.comment\",\"task\":\"\(task)\",\"text\":\"comment number \(n) on the task\""
            case 10: fields = "\"op\":\"task.delete\",\"task\":\"\(task)\""
            default: fields = "\"op\":\"status.set\",\"text\":\"s\(n)\",\"kind\":\"focus\""
            }
            let id = String(format: "%08x%08x%016x", n, UInt32(truncatingIfNeeded: rng.next()), n)
            let minute = n / 4
            let at = String(format: "2026-11-%02dT%02d:%02d:00Z", 1 + minute / 1440 % 28, minute / 60 % 24, minute % 60)
            files[rng.below(files.count)] += "{\"id\":\"\(id)\",\"lc\":\(1_787_000_000_000 + n),\"at\":\"\(at)\",\"by\":\"\(by)\",\(fields)}\n"
        }
        for (k, text) in files.enumerated() { f.write("journal/m\(k)/laptop.jsonl", text) }
        return f
    }

    /// The two-core fold in blocks gives the plain fold's state, on bursty journals of several
    /// sizes (below, at and well past one block per part).
    @Test(arguments: [(40, UInt64(1)), (300, UInt64(2)), (5_000, UInt64(3))])
    func blockFoldMatchesTheOneAtATimeFold(events: Int, seed: UInt64) throws {
        let f = Self.burstyTeam(events: events, seed: seed)
        let fold = try FoldComparison(teamPath: f.path)
        let blocks = fold.parallel, one = fold.oneAtATime
        #expect(one.eventCount == events)
        #expect(fold.dump(blocks) == fold.dump(one))
        #expect(blocks.board.conflicts == one.board.conflicts)
        #expect(blocks.problems.map(\.description) == one.problems.map(\.description))
        #expect(blocks.board.knownIDs == one.board.knownIDs && blocks.board.deleted == one.board.deleted)
        #expect(Array(blocks.board.tasks.keys).sorted() == Array(one.board.tasks.keys).sorted())
    }
}
