import Foundation

/// The grouping and de-duplication steps of `EventMerge.merge`, split so two cores share them.
/// After the sort, the events fall in groups of one (`lc`, `by`, `id`). Each group is looked at
/// once (its chosen line, its id's fingerprint, the fold part it goes to) in `ways` ranges of the
/// sorted order, cut where `lc` changes so no group is cut. Which groups keep their id is then
/// decided by `ways` de-duplicators, each owning the ids of one share of the fingerprints and
/// reading every group in merge order, so each id still goes to its first group in merge order.
enum MergeGroups {
    /// What one range of the sorted order holds, group by group.
    struct Scan: Sendable {
        /// Room for the groups of `events` events (at most one group each).
        init(room events: Int) {
            ends.reserveCapacity(events)
            chosen.reserveCapacity(events)
            fingerprints.reserveCapacity(events)
            parts.reserveCapacity(events)
        }

        /// Per group: where it ends in the sorted order (it starts where the one before ends).
        var ends: [Int32] = []
        /// Per group: the flat position of its chosen line (first by its bytes).
        var chosen: [Int32] = []
        var fingerprints: [UInt64] = []
        /// Per group: the fold part its chosen event goes to (`EventMerge.Merged.parts`).
        var parts: [UInt8] = []
        /// Lines whose bytes differ from their group's chosen line: (group, flat position).
        var differing: [(group: Int32, position: Int32)] = []
    }

    /// What a merge reads: the logs, the flat positions (`places`) and their sorted order.
    /// Read-only while the workers run, so they share it.
    struct Context: @unchecked Sendable {
        let logs: [EventLogView]
        let places: [EventMerge.Ref]
        let sorted: [Int32]
        /// Per position: clock, id fingerprint, fold part.
        let keys: MergeKeys
        /// Reads an event's line (list, index); safe to call from several threads.
        let lineBytes: (Int, Int) -> [UInt8]

        @inline(__always) func log(_ p: Int32) -> EventLogView { logs[Int(places[Int(p)].list)] }
        @inline(__always) func record(_ p: Int32) -> EventRecord {
            let r = places[Int(p)]
            return logs[Int(r.list)].records[Int(r.index)]
        }
        func bytes(_ p: Int32) -> [UInt8] { lineBytes(Int(places[Int(p)].list), Int(places[Int(p)].index)) }

        /// The kept events in merge order, their fold parts, and the lines whose content lost.
        func merged(ways: Int) -> EventMerge.Merged {
            // 1. The groups of each range of the sorted order (every merge key is read here, once).
            let cuts = MergeGroups.cuts(sorted, ways: ways) { keys.keys[Int($0)].lc }
            let shared = Shared(ways: ways)
            // Room is made here, on the calling thread: memory a worker allocates stays with its
            // thread's heap when freed, where the rest of the load cannot reuse it.
            for k in 0..<ways { shared.scans[k] = Scan(room: cuts[k + 1] - cuts[k]) }
            DispatchQueue.concurrentPerform(iterations: ways) { k in
                var s = shared.scans[k]!
                shared.scans[k] = nil
                scan(cuts[k]..<cuts[k + 1], into: &s)
                shared.scans[k] = s
            }
            let scans = shared.scans.map { $0! }
            shared.scans.update(repeating: nil)

            // 2. Which groups keep their id: the first group of each id in merge order. Each way
            // owns the ids of one share of the fingerprints and reads every group in order.
            shared.allocateKept(scans.reduce(0) { $0 + $1.ends.count })
            var owned = [Int](repeating: 0, count: ways)
            for s in scans { for f in s.fingerprints { owned[MergeGroups.share(f, ways)] += 1 } }
            let seen = UnsafeMutableBufferPointer<KeptIDs>.allocate(capacity: ways)
            for h in 0..<ways { (seen.baseAddress! + h).initialize(to: KeptIDs(capacity: owned[h])) }
            defer { seen.deinitialize().deallocate() }
            let ids = SeenIDs(sets: seen)
            DispatchQueue.concurrentPerform(iterations: ways) { h in dedup(share: h, of: ways, scans, seen: &ids.sets[h], into: shared) }

            // 3. The kept events in merge order; the lines whose content lost.
            var keptCount = 0
            for k in shared.kept where k { keptCount += 1 }
            var kept: [EventMerge.Ref] = []
            kept.reserveCapacity(keptCount)
            var parts: [UInt8] = []
            parts.reserveCapacity(keptCount)
            var losers: [EventMerge.Ref] = []
            var base = 0
            for (k, s) in scans.enumerated() {
                var start = cuts[k], d = 0
                for i in s.ends.indices {
                    let end = Int(s.ends[i])
                    if shared.kept[base + i] {
                        kept.append(places[Int(s.chosen[i])])
                        parts.append(s.parts[i])
                        while d < s.differing.count, s.differing[d].group == Int32(i) {
                            losers.append(places[Int(s.differing[d].position)])
                            d += 1
                        }
                    } else {
                        // The id was kept with a smaller (lc, by): this content differs.
                        for j in start..<end { losers.append(places[Int(sorted[j])]) }
                        while d < s.differing.count, s.differing[d].group == Int32(i) { d += 1 }
                    }
                    start = end
                }
                base += s.ends.count
            }
            return EventMerge.Merged(refs: kept, losers: losers, parts: parts)
        }

