import Foundation

/// Byte-level twins of `LocalDate(iso:)`, `Instant.parse` and the `Identifiers` checks, for the
/// journal's hot path: they read a line's bytes in place instead of allocating strings and arrays.
/// Each gives exactly the answer of its twin (the tests compare them on many inputs).
enum JournalBytes {
    @inline(__always)
    static func digits(_ u: UnsafeBufferPointer<UInt8>, _ at: Int, _ n: Int) -> Int? {
        guard at + n <= u.count else { return nil }
        var v = 0
        for i in at..<(at + n) {
            let c = u[i]
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    /// `LocalDate(iso:)` on bytes: exactly `YYYY-MM-DD`, a real calendar date.
    static func date(_ u: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard u.count == 10 else { return nil }
        return datePrefix(u)
    }

    private static func datePrefix(_ u: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard u.count >= 10, u[4] == 0x2D, u[7] == 0x2D,
              let y = digits(u, 0, 4), let m = digits(u, 5, 2), let d = digits(u, 8, 2),
              m >= 1, m <= 12, d >= 1, d <= LocalDate.daysIn(year: y, month: m) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// The last date prefix `instant(_:days:)` read, and its day number: journal lines written
    /// close together share their date, so most lines skip the calendar arithmetic.
    struct DayCache {
        var prefix: (UInt64, UInt16) = (0, 0)
        var days = 0
    }

    /// `Instant.parse` on bytes: `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM|±HH)`.
    static func instant(_ u: UnsafeBufferPointer<UInt8>) -> Date? {
        var cache = DayCache()
        return instant(u, days: &cache)
    }

    /// `instant(_:)`, remembering the date prefix in `cache` (the answer is the same either way).
    static func instant(_ u: UnsafeBufferPointer<UInt8>, days cache: inout DayCache) -> Date? {
        guard u.count >= 17 else { return nil }
        let raw = UnsafeRawPointer(u.baseAddress!)
        let prefix = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        let days: Int
        if prefix == cache.prefix && cache.prefix.0 != 0 {
            days = cache.days
        } else {
            guard let date = datePrefix(u) else { return nil }
            days = date.daysSinceEpoch
            cache = DayCache(prefix: prefix, days: days)
        }
        return instant(u, days: days)
    }

    /// The rest of `instant` once the date prefix is known good and numbered: the shape writers
    /// use (`THH:MM:SS.fffZ`) read at fixed places, any other the long way.
    @inline(__always)
    private static func instant(_ u: UnsafeBufferPointer<UInt8>, days: Int) -> Date? {
        if u.count == 24, let d = writerTime(u, days: days) { return d }
        return timeLongWay(u, days: days)
    }

    /// `THH:MM:SS.fffZ` after the date, as `timeLongWay` reads it (the same checks and the same
    /// arithmetic, to the bit); nil when the time is not in exactly that shape.
    @inline(__always)
    static func writerTime(_ u: UnsafeBufferPointer<UInt8>, days: Int) -> Date? {
        guard u[10] == UInt8(ascii: "T"), u[13] == 0x3A, u[16] == 0x3A, u[19] == UInt8(ascii: "."), u[23] == UInt8(ascii: "Z") else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let d = u[i] &- 0x30
            return d <= 9 ? Int(d) : nil
        }
        guard let h1 = digit(11), let h2 = digit(12), let m1 = digit(14), let m2 = digit(15), let s1 = digit(17), let s2 = digit(18),
              let f1 = digit(20), let f2 = digit(21), let f3 = digit(22) else { return nil }
        let hh = h1 * 10 + h2, mm = m1 * 10 + m2, ss = s1 * 10 + s2
        guard hh <= 24, mm <= 59, ss <= 60, !(hh == 24 && (mm != 0 || ss != 0)) else { return nil }
        // The long way's sum, term by term: scale 0.1, then divided by 10 for each digit.
        var frac = 0.0
        frac += Double(f1) * 0.1
        frac += Double(f2) * fractionScales.1
        frac += Double(f3) * fractionScales.2
        let secs = days * 86400 + hh * 3600 + mm * 60 + min(ss, 59)
        return Date(timeIntervalSince1970: Double(secs) + frac)
    }

    /// The scales of the second and third fraction digits, as the long way's `scale /= 10` makes them.
    static let fractionScales: (Double, Double, Double) = {
        var scale = 0.1
        let first = scale
        scale /= 10
        let second = scale
        scale /= 10
        return (first, second, scale)
    }()

    /// The time and offset after a known-good date prefix, byte by byte.
    static func timeLongWay(_ u: UnsafeBufferPointer<UInt8>, days: Int) -> Date? {
        guard u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t") || u[10] == 0x20 else { return nil }
        guard let hh = digits(u, 11, 2), u[13] == 0x3A, let mm = digits(u, 14, 2) else { return nil }
        var i = 16
        var ss = 0
        var frac = 0.0
        if i < u.count, u[i] == 0x3A {
            guard let s = digits(u, 17, 2) else { return nil }
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
        guard i < u.count, let offset = offset(UnsafeBufferPointer(rebasing: u[i...])) else { return nil }
        let secs = days * 86400 + hh * 3600 + mm * 60 + min(ss, 59) - offset
        return Date(timeIntervalSince1970: Double(secs) + frac)
    }

    /// `Z`, `±HH:MM`, `±HHMM` or `±HH` as seconds east of UTC.
    private static func offset(_ u: UnsafeBufferPointer<UInt8>) -> Int? {
        if u.count == 1 && (u[0] == UInt8(ascii: "Z") || u[0] == UInt8(ascii: "z")) { return 0 }
        guard let first = u.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else { return nil }
        let sign = first == UInt8(ascii: "-") ? -1 : 1
        let h: Int?, m: Int?
        switch u.count {
        case 3: h = digits(u, 1, 2); m = 0
        case 5: h = digits(u, 1, 2); m = digits(u, 3, 2)
        case 6 where u[3] == 0x3A: h = digits(u, 1, 2); m = digits(u, 4, 2)
        default: return nil
        }
        guard let h, let m, h <= 23, m <= 59 else { return nil }
        return sign * (h * 3600 + m * 60)
    }

    /// Whether the bytes are well-formed UTF-8 (what `String(validating:as:)` accepts).
    static func isValidUTF8(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = u.count
        guard let base = u.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while i < n {
            // Plain ASCII (most of a line) is passed over eight bytes at a time.
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = u[i]
            if c < 0x80 { i += 1; continue }
            @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { k < n && u[k] >= lo && u[k] <= hi }
            switch c {
            case 0xC2...0xDF:
                guard cont(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                let lo: UInt8 = c == 0xE0 ? 0xA0 : 0x80, hi: UInt8 = c == 0xED ? 0x9F : 0xBF
                guard cont(i + 1, lo, hi), cont(i + 2) else { return false }
                i += 3
            case 0xF0...0xF4:
                let lo: UInt8 = c == 0xF0 ? 0x90 : 0x80, hi: UInt8 = c == 0xF4 ? 0x8F : 0xBF
                guard cont(i + 1, lo, hi), cont(i + 2), cont(i + 3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    /// `Identifiers.isValidName` on bytes.
    static func isValidName(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !u.isEmpty, u.count <= 32 else { return false }
        for i in 0..<u.count {
            let c = u[i]
            let alnum = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
            if i == 0 { if !alnum { return false } } else if !(alnum || c == 0x5F || c == 0x2D) { return false }
        }
        return true
    }

    /// `Identifiers.isValidTaskID` on bytes.
    static func isValidTaskID(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !u.isEmpty, u.count <= 32 else { return false }
        for c in u where !((c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x5F || c == 0x2D) {
            return false
        }
        return true
    }

    /// Whether the bytes spell `word`.
    @inline(__always)
    static func equals(_ u: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard u.count == n, let base = u.baseAddress else { return n == 0 && u.isEmpty }
        return memcmp(base, word.utf8Start, n) == 0
    }

    /// A 64-bit hash of a line, eight bytes at a time: equal lines, equal hashes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 31)
    }
}
