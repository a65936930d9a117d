import Foundation
import Testing
@testable import MeridianKit

/// The merge split over cores (`MergeGroups`) gives what the merge on one thread gives, and both
/// give the plain rule's order; the task table's in-place pass reaches every live task once.
@Suite struct MergeSplitTests {
    /// The same merge in 1, 2 and 3 parts, on a roughed-up team (conflict copies, clashing ids,
    /// bad lines): identical kept events, fold parts and losing lines, and the kept events in
    /// the plain (lc, by, id) order with every id once.
    @Test(arguments: [UInt64(4), UInt64(9)])
    func splitMergeMatchesOneThread(seed: UInt64) throws {
        let f = try LoadEquivalenceTests.roughTeam(events: 3_000, seed: seed)
        let store = JournalStore(teamPath: f.path)
        store.refresh()
        let logs = store.logs, files = store.filePaths, path = f.path
        withExtendedLifetime(logs) {
            let views = logs.map(\.view)
            func merged(_ ways: Int) -> EventMerge.Merged {
                EventMerge.merge(views, ways: ways) { l, i in Team.lineBytes(teamPath: path, file: files[l], views[l].records[i]) }
            }
            let one = merged(1)
            #expect(one.losers.count > 0)
            for ways in [2, 3] {
                let split = merged(ways)
                #expect(split.refs == one.refs)
                #expect(split.parts == one.parts)
                #expect(split.losers == one.losers)
            }
            // The plain rule: ascending (lc, by, id), each id once.
            let events = one.refs.map { views[Int($0.list)].event(Int($0.index), file: files[Int($0.list)]) }
            #expect(Set(events.map(\.id)).count == events.count)
            for (a, b) in zip(events, events.dropFirst()) {
                #expect((a.lc, a.by, a.id) < (b.lc, b.by, b.id))
            }
        }
    }

    /// The radix sort is a plain sort: on packed (clock, position) keys, on keys that agree in
    /// some digits, on keys spread over all 64 bits, and on lists with repeats.
    @Test func radixSortLikeSort() {
        var rng = SeededRandom(seed: 21)
        for count in [0, 1, 2, 3, 17, 1_000, 5_000] {
            let shapes: [[UInt64]] = [
                (0..<count).map { _ in UInt64(rng.below(500)) << 23 | UInt64(rng.below(1 << 23)) },
                (0..<count).map { _ in 0xABCD_0000_0000_0000 | UInt64(rng.below(1 << 20)) << 11 },
                (0..<count).map { _ in rng.next() },
                (0..<count).map { _ in UInt64(rng.below(4)) << 60 | UInt64(rng.below(3)) },
                (0..<count).map { _ in 42 },
            ]
            for keys in shapes {
                var radix = keys
                RadixSort.sort(&radix)
                #expect(radix == keys.sorted())
            }
        }
    }

    /// The merge keys hold each record's clock, id fingerprint and fold part, in position order.
    @Test func mergeKeysFollowTheRecords() throws {
        let f = try LoadEquivalenceTests.roughTeam(events: 1_500, seed: 5)
        let store = JournalStore(teamPath: f.path)
        store.refresh()
        let logs = store.logs
        withExtendedLifetime(logs) {
            let views = logs.map(\.view)
            let records = views.flatMap { v in v.records.map { (v, $0) } }
            let keys = MergeKeys(views, count: records.count)
            #expect(keys.keys.count == records.count && records.count > 1_000)
            for (p, (view, r)) in records.enumerated() {
                #expect(keys.keys[p].lc == r.lc)
                #expect(keys.keys[p].fingerprint == view.idFingerprint(r))
                #expect(keys.parts[p] == (r.op.isTaskOp ? UInt8(r.taskHalf) : r.op == .unknown ? 3 : 2))
            }
            #expect(keys.minLC == records.map(\.1.lc).min() && keys.maxLC == records.map(\.1.lc).max())
        }
    }

    /// Cuts fall where `lc` changes, so no group of equal clocks is split.
    @Test func cutsKeepEqualClocksTogether() {
        let clocks: [Int64] = [1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 4]
        let sorted = (0..<Int32(clocks.count)).map { $0 }
        for ways in 1...4 {
            let cuts = MergeGroups.cuts(sorted, ways: ways) { clocks[Int($0)] }
            #expect(cuts.first == 0 && cuts.last == clocks.count && cuts.count == ways + 1)
            for c in cuts.dropFirst().dropLast() where c > 0 && c < clocks.count {
                #expect(clocks[c] != clocks[c - 1])
            }
            #expect(zip(cuts, cuts.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }

    /// `updateLive` changes each live task once, in place, and no removed one.
    @Test func updateLiveReachesEveryLiveTask() {
        var table = TaskTable()
        for n in 0..<1_000 {
            let id = "T\(n)"
            table[id] = BoardTask(id: id, title: "t", column: "Todo", priority: .normal, labels: [], due: nil, notes: nil, holder: nil,
                                  createdBy: "a", createdAt: Date(timeIntervalSince1970: 0), creationIndex: n,
                                  lastActivity: Date(timeIntervalSince1970: 0), comments: [], columnSource: EventSource(file: "f", line: n, offset: 0, length: 0))
        }
        for n in stride(from: 0, to: 1_000, by: 7) { table.removeValue(forKey: "T\(n)") }
        let before = table
        table.updateLive { $0.creationIndex += 10_000 }
        #expect(table.count == before.count)
        for (id, t) in before { #expect(table[id]?.creationIndex == t.creationIndex + 10_000) }
        #expect(table["T0"] == nil && table["T7"] == nil)
        // The copy taken before is untouched (copy on write).
        #expect(before["T1"]?.creationIndex == 1)
    }
}
