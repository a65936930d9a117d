import Foundation

/// Questions about the board that depend on `now`.
public enum BoardQueries {
    /// SPEC §2: a held task whose latest event (by `at`) is `days` × 24 h or more before now.
    public static func isStale(_ task: BoardTask, now: Date, staleDays: Double?) -> Bool {
        guard let days = staleDays, task.holder != nil else { return false }
        return now.timeIntervalSince(task.lastActivity) >= days * 86_400
    }
}
