import Foundation
import MeridianKit

/// Command-line time arguments: an ISO-8601 instant, or a duration from now (`45m`, `2h`, `1d`).
enum TimeArgument {
    static func instantOrDuration(_ text: String, now: Date) -> Date? {
        if let d = Instant.parse(text) { return d }
        guard let unit = text.last, let n = Int(text.dropLast()), n > 0, n <= 10_000 else { return nil }
        switch unit {
        case "m": return now.addingTimeInterval(Double(n) * 60)
        case "h": return now.addingTimeInterval(Double(n) * 3600)
        case "d": return now.addingTimeInterval(Double(n) * 86400)
        default: return nil
        }
    }
}
