import Foundation

/// An IANA zone with the conversions Meridian needs, applying SPEC §2: a wall time in a DST gap
/// moves forward by the gap's length; a repeated wall time means its first occurrence.
public struct Zone: Hashable, Sendable {
    public let identifier: String
    public let timeZone: TimeZone
    /// The zone's offsets as a table shared by every `Zone` of this name (`offset(at:)` reads it).
    let offsets: ZoneOffsetTable

    /// Resolves an IANA name with the system's tz database; nil when the name is unknown.
    public init?(_ identifier: String) {
        guard !identifier.isEmpty, identifier.utf8.count < 128,
              identifier.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
              let tz = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = tz
        self.offsets = ZoneOffsetTable.shared(for: tz)
    }

    // The table is a cache of `timeZone`: equality and hashing leave it out.
    public static func == (a: Zone, b: Zone) -> Bool { a.identifier == b.identifier && a.timeZone == b.timeZone }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(identifier)
        hasher.combine(timeZone)
    }

    public static let utc = Zone("UTC")!

    /// The offset from UTC in seconds at an instant.
    public func offset(at instant: Date) -> Int { offsets.offset(at: instant.timeIntervalSince1970) }

    /// The offset at `t` whole seconds since 1970.
    @inline(__always)
    func offset(atSecond t: Int) -> Int { offsets.offset(at: Double(t)) }

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
        let before = offset(atSecond: l - 129_600)
        let after = offset(atSecond: l + 129_600)
        let middle = offset(atSecond: l)
        // Each offset in force near the wall time that maps back to it gives a reading; the
        // earliest reading is the first occurrence (a repeated offset gives the same reading).
        var best: Int?
        for o in [before, after, middle] {
            let t = l - o
            if offset(atSecond: t) == o {
                best = min(best ?? t, t)
            }
        }
        if let best { return Date(timeIntervalSince1970: Double(best)) }
        // In a gap: read the wall time with the offset in force just before the gap.
        let o = offset(atSecond: l - after)
        return Date(timeIntervalSince1970: Double(l - o))
    }

    /// The instant of midnight starting `date` (or the first instant of that date, if midnight is skipped).
    public func startOfDay(_ date: LocalDate) -> Date { instant(LocalDateTime(date: date, secondOfDay: 0)) }

    /// `+05:45` style offset text.
    public static func formatOffset(_ seconds: Int) -> String { DigitText.offset(seconds) }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` in this zone's offset at the instant — never `Z`.
    public func isoLocal(_ instant: Date) -> String {
        let offset = offset(at: instant)
        let wall = LocalDateTime(naiveSeconds: Int(instant.timeIntervalSince1970.rounded(.down)) + offset)
        guard DigitText.fits(wall), DigitText.fits(offset: offset) else { return "\(wall)" + Self.formatOffset(offset) }
        return DigitText.ascii(25) { p in
            DigitText.writeDateTime(wall, at: p)
            DigitText.writeOffset(offset, at: p + 19)
        }
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
