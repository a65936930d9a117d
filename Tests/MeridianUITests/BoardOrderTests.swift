import MeridianKit
@testable import MeridianUI
import Testing

/// `BoardOrder` puts each column's tasks by priority, then creation — with dense creation indexes
/// (one walk) and with sparse or repeated ones (a sort) alike.
@Suite struct BoardOrderTests {
    static func expectDisplayOrder(creations: [Int], seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        var order = BoardOrder(capacity: creations.count)
        var entries: [(id: String, bucket: Int, rank: Int, creation: Int)] = []
        for (n, creation) in creations.enumerated() {
            let e = (id: "T\(n)", bucket: rng.below(4), rank: rng.below(4), creation: creation)
            entries.append(e)
            order.add(e.id, bucket: e.bucket, priority: Priority.allCases.first { $0.rank == e.rank }!, creation: e.creation)
        }
        let columns = order.columns(count: 4)
        for bucket in 0..<4 {
            let mine = entries.filter { $0.bucket == bucket }
            #expect(columns[bucket].count == mine.count)
            // Display order: (rank, creation) rising; ties (repeated creations) in any order.
            let keys = columns[bucket].map { id in mine.first { $0.id == id }.map { ($0.rank, $0.creation) }! }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }, "bucket \(bucket): \(keys)")
            #expect(Set(columns[bucket]) == Set(mine.map(\.id)))
        }
    }

    @Test func denseCreationIndexes() {
        var rng = SeededRandom(seed: 7)
        var creations = Array(0..<500)
        creations.shuffle(using: &rng)
        Self.expectDisplayOrder(creations: Array(creations.prefix(420)), seed: 1)
    }

    @Test func sparseAndRepeatedCreationIndexes() {
        Self.expectDisplayOrder(creations: (0..<300).map { $0 * 1_000 }, seed: 2)
        Self.expectDisplayOrder(creations: (0..<300).map { $0 % 40 }, seed: 3)
        Self.expectDisplayOrder(creations: (0..<300).map { 299 - $0 }, seed: 4)
        Self.expectDisplayOrder(creations: [], seed: 5)
    }
}
