/// The size of one part when a `Rect` is split: a fixed number of cells, or a weighted share of the rest.
public enum Extent: Hashable, Sendable {
    /// Exactly this many cells (fewer if the space runs out, earlier parts first).
    case fixed(Int)
    /// A share of what the fixed parts leave, proportional to the weight.
    case fill(Int = 1)

    /// Offsets and sizes along one axis. Spare cells from rounding go to the first fill parts.
    static func resolve(_ extents: [Extent], total: Int, spacing: Int) -> [(offset: Int, size: Int)] {
        guard !extents.isEmpty else { return [] }
        let gaps = max(0, spacing) * (extents.count - 1)
        var remaining = max(0, total - gaps)
        var sizes = Array(repeating: 0, count: extents.count)
        for (i, extent) in extents.enumerated() {
            if case .fixed(let n) = extent {
                sizes[i] = min(max(0, n), remaining)
                remaining -= sizes[i]
            }
        }
        let weights = extents.map { if case .fill(let w) = $0 { max(0, w) } else { 0 } }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var handedOut = 0
            for (i, w) in weights.enumerated() where w > 0 {
                sizes[i] = remaining * w / totalWeight
                handedOut += sizes[i]
            }
            var spare = remaining - handedOut
            for i in weights.indices where weights[i] > 0 && spare > 0 {
                sizes[i] += 1
                spare -= 1
            }
        }
        var result: [(offset: Int, size: Int)] = []
        var offset = 0
        for size in sizes {
            result.append((min(offset, total), size))
            offset += size + max(0, spacing)
        }
        return result
    }
}