        /// Whether the events at positions `p` and `q` have the same `lc`, `id` and `by`. Equal
        /// ids have equal fingerprints, so the records are read only when clock and fingerprint
        /// agree (a copy of a line, mostly).
        @inline(__always)
        func sameGroup(_ p: Int32, _ q: Int32) -> Bool {
            let x = keys.keys[Int(p)], y = keys.keys[Int(q)]
            guard x.lc == y.lc, x.fingerprint == y.fingerprint else { return false }
            let a = record(p), b = record(q)
            return log(p).sameID(a, log(q), b) && log(p).text.same(a.by, log(q).text, b.by)
        }

        /// The groups of one range of the sorted order.
        func scan(_ range: Range<Int>, into s: inout Scan) {
            var g = range.lowerBound
            while g < range.upperBound {
                // A group: the events with one (lc, by, id), adjacent after the sort.
                var end = g + 1
                while end < range.upperBound, sameGroup(sorted[g], sorted[end]) { end += 1 }
                var best = g
                if end - g > 1 {
                    // The chosen line is the group's first by its bytes; lines with other bytes
                    // differ (the same bytes again is a copy, not a clash).
                    let lines = (g..<end).map { bytes(sorted[$0]) }
                    var first = 0
                    for k in 1..<lines.count where lines[k].lexicographicallyPrecedes(lines[first]) { first = k }
                    best = g + first
                    for k in lines.indices where lines[k] != lines[first] { s.differing.append((Int32(s.ends.count), sorted[g + k])) }
                }
                s.ends.append(Int32(end))
                s.chosen.append(sorted[best])
                s.fingerprints.append(keys.keys[Int(sorted[g])].fingerprint)
                s.parts.append(keys.parts[Int(sorted[best])])
                g = end
            }
        }

        /// Marks, among the groups whose ids are in share `h` of `ways`, those first with their id.
        func dedup(share h: Int, of ways: Int, _ scans: [Scan], seen: inout KeptIDs, into shared: Shared) {
            var base = 0
            for s in scans {
                for (i, f) in s.fingerprints.enumerated() where MergeGroups.share(f, ways) == h {
                    let p = s.chosen[i]
                    shared.kept[base + i] = seen.insert(p, fingerprint: f) { q in log(p).sameID(record(p), log(q), record(q)) }
                }
                base += s.fingerprints.count
            }
        }
    }

    /// The de-duplicators' id sets, one per share, each changed by its worker only.
    struct SeenIDs: @unchecked Sendable {
        let sets: UnsafeMutableBufferPointer<KeptIDs>
    }

    /// Storage the workers write, each its own elements only (never a shared array's buffer).
    final class Shared: @unchecked Sendable {
        let scans: UnsafeMutableBufferPointer<Scan?>
        /// Per group, in merge order: whether it keeps its id. Made once the groups are counted.
        private(set) var kept = UnsafeMutableBufferPointer<Bool>(start: nil, count: 0)

        init(ways: Int) {
            scans = .allocate(capacity: ways)
            scans.initialize(repeating: nil)
        }

        func allocateKept(_ count: Int) {
            kept.deallocate()
            kept = .allocate(capacity: count)
            kept.initialize(repeating: false)
        }

        deinit {
            scans.deinitialize().deallocate()
            kept.deallocate()
        }
    }

    /// Which of `ways` de-duplicators owns an id with this fingerprint.
    @inline(__always)
    static func share(_ fingerprint: UInt64, _ ways: Int) -> Int {
        ways == 1 ? 0 : Int(truncatingIfNeeded: (fingerprint >> 40) % UInt64(ways))
    }

    /// Cuts of `sorted` into `ways` ranges, each starting where `lc` changes.
    static func cuts(_ sorted: [Int32], ways: Int, lc: (Int32) -> Int64) -> [Int] {
        var cuts = [0]
        for k in 1..<max(ways, 1) {
            var c = max(sorted.count * k / ways, cuts[cuts.count - 1])
            while c > 0, c < sorted.count, lc(sorted[c]) == lc(sorted[c - 1]) { c += 1 }
            cuts.append(c)
        }
        cuts.append(sorted.count)
        return cuts
    }
}
