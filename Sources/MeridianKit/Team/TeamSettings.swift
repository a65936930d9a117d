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
        if let v = t.node("name") {
            if let name = v.value.string, !name.isEmpty { s.name = name } else { problems.append(src.problem("'name' must be a non-empty string", at: v)) }
        }
        if let v = t.node("columns") {
            let items = v.value.array ?? []
            let cols = items.compactMap { $0.value.string }
            if !items.isEmpty, cols.count == items.count, Set(cols).count == cols.count, cols.allSatisfy({ !$0.isEmpty }) {
                s.columns = cols
            } else {
                problems.append(src.problem("'columns' must be a non-empty list of distinct names", at: v))
            }
        }
        if let v = t.node("wip") {
            if let wip = v.value.table {
                for (key, limit) in wip.entries {
                    guard let n = limit.value.int, n >= 0 else {
                        problems.append(src.problem("WIP limit for '\(key)' must be a whole number of 0 or more", at: limit))
                        continue
                    }
                    if s.columns.contains(key) { s.wipLimits[key] = n } else {
                        problems.append(src.problem("WIP limit for unknown column '\(key)'", at: limit))
                    }
                }
            } else {
                problems.append(src.problem("'wip' must be a table", at: v))
            }
        }
        if let v = t.node("board") {
            if let board = v.value.table {
                if let d = board.node("stale_claim_days") {
                    if let n = d.value.int, n > 0 { s.staleClaimDays = Double(n) }
                    else if let x = d.value.double, x > 0, x.isFinite { s.staleClaimDays = x }
                    else { problems.append(src.problem("'stale_claim_days' must be a positive number", at: d)) }
                }
            } else {
                problems.append(src.problem("'board' must be a table", at: v))
            }
        }
        return (s, problems)
    }
}
