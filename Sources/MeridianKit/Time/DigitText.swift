import Foundation

/// Zero-padded decimal text for dates, clocks and offsets, written byte by byte: `String(format:)`
/// goes through Foundation's formatter and was a large share of writing a status report.
/// Each writer gives exactly what `String(format: "%0Nd")` gives; values it does not expect
/// (negative, or wider than the field) take that slow path itself.
enum DigitText {
    /// An ASCII string of `count` bytes that `body` writes.
    @inline(__always)
    static func ascii(_ count: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Void) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            body(buffer.baseAddress!)
            return count
        }
    }

    /// Writes `n` (0…99) as two digits at `p`.
    @inline(__always)
    static func two(_ n: Int, at p: UnsafeMutablePointer<UInt8>) {
        p[0] = UInt8(truncatingIfNeeded: n / 10) &+ 0x30
        p[1] = UInt8(truncatingIfNeeded: n % 10) &+ 0x30
    }

    /// Writes `n` (0…999) as three digits at `p`.
    @inline(__always)
    static func three(_ n: Int, at p: UnsafeMutablePointer<UInt8>) {
        p[0] = UInt8(truncatingIfNeeded: n / 100) &+ 0x30
        two(n % 100, at: p + 1)
    }

    /// Writes `n` (0…9999) as four digits at `p`.
    @inline(__always)
    static func four(_ n: Int, at p: UnsafeMutablePointer<UInt8>) {
        two(n / 100, at: p)
        two(n % 100, at: p + 2)
    }

    /// `HH:MM` (or `HH:MM:SS` when `second` is given), as `%02d:%02d[:%02d]` writes it.
    static func clock(_ hour: Int, _ minute: Int, _ second: Int? = nil) -> String {
        guard (0...99).contains(hour), (0...99).contains(minute), (0...99).contains(second ?? 0) else {
            if let second { return String(format: "%02d:%02d:%02d", hour, minute, second) }
            return String(format: "%02d:%02d", hour, minute)
        }
        return ascii(second == nil ? 5 : 8) { p in
            two(hour, at: p)
            p[2] = UInt8(ascii: ":")
            two(minute, at: p + 3)
            if let second {
                p[5] = UInt8(ascii: ":")
                two(second, at: p + 6)
            }
        }
    }

    /// `YYYY-MM-DD`, as `%04d-%02d-%02d` writes it.
    static func date(_ year: Int, _ month: Int, _ day: Int) -> String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        return ascii(10) { p in
            four(year, at: p)
            p[4] = UInt8(ascii: "-")
            two(month, at: p + 5)
            p[7] = UInt8(ascii: "-")
            two(day, at: p + 8)
        }
    }

    /// Whether `writeDateTime` can write `t`: every field fits its width (a four-digit year).
    static func fits(_ t: LocalDateTime) -> Bool {
        let d = t.date
        return (0...9999).contains(d.year) && (0...99).contains(d.month) && (0...99).contains(d.day)
            && (0..<360_000).contains(t.secondOfDay)
    }

    /// Writes `YYYY-MM-DDTHH:MM:SS` (19 bytes) at `p`; `t` must `fit`.
    static func writeDateTime(_ t: LocalDateTime, at p: UnsafeMutablePointer<UInt8>) {
        let d = t.date
        four(d.year, at: p)
        p[4] = UInt8(ascii: "-")
        two(d.month, at: p + 5)
        p[7] = UInt8(ascii: "-")
        two(d.day, at: p + 8)
        p[10] = UInt8(ascii: "T")
        let s = t.secondOfDay
        two(s / 3600, at: p + 11)
        p[13] = UInt8(ascii: ":")
        two(s / 60 % 60, at: p + 14)
        p[16] = UInt8(ascii: ":")
        two(s % 60, at: p + 17)
    }

    /// Whether `writeOffset` can write `seconds`: at most 99 hours either way.
    static func fits(offset seconds: Int) -> Bool { seconds.magnitude < 360_000 }

    /// Writes `±HH:MM` (6 bytes) at `p`; the offset must `fit`.
    static func writeOffset(_ seconds: Int, at p: UnsafeMutablePointer<UInt8>) {
        let a = abs(seconds) / 60
        p[0] = seconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
        two(a / 60, at: p + 1)
        p[3] = UInt8(ascii: ":")
        two(a % 60, at: p + 4)
    }

    /// `+HH:MM` / `-HH:MM` for an offset in seconds (seconds below a minute dropped, toward zero).
    static func offset(_ seconds: Int) -> String {
        guard fits(offset: seconds) else {
            let a = abs(seconds) / 60
            return (seconds < 0 ? "-" : "+") + String(format: "%02d:%02d", a / 60, a % 60)
        }
        return ascii(6) { writeOffset(seconds, at: $0) }
    }
}
