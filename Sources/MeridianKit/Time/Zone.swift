import Foundation

/// An IANA zone with the conversions Meridian needs, applying SPEC §2: a wall time in a DST gap
/// moves forward by the gap's length; a repeated wall time means its first occurrence.
public struct Zone: Hashable, Sendable {
    public let identifier: String
    public let timeZone: TimeZone

    /// Resolves an IANA name with the system's tz database; nil when the name is unknown.
    public init?(_ identifier: String) {
        guard !identifier.isEmpty, identifier.utf8.count < 128,
              identifier.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
              let tz = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = tz
    }

    public static let utc = Zone("UTC")!

    /// The offset from UTC in seconds at an instant.
    public func offset(at instant: Date) -> Int { timeZone.secondsFromGMT(for: instant) }

    /// The wall time at an instant.
    public func local(_ instant: Date) -> LocalDateTime {
        let t = Int(instant.timeIntervalSince1970.rounded(.down))
        return LocalDateTime(naiveSeconds: t + offset(at: instant))
    }

    /// The calendar date at an instant.
    public func date(at instant: Date) -> LocalDate { local(instant).date }

    /// The instant of a wall time (gap: forward by the gap; repeat: first occurrence).
    public func instant(_ wall: LocalDateTime) -> Date {
        let l = wall.naiveSeconds
        let before = offset(at: Date(timeIntervalSince1970: Double(l - 129_600)))
        let after = offset(at: Date(timeIntervalSince1970: Double(l + 129_600)))
        var best: Int?
        for o in Set([before, after, offset(at: Date(timeIntervalSince1970: Double(l)))]) {
            let t = l - o
            if offset(at: Date(timeIntervalSince1970: Double(t))) == o {
                best = min(best ?? t, t)
            }
        }
        if let best { return Date(timeIntervalSince1970: Double(best)) }
        // In a gap: read the wall time with the offset in force just before the gap.
        let o = offset(at: Date(timeIntervalSince1970: Double(l - after)))
        return Date(timeIntervalSince1970: Double(l - o))
    }

    /// The instant of midnight starting `date` (or the first instant of that date, if midnight is skipped).
    public func startOfDay(_ date: LocalDate) -> Date { instant(LocalDateTime(date: date, secondOfDay: 0)) }

    /// `+05:45` style offset text.
    public static func formatOffset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let a = abs(seconds) / 60
        return sign + String(format: "%02d:%02d", a / 60, a % 60)
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` in this zone's offset at the instant — never `Z`.
    public func isoLocal(_ instant: Date) -> String {
        "\(local(instant))" + Self.formatOffset(offset(at: instant))
    }

    /// The next instants (up to `limit`) after `from` where this zone's offset changes, before `until`.
    public func transitions(after from: Date, until: Date) -> [Date] {
        var out: [Date] = []
        var t = from
        while let next = timeZone.nextDaylightSavingTimeTransition(after: t), next < until {
            out.append(next)
            t = next
            if out.count > 64 { break }
        }
        return out
    }
}
