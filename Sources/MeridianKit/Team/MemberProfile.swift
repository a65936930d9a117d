import TOMLKit

/// `members/<id>.toml`: who a teammate is, their zone and weekly working hours.
public struct MemberProfile: Sendable, Equatable {
    public var id: String
    public var name: String
    public var zone: Zone
    public var handle: String?
    public var hours: WeeklyHours

    public init(id: String, name: String, zone: Zone, handle: String? = nil, hours: WeeklyHours) {
        self.id = id
        self.name = name
        self.zone = zone
        self.handle = handle
        self.hours = hours
    }

    /// Reads a member file. A missing or unknown zone leaves the member out (nil); bad hours are
    /// problems and only those ranges are dropped.
    static func load(_ src: TOMLSource, id: String) -> (MemberProfile?, [Problem]) {
        var problems: [Problem] = []
        let t = src.table
        var name = id
        if let v = t["name"] {
            if let s = v.string, !s.isEmpty { name = s } else { problems.append(src.problem("'name' must be a non-empty string", key: "name")) }
        }
        var handle: String?
        if let v = t["handle"] {
            if let s = v.string { handle = s } else { problems.append(src.problem("'handle' must be a string", key: "handle")) }
        }
        guard let tzValue = t["timezone"] else {
            problems.append(src.problem("missing required 'timezone'; member left out"))
            return (nil, problems)
        }
        guard let tzName = tzValue.string else {
            problems.append(src.problem("'timezone' must be a string like \"Europe/Berlin\"; member left out", key: "timezone"))
            return (nil, problems)
        }
        guard let zone = Zone(tzName) else {
            problems.append(src.problem("unknown time zone '\(tzName)'; member left out", key: "timezone"))
            return (nil, problems)
        }
        var hours = WeeklyHours()
        if let v = t["hours"] {
            if let table = v.table {
                for key in table.keys {
                    guard let day = WeeklyHours.dayKeys.firstIndex(of: key) else {
                        problems.append(src.problem("unknown day '\(key)' in [hours] (use mon … sun)", key: key, in: "hours"))
                        continue
                    }
                    let value = table[key]!
                    var texts: [String] = []
                    if let s = value.string { texts = [s] } else if let a = value.array, Array(a).allSatisfy({ $0.string != nil }) {
                        texts = Array(a).compactMap { $0.string }
                    } else {
                        problems.append(src.problem("hours for '\(key)' must be a range like \"09:00-17:00\" or a list of them", key: key, in: "hours"))
                        continue
                    }
                    for text in texts {
                        switch HourRange.parse(text) {
                        case .success(let r): hours.days[day].append(r)
                        case .failure(let e): problems.append(src.problem("bad hours for '\(key)': \(e.message)", key: key, in: "hours"))
                        }
                    }
                }
            } else {
                problems.append(src.problem("'hours' must be a table of days", key: "hours"))
            }
        }
        return (MemberProfile(id: id, name: name, zone: zone, handle: handle, hours: hours), problems)
    }
}
