import Foundation

/// ISO-8601 instants as the journal and the command line write them, parsed and printed by hand
/// (fast, locale-free, exact to the millisecond).
public enum Instant {
    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM)`; a space may stand for `T`.
    public static func parse(_ text: String) -> Date? {
        let u = Array(text.utf8)
        guard u.count >= 17, let date = LocalDate(iso: String(decoding: u[0..<10], as: UTF8.self)) else { return nil }
        guard u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t") || u[10] == 0x20 else { return nil }
        guard let hh = LocalDate.digits(u, 11, 2), u[13] == 0x3A, let mm = LocalDate.digits(u, 14, 2) else { return nil }
        var i = 16
        var ss = 0
        var frac = 0.0
        if i < u.count, u[i] == 0x3A {
            guard let s = LocalDate.digits(u, 17, 2) else { return nil }
            ss = s
            i = 19
            if i < u.count, u[i] == UInt8(ascii: ".") || u[i] == UInt8(ascii: ",") {
                i += 1
                var scale = 0.1
                let start = i
                while i < u.count, u[i] >= 0x30, u[i] <= 0x39 {
                    frac += Double(u[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
                if i == start { return nil }
            }
        }
        guard hh <= 24, mm <= 59, ss <= 60, !(hh == 24 && (mm != 0 || ss != 0)) else { return nil }
        guard i < u.count else { return nil }
        guard let offset = parseOffset(Array(u[i...])) else { return nil }
        i = u.count
        guard i == u.count else { return nil }
        let secs = date.daysSinceEpoch * 86400 + hh * 3600 + mm * 60 + min(ss, 59) - offset
        return Date(timeIntervalSince1970: Double(secs) + frac)
    }

    /// `Z`, `±HH:MM`, `±HHMM` or `±HH` as seconds east of UTC.
    static func parseOffset(_ u: [UInt8]) -> Int? {
        if u == [UInt8(ascii: "Z")] || u == [UInt8(ascii: "z")] { return 0 }
        guard let first = u.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else { return nil }
        let sign = first == UInt8(ascii: "-") ? -1 : 1
        let h: Int?, m: Int?
        switch u.count {
        case 3: h = LocalDate.digits(u, 1, 2); m = 0
        case 5: h = LocalDate.digits(u, 1, 2); m = LocalDate.digits(u, 3, 2)
        case 6 where u[3] == 0x3A: h = LocalDate.digits(u, 1, 2); m = LocalDate.digits(u, 4, 2)
        default: return nil
        }
        guard let h, let m, h <= 23, m <= 59 else { return nil }
        return sign * (h * 3600 + m * 60)
    }

    /// `2026-11-25T14:03:12.345Z`, or without the fraction when it is zero.
    public static func format(_ date: Date) -> String {
        let ms = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000)
        let rest = ms - secs * 1000
        let ldt = LocalDateTime(naiveSeconds: secs)
        if rest == 0 { return "\(ldt)Z" }
        return "\(ldt)" + String(format: ".%03dZ", rest)
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
