import Synchronization

/// Hands out the numbers 0, 1, 2, … once each to threads that share it: workers take the next
/// item of a common list until it runs out.
final class WorkCounter: Sendable {
    private let next = Atomic<Int>(0)

    init() {}

    /// The next number, or nil once `count` have been taken.
    func take(below count: Int) -> Int? {
        let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return i < count ? i : nil
    }
}
