import MeridianKit

/// Collects a board's shown tasks and hands them back per column in display order: priority
/// (urgent first), then creation order — MeridianKit's `BoardState.displayOrder`.
///
/// Creation indexes are small distinct integers (a task's place among the creates), so the order
/// comes from one walk over them instead of a comparison sort; should they ever be sparse or
/// repeated, a comparison sort of the same keys gives the same columns.
struct BoardOrder {
    private var ids: [String] = []
    private var buckets: [Int32] = []
    /// `BoardState.displayKey` of each entry: priority rank in the top byte, creation below.
    private var keys: [UInt64] = []
    private var largestCreation = 0
    private var negative = false

    init(capacity: Int) {
        ids.reserveCapacity(capacity)
        buckets.reserveCapacity(capacity)
        keys.reserveCapacity(capacity)
    }

    mutating func add(_ id: String, bucket: Int, priority: Priority, creation: Int) {
        ids.append(id)
        buckets.append(Int32(truncatingIfNeeded: bucket))
        keys.append(BoardState.displayKey(priority, creation: creation))
        if creation > largestCreation { largestCreation = creation }
        if creation < 0 { negative = true }
    }

    /// The ids of each of `count` buckets, in display order.
    func columns(count: Int) -> [[String]] {
        guard !ids.isEmpty else { return Array(repeating: [], count: count) }
        if !negative, largestCreation <= 4 * ids.count + 4096, let slots = slotsByCreation() {
            // Each bucket lists its urgent tasks, then high, normal, low: count them to know where
            // each (rank, bucket) group starts, then place the ids walking creation indexes upward.
            var next = Array(repeating: 0, count: 4 * count)
            for i in ids.indices { next[group(i, count)] += 1 }
            var sizes = Array(repeating: 0, count: count)
            for bucket in 0..<count {
                for rank in 0..<4 {
                    let n = next[rank * count + bucket]
                    next[rank * count + bucket] = sizes[bucket]
                    sizes[bucket] += n
                }
            }
            var out = sizes.map { Array(repeating: "", count: $0) }
            for slot in slots where slot >= 0 {
                let i = Int(slot)
                let g = group(i, count)
                out[Int(buckets[i])][next[g]] = ids[i]
                next[g] += 1
            }
            return out
        }
        var out = Array(repeating: [String](), count: count)
        for i in ids.indices.sorted(by: { keys[$0] < keys[$1] }) { out[Int(buckets[i])].append(ids[i]) }
        return out
    }

    /// Entry `i`'s (rank, bucket) group.
    @inline(__always)
    private func group(_ i: Int, _ count: Int) -> Int { Int(keys[i] >> 56) * count + Int(buckets[i]) }

    /// Entry index by creation index (-1: none); nil when two entries share a creation index.
    private func slotsByCreation() -> [Int32]? {
        var slots = Array(repeating: Int32(-1), count: largestCreation + 1)
        for (i, key) in keys.enumerated() {
            let creation = Int(key & (1 << 56 - 1))
            guard slots[creation] < 0 else { return nil }
            slots[creation] = Int32(i)
        }
        return slots
    }
}
