import TOMLKit

/// `team.toml`: the team's name, board columns, WIP limits and staleness rule.
public struct TeamSettings: Sendable, Equatable {
    public var name: String
    public var columns: [String]
    public var wipLimits: [String: Int]
    public var staleClaimDays: Double?

    public static let defaultColumns = ["Todo", "Doing", "Review", "Done"]

    public init(name: String, columns: [String] = TeamSettings.defaultColumns, wipLimits: [String: Int] = [:], staleClaimDays: Double? = nil) {
        self.name = name
        self.columns = columns
        self.wipLimits = wipLimits
        self.staleClaimDays = staleClaimDays
    }

    /// Reads team.toml's values; bad values are problems and fall back to defaults.
    static func load(_ src: TOMLSource, fallbackName: String) -> (TeamSettings, [Problem]) {
        var problems: [Problem] = []
        var s = TeamSettings(name: fallbackName)
        let t = src.table
        if let v = t["name"] {
            if let name = v.string, !name.isEmpty { s.name = name } else { problems.append(src.problem("'name' must be a non-empty string", key: "name")) }
        }
        if let v = t["columns"] {
            let cols = v.array.map { Array($0).compactMap { $0.string } } ?? []
            let unique = Set(cols)
            if let a = v.array, cols.count == a.count, !cols.isEmpty, unique.count == cols.count, cols.allSatisfy({ !$0.isEmpty }) {
                s.columns = cols
            } else {
                problems.append(src.problem("'columns' must be a non-empty list of distinct names", key: "columns"))
            }
        }
        if let v = t["wip"] {
            if let wip = v.table {
                for key in wip.keys {
                    guard let n = wip[key]?.int, n >= 0 else {
                        problems.append(src.problem("WIP limit for '\(key)' must be a whole number of 0 or more", key: key, in: "wip"))
                        continue
                    }
                    if s.columns.contains(key) { s.wipLimits[key] = n } else {
                        problems.append(src.problem("WIP limit for unknown column '\(key)'", key: key, in: "wip"))
                    }
                }
            } else {
                problems.append(src.problem("'wip' must be a table", key: "wip"))
            }
        }
        if let v = t["board"] {
            if let board = v.table {
                if let d = board["stale_claim_days"] {
                    if let n = d.int, n > 0 { s.staleClaimDays = Double(n) }
                    else if let x = d.double, x > 0 { s.staleClaimDays = x }
                    else { problems.append(src.problem("'stale_claim_days' must be a positive number", key: "stale_claim_days", in: "board")) }
                }
            } else {
                problems.append(src.problem("'board' must be a table", key: "board"))
            }
        }
        return (s, problems)
    }
}
