/// TOML 1.0 dates and times (RFC 3339): `1979-05-27`, `07:32:00.5`, `1979-05-27T07:32:00`
/// (`T`, `t` or one space between), and with an offset `Z`, `z` or `±HH:MM`. Seconds are required.
enum TOMLDateLexer {
    /// Digits then `-` at 4 (a date) or `:` at 2 (a time): TOML would read it as a date or time.
    static func looksLikeDateOrTime(_ s: [UInt8]) -> Bool {
        guard s.count >= 3, isDigit(s[0]), isDigit(s[1]) else { return false }
        if s[2] == UInt8(ascii: ":") { return true }
        return s.count >= 5 && isDigit(s[2]) && isDigit(s[3]) && s[4] == UInt8(ascii: "-")
    }

    static func isFullDate(_ t: ArraySlice<UInt8>) -> Bool { date(Array(t), 0) != nil }

    /// The value of a complete date/time token, or nil if it is not exactly one.
    static func value(_ s: [UInt8]) -> TOMLValue? {
        if let t = time(s, 0), t.end == s.count { return .localTime(t.time) }
        guard let d = date(s, 0) else { return nil }
        if s.count == 10 { return .localDate(d) }
        guard s.count > 11, s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t") || s[10] == 0x20,
              let t = time(s, 11) else { return nil }
        var k = t.end
        if k == s.count { return .localDateTime(d, t.time) }
        if s[k] == UInt8(ascii: "Z") || s[k] == UInt8(ascii: "z") {
            return k + 1 == s.count ? .offsetDateTime(d, t.time, offsetMinutes: 0) : nil
        }
        guard s[k] == UInt8(ascii: "+") || s[k] == UInt8(ascii: "-") else { return nil }
        let sign = s[k] == UInt8(ascii: "-") ? -1 : 1
        k += 1
        guard s.count == k + 5, let h = number(s, k, 2), s[k + 2] == UInt8(ascii: ":"), let m = number(s, k + 3, 2), h < 24, m < 60 else { return nil }
        return .offsetDateTime(d, t.time, offsetMinutes: sign * (h * 60 + m))
    }

    /// `YYYY-MM-DD` at `at` (a real calendar date).
    private static func date(_ s: [UInt8], _ at: Int) -> TOMLDate? {
        guard s.count >= at + 10, let y = number(s, at, 4), s[at + 4] == UInt8(ascii: "-"), let mo = number(s, at + 5, 2),
              s[at + 7] == UInt8(ascii: "-"), let d = number(s, at + 8, 2) else { return nil }
        return TOMLDate(year: y, month: mo, day: d)
    }

    /// `HH:MM:SS(.fraction)?` at `at`; the time and the index after it.
    private static func time(_ s: [UInt8], _ at: Int) -> (time: TOMLTime, end: Int)? {
        guard s.count >= at + 8, let h = number(s, at, 2), s[at + 2] == UInt8(ascii: ":"), let m = number(s, at + 3, 2),
              s[at + 5] == UInt8(ascii: ":"), let sec = number(s, at + 6, 2) else { return nil }
        var k = at + 8
        var nanos = 0
        if k < s.count && s[k] == UInt8(ascii: ".") {
            k += 1
            let start = k
            var scale = 100_000_000
            while k < s.count && isDigit(s[k]) {
                nanos += Int(s[k] - 0x30) * scale   // digits past nanoseconds are truncated
                scale /= 10
                k += 1
            }
            if k == start { return nil }
        }
        guard let t = TOMLTime(hour: h, minute: m, second: sec, nanosecond: nanos) else { return nil }
        return (t, k)
    }

    private static func number(_ s: [UInt8], _ at: Int, _ n: Int) -> Int? {
        guard at + n <= s.count else { return nil }
        var v = 0
        for k in at..<(at + n) {
            guard isDigit(s[k]) else { return nil }
            v = v * 10 + Int(s[k] - 0x30)
        }
        return v
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
