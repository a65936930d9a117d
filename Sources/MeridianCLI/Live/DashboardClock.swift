import Foundation

/// The dashboard's clock: the real one, or frozen at `--now` so that scripts and tests see one instant.
struct DashboardClock {
    var frozen: Date?

    func now() -> Date { frozen ?? Date() }

    /// The instant the dashboard shows: the start of the current minute (what the header clock
    /// shows, and all that changes between the minute repaints), or the frozen instant. Every
    /// frame within a minute shows the same times, so keys and file events reuse the view data
    /// derived at the minute instead of deriving it again for a few seconds' difference.
    func shownNow() -> Date {
        if let frozen { return frozen }
        return Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60)
    }

    /// Milliseconds until just after the next minute boundary (a redraw changes the clocks), or -1
    /// (wait for input only) when frozen. Recomputed after every wake-up.
    func pollTimeout() -> Int32 {
        guard frozen == nil else { return -1 }
        let ms = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        return Int32(60_000 - ms % 60_000 + 5)
    }
}
