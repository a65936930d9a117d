/// One working range on a weekday: wall-clock minutes from the day's start; `end <= start` means
/// it crosses midnight into the next day (SPEC §1); `00:00-24:00` is the whole day.
public struct HourRange: Hashable, Sendable, CustomStringConvertible {
    public var startMinute: Int
    public var endMinute: Int

    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// True when the range runs past midnight into the next day.
    public var crossesMidnight: Bool { endMinute <= startMinute }

    /// Length in wall minutes.
    public var wallMinutes: Int { crossesMidnight ? 1440 - startMinute + endMinute : endMinute - startMinute }

    /// Parses `HH:MM-HH:MM`; the error is a plain sentence.
    public static func parse(_ text: String) -> Result<HourRange, HoursError> {
        // The common spelling `HH:MM-HH:MM` is read from its bytes; anything else goes the long way.
        if let r = HourRangeFastParse.parse(text) { return .success(r) }
        return parseAnySpelling(text)
    }

    /// `parse` without the byte-level shortcut: any spacing, every error message.
    static func parseAnySpelling(_ text: String) -> Result<HourRange, HoursError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let a = parseClock(String(parts[0]).trimmingCharacters(in: .whitespaces)),
              let b = parseClock(String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            return .failure(HoursError("'\(text)' is not a range like 09:00-17:30"))
        }
        guard a < 1440 else { return .failure(HoursError("'\(text)': a range cannot start at 24:00")) }
        guard a != b else { return .failure(HoursError("'\(text)': start and end are equal")) }
        return .success(HourRange(startMinute: a, endMinute: b))
    }

    /// `HH:MM` with 00:00…24:00 → minutes.
    static func parseClock(_ s: String) -> Int? {
        let u = Array(s.utf8)
        guard u.count == 5 || u.count == 4 else { return nil }
        let colon = u.count - 3
        guard u[colon] == 0x3A, let h = LocalDate.digits(u, 0, colon), let m = LocalDate.digits(u, colon + 1, 2) else { return nil }
        guard m < 60, h < 24 || (h == 24 && m == 0) else { return nil }
        return h * 60 + m
    }

    public var description: String {
        func f(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }
        return "\(f(startMinute))-\(f(endMinute))"
    }
}

/// Why an hours text was rejected.
public struct HoursError: Error, Equatable, Sendable {
    public var message: String
    init(_ m: String) { message = m }
}

/// Working hours per weekday (0 = Monday … 6 = Sunday), wall time in the member's zone.
public struct WeeklyHours: Hashable, Sendable {
    public var days: [[HourRange]]

    public init(days: [[HourRange]] = Array(repeating: [], count: 7)) {
        self.days = days
    }

    public static let dayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public var isEmpty: Bool { days.allSatisfy(\.isEmpty) }

    /// Parses a `--hours` spec: `mon-fri 09:00-17:00; sat 10:00-12:00,13:00-14:00` (also `Mon-Fri 9-17, sat 10-12`).
    public static func parseSpec(_ spec: String) -> Result<WeeklyHours, HoursError> {
        var hours = WeeklyHours()
        // Words are days ("mon-fri", "mon,wed", "Sat") or ranges ("09:00-17:00", "9-17"); a day word
        // after ranges starts a new group, so "mon-fri 09:00-17:00, sat 10:00-12:00" and ";" both work.
        let text = spec.replacingOccurrences(of: " - ", with: "-")
        for clause in text.split(separator: ";") {
            var days: [Int] = []
            var ranges = 0
            var lastWasRange = false
            for word in clause.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) {
                let w = String(word)
                if w.first?.isLetter == true {
                    guard let d = DaySet.parse(w) else { return .failure(HoursError("'\(w)' is not a day, a list or a range of days")) }
                    if lastWasRange {
                        days = []
                        ranges = 0
                    }
                    days += d
                    lastWasRange = false
                } else {
                    guard !days.isEmpty else { return .failure(HoursError("'\(clause.trimmingCharacters(in: .whitespaces))' should be DAYS RANGES, e.g. mon-fri 09:00-17:00")) }
                    switch HourRange.parse(Self.withMinutes(w)) {
                    case .success(let range): for d in days { hours.days[d].append(range) }
                    case .failure(let e): return .failure(e)
                    }
                    ranges += 1
                    lastWasRange = true
                }
            }
            if !days.isEmpty, ranges == 0 {
                return .failure(HoursError("'\(clause.trimmingCharacters(in: .whitespaces))' should be DAYS RANGES, e.g. mon-fri 09:00-17:00"))
            }
        }
        if hours.isEmpty { return .failure(HoursError("no working hours given")) }
        return .success(hours)
    }
}

extension WeeklyHours {
    /// `9-17` → `9:00-17:00`: bare hours get their minutes (command-line hours only).
    static func withMinutes(_ range: String) -> String {
        range.split(separator: "-", omittingEmptySubsequences: false).map { part -> String in
            let p = part.trimmingCharacters(in: .whitespaces)
            return !p.isEmpty && p.count <= 2 && p.allSatisfy(\.isNumber) ? p + ":00" : p
        }.joined(separator: "-")
    }
}

/// Day lists as written in rotations and `--hours`: `mon`, `mon,wed`, `mon-fri` (ranges may wrap).
public enum DaySet {
    public static func parse(_ text: String) -> [Int]? {
        var out: [Int] = []
        for part in text.lowercased().split(separator: ",") {
            let ends = part.split(separator: "-")
            if ends.count == 1, let d = WeeklyHours.dayKeys.firstIndex(of: String(ends[0]).trimmingCharacters(in: .whitespaces)) {
                out.append(d)
            } else if ends.count == 2,
                      let a = WeeklyHours.dayKeys.firstIndex(of: String(ends[0]).trimmingCharacters(in: .whitespaces)),
                      let b = WeeklyHours.dayKeys.firstIndex(of: String(ends[1]).trimmingCharacters(in: .whitespaces)) {
                var d = a
                while true {
                    out.append(d)
                    if d == b { break }
                    d = (d + 1) % 7
                }
            } else {
                return nil
            }
        }
        return out.isEmpty ? nil : Array(Set(out)).sorted()
    }
}
