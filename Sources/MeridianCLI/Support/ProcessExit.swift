import Foundation
import MeridianKit

/// How a `meridian` process ends: output written, then `exit` (in `MeridianMain`), with the OS
/// reclaiming memory in one go. A loaded big team is hundreds of thousands of objects; releasing
/// them one by one cost about 8 % of a cold `status --json`.
enum ProcessExit {
    /// Teams whose journal cache write may still be running when the command is done.
    nonisolated(unsafe) private static var teams: [Team] = []

    /// Keeps `team` alive until the process exits, so nothing spends time freeing it, and lets
    /// its journal cache write (started in the background) finish first. For what a command
    /// loads once per process, never for anything made in a loop.
    static func keepUntilExit(_ team: Team) {
        teams.append(team)
    }

    /// Keeps `object` alive until the process exits, so nothing spends time freeing it (what a
    /// command makes once, right before it exits).
    static func keepUntilExit(_ object: AnyObject) {
        _ = Unmanaged.passRetained(object)
    }

    /// Ends the process with `code` once every kept team's cache write is done (a write cut
    /// short would leave only a temporary file behind).
    static func exit(_ code: Int32) -> Never {
        for team in teams { team.finishCacheSave() }
        Foundation.exit(code)
    }
}
