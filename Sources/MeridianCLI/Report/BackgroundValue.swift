import Foundation

/// A value worked out on a thread of its own while the caller goes on; `value` waits for it.
/// The work must only read what it captures (a snapshot is an immutable value).
final class BackgroundValue<T>: @unchecked Sendable {
    /// Written by the worker only, before `done` is signalled; read only after waiting on it.
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        // A thread of its own, not the dispatch pool: the pool's workers are what the caller's
        // two-core maps use meanwhile.
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.start()
    }

    /// The value, once worked out.
    var value: T {
        done.wait()
        // Left signalled, so asking again does not wait forever.
        done.signal()
        return result!
    }
}
