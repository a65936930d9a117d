import Foundation
import MeridianKit
import MeridianTerminal

/// Everything that can happen to the dashboard: input, a new size, time passing, TEAM changing,
/// and the outcome of an effect.
public enum Action: Sendable {
    case key(KeyEvent)
    case resize(width: Int, height: Int)
    /// The clock moved on (the minute boundary, or any wake-up).
    case tick(Date)
    /// TEAM was reloaded and this is the new snapshot.
    case teamChanged(TeamSnapshot)
    /// A write the dashboard asked for succeeded or failed.
    case written(PendingEvent)
    case writeFailed(PendingEvent, reason: String)
    /// Something the loop wants the user to know (TEAM unreadable, a theme problem).
    case notice(Notice)
}
