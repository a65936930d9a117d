import Foundation

/// The dashboard's clock: the real one, or frozen at `--now` so that scripts and tests see one instant.
struct DashboardClock {
    var frozen: Date?

    func now() -> Date { frozen ?? Date() }

    /// Milliseconds until just after the next minute boundary (a redraw changes the clocks), or -1
    /// (wait for input only) when frozen. Recomputed after every wake-up.
    func pollTimeout() -> Int32 {
        guard frozen == nil else { return -1 }
        let ms = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        return Int32(60_000 - ms % 60_000 + 5)
    }
}
