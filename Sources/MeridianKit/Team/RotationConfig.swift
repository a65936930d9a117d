import TOMLKit

/// How long one on-call shift lasts: N calendar days or weeks (same wall time), or N elapsed hours.
public enum ShiftLength: Hashable, Sendable, CustomStringConvertible {
    case days(Int)
    case hours(Int)

    public static func parse(_ text: String) -> ShiftLength? {
        guard let unit = text.last, let n = Int(text.dropLast()), n > 0, n <= 10_000 else { return nil }
        switch unit {
        case "d": return .days(n)
        case "w": return .days(n * 7)
        case "h": return .hours(n)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .days(let n): return n % 7 == 0 ? "\(n / 7)w" : "\(n)d"
        case .hours(let n): return "\(n)h"
        }
    }
}

/// A weekly window a rotation covers: days, and a wall-time range in the rotation's zone.
public struct RestrictWindow: Hashable, Sendable {
    public var days: [Int]
    public var range: HourRange
}

/// `oncall/<id>.toml`: a rotation of members with handoffs at wall times in its zone.
public struct RotationConfig: Sendable, Equatable {
    public var id: String
    public var name: String
    public var zone: Zone
    public var start: LocalDateTime
    public var shift: ShiftLength
    public var members: [String]
    public var restrict: [RestrictWindow]

    public init(id: String, name: String, zone: Zone, start: LocalDateTime, shift: ShiftLength, members: [String], restrict: [RestrictWindow] = []) {
        self.id = id
        self.name = name
        self.zone = zone
        self.start = start
        self.shift = shift
        self.members = members
        self.restrict = restrict
    }

    /// Reads a rotation file; a rotation lacking a zone, start, shift or members is a problem and left out.
    static func load(_ src: TOMLSource, id: String) -> (RotationConfig?, [Problem]) {
        var problems: [Problem] = []
        let t = src.table
        let name = t["name"]?.string ?? id
        var zone: Zone?
        if let z = t["timezone"]?.string {
            zone = Zone(z)
            if zone == nil { problems.append(src.problem("unknown time zone '\(z)'; rotation left out", key: "timezone")) }
        } else {
            problems.append(src.problem("missing or non-string 'timezone'; rotation left out", key: t["timezone"] == nil ? nil : "timezone"))
        }
        var start: LocalDateTime?
        if let v = t["start"] {
            if let s = v.string { start = parseWallTime(s) } else if let dt = v.dateTime {
                if dt.offset == nil, let d = LocalDate(year: Int(dt.date.year), month: Int(dt.date.month), day: Int(dt.date.day)) as LocalDate? {
                    start = LocalDateTime(date: d, hour: Int(dt.time.hour), minute: Int(dt.time.minute), second: Int(dt.time.second))
                }
            }
            if start == nil { problems.append(src.problem("'start' must be a wall time like \"2026-11-02 09:00\"; rotation left out", key: "start")) }
        } else {
            problems.append(src.problem("missing 'start'; rotation left out"))
        }
        var shift: ShiftLength?
        if let v = t["shift"] {
            shift = v.string.flatMap(ShiftLength.parse)
            if shift == nil { problems.append(src.problem("'shift' must be Nd, Nw or Nh (e.g. \"1w\"), not \(v.string.map { "'\($0)'" } ?? "that value"); rotation left out", key: "shift")) }
        } else {
            problems.append(src.problem("missing 'shift'; rotation left out"))
        }
        var members: [String] = []
        if let v = t["members"] {
            if let a = v.array, Array(a).allSatisfy({ $0.string.map(Identifiers.isValidName) ?? false }) {
                members = Array(a).compactMap { $0.string }
            }
            if members.isEmpty { problems.append(src.problem("'members' must be a non-empty list of member ids; rotation left out", key: "members")) }
        } else {
            problems.append(src.problem("missing 'members'; rotation left out"))
        }
        var windows: [RestrictWindow] = []
        // A broken window is dropped (that only narrows the cover); but when every window is broken
        // the rotation is left out, since no windows at all would mean covering every hour.
        var windowsOK = true
        if let v = t["restrict"] {
            if let a = v.array {
                for (i, item) in Array(a).enumerated() {
                    guard let w = item.table, let days = w["days"].flatMap(restrictDays),
                          let timeText = w["time"]?.string, case .success(let range) = HourRange.parse(timeText) else {
                        problems.append(src.problem("[[restrict]] needs days like \"mon-fri\" and time like \"09:00-17:00\"", key: nil, in: "restrict", occurrence: i))
                        continue
                    }
                    windows.append(RestrictWindow(days: days, range: range))
                }
                if windows.isEmpty, a.count > 0 {
                    problems.append(src.problem("no usable [[restrict]] window; rotation left out", key: nil, in: "restrict", occurrence: 0))
                    windowsOK = false
                }
            } else {
                problems.append(src.problem("'restrict' must be an array of tables ([[restrict]]); rotation left out", key: "restrict"))
                windowsOK = false
            }
        }
        guard let zone, let start, let shift, !members.isEmpty, windowsOK else { return (nil, problems) }
        return (RotationConfig(id: id, name: name, zone: zone, start: start, shift: shift, members: members, restrict: windows), problems)
    }

    /// A window's `days`: a day, a list "mon,wed" or a range "mon-fri" — as one string, or as a
    /// TOML array of such strings (`["mon", "wed-fri"]`).
    static func restrictDays(_ v: TOMLValueConvertible) -> [Int]? {
        if let s = v.string { return DaySet.parse(s) }
        guard let a = v.array, a.count > 0 else { return nil }
        var parts: [String] = []
        for item in Array(a) {
            guard let s = item.string else { return nil }
            parts.append(s)
        }
        return DaySet.parse(parts.joined(separator: ","))
    }

    /// `YYYY-MM-DD HH:MM[:SS]` (or with `T`) as a wall time.
    static func parseWallTime(_ s: String) -> LocalDateTime? {
        let u = Array(s.utf8)
        guard u.count == 16 || u.count == 19, let d = LocalDate(iso: String(decoding: u[0..<10], as: UTF8.self)),
              u[10] == 0x20 || u[10] == UInt8(ascii: "T"),
              let h = LocalDate.digits(u, 11, 2), u[13] == 0x3A, let m = LocalDate.digits(u, 14, 2), h < 24, m < 60 else { return nil }
        var sec = 0
        if u.count == 19 {
            guard u[16] == 0x3A, let s2 = LocalDate.digits(u, 17, 2), s2 < 60 else { return nil }
            sec = s2
        }
        return LocalDateTime(date: d, hour: h, minute: m, second: sec)
    }
}
