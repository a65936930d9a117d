/// The common spelling of a working range, `HH:MM-HH:MM` (eleven ASCII bytes, no spaces), read
/// straight from its bytes. `HourRange.parse` splits, trims through Foundation and copies
/// arrays, which made it most of a big team's config load; any other spelling, and any range
/// it would reject, is still left to it, so answers and messages are the same.
enum HourRangeFastParse {
    /// The range, or nil when `text` is not a valid range in the common spelling.
    static func parse(_ text: String) -> HourRange? {
        var text = text
        return text.withUTF8 { u -> HourRange? in
            guard u.count == 11, u[2] == 0x3A, u[5] == 0x2D, u[8] == 0x3A,
                  let a = clock(u, 0), let b = clock(u, 6), a < 1440, a != b else { return nil }
            return HourRange(startMinute: a, endMinute: b)
        }
    }

    /// `HH:MM` at `at` (00:00…24:00) as minutes, as `HourRange.parseClock` reads it.
    private static func clock(_ u: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int? {
        guard let h = JournalBytes.digits(u, at, 2), let m = JournalBytes.digits(u, at + 3, 2) else { return nil }
        guard m < 60, h < 24 || (h == 24 && m == 0) else { return nil }
        return h * 60 + m
    }
}
