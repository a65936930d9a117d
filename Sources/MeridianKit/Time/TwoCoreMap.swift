import Dispatch

/// `map` split in two halves run at once, for per-member work that is slow (hours, time off and
/// statuses laid out per member for a report): the results come back in the input's order.
enum TwoCoreMap {
    /// Below this many items one thread does it all: the hand-off would cost more than it saves.
    static let minimumCount = 32

    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count >= minimumCount else { return items.map(transform) }
        let mid = items.count / 2
        let halves = Halves<R>()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            // Each half goes to its own property: a shared array's copy-on-write is not thread-safe.
            if k == 0 { halves.first = items[..<mid].map(transform) } else { halves.second = items[mid...].map(transform) }
        }
        return halves.first + halves.second
    }
}

/// The two halves' results; each written by one worker, read after both have finished.
private final class Halves<R>: @unchecked Sendable {
    var first: [R] = []
    var second: [R] = []
}
