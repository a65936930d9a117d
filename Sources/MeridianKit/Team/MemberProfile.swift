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
        if let v = t.node("name") {
            if let s = v.value.string, !s.isEmpty { name = s } else { problems.append(src.problem("'name' must be a non-empty string", at: v)) }
        }
        var handle: String?
        if let v = t.node("handle") {
            if let s = v.value.string { handle = s } else { problems.append(src.problem("'handle' must be a string", at: v)) }
        }
        guard let tzValue = t.node("timezone") else {
            problems.append(src.problem("missing required 'timezone'; member left out"))
            return (nil, problems)
        }
        guard let tzName = tzValue.value.string else {
            problems.append(src.problem("'timezone' must be a string like \"Europe/Berlin\"; member left out", at: tzValue))
            return (nil, problems)
        }
        guard let zone = Zone(tzName) else {
            problems.append(src.problem("unknown time zone '\(tzName)'; member left out", at: tzValue))
            return (nil, problems)
        }
        var hours = WeeklyHours()
        if let v = t.node("hours") {
            if let table = v.value.table {
                for (key, value) in table.entries {
                    guard let day = WeeklyHours.dayKeys.firstIndex(of: key) else {
                        problems.append(src.problem("unknown day '\(key)' in [hours] (use mon … sun)", at: value))
                        continue
                    }
                    // Each range with its own node, so a bad one in a multi-line list has its own line.
                    var texts: [(String, TOMLNode)] = []
                    if let s = value.value.string { texts = [(s, value)] } else if let a = value.value.array, a.allSatisfy({ $0.value.string != nil }) {
                        texts = a.map { ($0.value.string!, $0) }
                    } else {
                        problems.append(src.problem("hours for '\(key)' must be a range like \"09:00-17:00\" or a list of them", at: value))
                        continue
                    }
                    for (text, node) in texts {
                        switch HourRange.parse(text) {
                        case .success(let r): hours.days[day].append(r)
                        case .failure(let e): problems.append(src.problem("bad hours for '\(key)': \(e.message)", at: node))
                        }
                    }
                }
            } else {
                problems.append(src.problem("'hours' must be a table of days", at: v))
            }
        }
        return (MemberProfile(id: id, name: name, zone: zone, handle: handle, hours: hours), problems)
    }
}
