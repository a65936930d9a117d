import Foundation

/// ISO-8601 instants as the journal and the command line write them, parsed and printed by hand
/// (fast, locale-free, exact to the millisecond).
public enum Instant {
    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM|±HH)`; a space may stand for `T`.
    /// One implementation serves the journal's byte path and text: `JournalBytes.instant`.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { JournalBytes.instant($0) }
    }

    /// `2026-11-25T14:03:12.345Z`, or without the fraction when it is zero.
    public static func format(_ date: Date) -> String {
        let ms = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000)
        let rest = ms - secs * 1000
        let ldt = LocalDateTime(naiveSeconds: secs)
        guard DigitText.fits(ldt) else {
            if rest == 0 { return "\(ldt)Z" }
            return "\(ldt)" + String(format: ".%03dZ", rest)
        }
        if rest == 0 {
            return DigitText.ascii(20) { p in
                DigitText.writeDateTime(ldt, at: p)
                p[19] = UInt8(ascii: "Z")
            }
        }
        return DigitText.ascii(24) { p in
            DigitText.writeDateTime(ldt, at: p)
            p[19] = UInt8(ascii: ".")
            DigitText.three(rest, at: p + 20)
            p[23] = UInt8(ascii: "Z")
        }
    }

    /// Whole seconds, always without a fraction: `2026-11-25T14:03:12Z`.
    public static func formatSeconds(_ date: Date) -> String {
        let t = date.timeIntervalSince1970.rounded(.down)
        return "\(LocalDateTime(naiveSeconds: Int(t)))Z"
    }

    /// Milliseconds since 1970, the unit of `lc`.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
