/// The event stream behind `BigTeamGenerator`: a team working for about 90 days. It tracks the
/// board as it goes so that every event is valid in context (tasks exist, columns are known,
/// releases are mostly by the holder, cancels name real events), in strictly rising `lc` order.
struct Simulation {
    typealias Fields = [(key: String, value: JSONValue)]

    let config: BigTeamGenerator.Config
    let members: [String]
    let rotations: [String]
    var rng: SeededRandom
    var lc = BigTeamGenerator.startMillis
    let averageGap: Int
    var step = 0
    var createsLeft: Int

    // Board as generated so far.
    var live: [Int] = []
    var livePosition: [Int: Int] = [:]
    var column: [Int] = []
    var holder: [Int: Int] = [:]
    var nextTask = 0
    // Presence and on-call events that cancels may name.
    var timeOffs: [(id: String, by: Int)] = []
    var overrides: [String] = []

    init(config: BigTeamGenerator.Config, members: [String], rotations: [String]) {
        self.config = config
        self.members = members
        self.rotations = rotations
        rng = SeededRandom(seed: config.seed)
        averageGap = max(2, Int(7_700_000_000 / Int64(config.events)))
        createsLeft = config.tasks
    }

    /// The next event: its writer (a member index) and its fields in writing order.
    mutating func next() -> (Int, Fields) {
        let eventsLeft = config.events - step
        step += 1
        lc += Int64(1 + rng.below(2 * averageGap))
        let mustCreate = createsLeft >= eventsLeft || live.isEmpty
        if createsLeft > 0 && (mustCreate || rng.below(eventsLeft) < createsLeft) {
            createsLeft -= 1
            return create()
        }
        let roll = rng.below(1000)
        switch roll {
        case 0..<200: return edit()
        case 200..<410: return move()
        case 410..<550: return claim()
        case 550..<620: return release()
        case 620..<650: return assign()
        case 650..<890: return comment()
        case 890..<895: return delete()
        case 895..<955: return statusSet()
        case 955..<975: return common(rng.below(members.count), "status.clear", [])
        case 975..<987: return timeoffAdd()
        case 987..<990: return timeoffCancel()
        case 990..<998: return override()
        default: return oncallCancel()
        }
    }

    // MARK: - Common fields

    mutating func eventID() -> String { rng.eventID() }

    /// `2026-11-25T14:03:12.345Z` from milliseconds, exactly.
    static func instant(millis: Int64) -> String {
        let secs = Int(millis / 1000), ms = Int(millis % 1000)
        let msText = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return "\(LocalDateTime(naiveSeconds: secs)).\(msText)Z"
    }

    mutating func common(_ writer: Int, _ op: String, _ rest: Fields) -> (Int, Fields) {
        var f: Fields = [("id", .string(eventID())), ("lc", .integer(lc)), ("at", .string(Self.instant(millis: lc))),
                         ("by", .string(members[writer])), ("op", .string(op))]
        f += rest
        return (writer, f)
    }

    func taskID(_ n: Int) -> String { "T\(n)" }

    mutating func anyMember() -> Int { rng.below(members.count) }

    /// A live task, recent ones more often (teams work on what is new).
    mutating func pickTask() -> Int {
        if rng.below(10) < 7 {
            return live[live.count - 1 - rng.below(min(2000, live.count))]
        }
        return live[rng.below(live.count)]
    }

    mutating func title() -> String {
        "\(BigTeamGenerator.verbs[rng.below(BigTeamGenerator.verbs.count)]) \(BigTeamGenerator.nouns[rng.below(BigTeamGenerator.nouns.count)])"
    }

    mutating func labels() -> JSONValue {
        .array((0..<rng.below(4)).map { _ in .string(BigTeamGenerator.labelPool[rng.below(BigTeamGenerator.labelPool.count)]) })
    }

    mutating func due() -> JSONValue {
        let day = LocalDate(daysSinceEpoch: Int(lc / 86_400_000) + 3 + rng.below(60))
        if rng.below(4) == 0 { return .string("\(day)T17:00:00Z") }
        return .string(day.description)
    }

    static let priorities = ["urgent", "high", "normal", "normal", "normal", "low"]

    // MARK: - Task ops

    mutating func create() -> (Int, Fields) {
        let n = nextTask
        nextTask += 1
        let col = rng.below(10) < 7 ? 0 : 1
        column.append(col)
        livePosition[n] = live.count
        live.append(n)
        var rest: Fields = [("task", .string(taskID(n))), ("title", .string(title() + " #\(n)"))]
        if col != 0 || rng.below(3) == 0 { rest.append(("column", .string(BigTeamGenerator.columns[col]))) }
        if rng.below(2) == 0 { rest.append(("priority", .string(Self.priorities[rng.below(Self.priorities.count)]))) }
        if rng.below(2) == 0 { rest.append(("labels", labels())) }
        if rng.below(4) == 0 { rest.append(("due", due())) }
        if rng.below(5) == 0 { rest.append(("notes", .string("Context: \(title()).\nAcceptance: tests pass."))) }
        return common(anyMember(), "task.create", rest)
    }

    mutating func edit() -> (Int, Fields) {
        let t = pickTask()
        var rest: Fields = [("task", .string(taskID(t)))]
        switch rng.below(5) {
        case 0: rest.append(("title", .string(title() + " (v2)")))
        case 1: rest.append(("priority", rng.below(8) == 0 ? .null : .string(Self.priorities[rng.below(Self.priorities.count)])))
        case 2: rest.append(("labels", labels()))
        case 3: rest.append(("due", rng.below(6) == 0 ? .null : due()))
        default: rest.append(("notes", rng.below(6) == 0 ? .null : .string("Updated: \(title())")))
        }
        return common(anyMember(), "task.edit", rest)
    }

    mutating func move() -> (Int, Fields) {
        let t = pickTask()
        // Mostly forward, one column at a time; sometimes back.
        var c = column[t]
        c = rng.below(5) == 0 ? max(0, c - 1) : min(BigTeamGenerator.columns.count - 1, c + 1)
        if c == column[t] { c = (c + 1) % BigTeamGenerator.columns.count }
        column[t] = c
        let writer = holder[t] ?? anyMember()
        return common(writer, "task.move", [("task", .string(taskID(t))), ("column", .string(BigTeamGenerator.columns[c]))])
    }

    mutating func claim() -> (Int, Fields) {
        var t = pickTask()
        // Claims go to free tasks; a few race with a holder (claims made apart → a conflict).
        for _ in 0..<3 where holder[t] != nil { t = pickTask() }
        let writer = anyMember()
        if holder[t] == nil { holder[t] = writer }
        return common(writer, "task.claim", [("task", .string(taskID(t)))])
    }

    mutating func release() -> (Int, Fields) {
        var t = pickTask()
        for _ in 0..<4 where holder[t] == nil { t = pickTask() }
        let writer = holder[t] ?? anyMember()
        holder[t] = nil
        return common(writer, "task.release", [("task", .string(taskID(t)))])
    }

    mutating func assign() -> (Int, Fields) {
        let t = pickTask()
        if rng.below(10) == 0 {
            holder[t] = nil
            return common(anyMember(), "task.assign", [("task", .string(taskID(t))), ("to", .null)])
        }
        let to = anyMember()
        holder[t] = to
        return common(anyMember(), "task.assign", [("task", .string(taskID(t))), ("to", .string(members[to]))])
    }

    mutating func comment() -> (Int, Fields) {
        let t = pickTask()
        let text = BigTeamGenerator.comments[rng.below(BigTeamGenerator.comments.count)]
        return common(holder[t] ?? anyMember(), "task.comment", [("task", .string(taskID(t))), ("text", .string(text))])
    }

    mutating func delete() -> (Int, Fields) {
        let t = pickTask()
        if let p = livePosition[t] {
            let last = live.removeLast()
            if last != t {
                live[p] = last
                livePosition[last] = p
            }
            livePosition[t] = nil
        }
        holder[t] = nil
        return common(anyMember(), "task.delete", [("task", .string(taskID(t)))])
    }

    // MARK: - Presence and on-call

    mutating func statusSet() -> (Int, Fields) {
        let kinds = ["online", "focus", "away", "ooo"]
        var rest: Fields = [("text", .string(BigTeamGenerator.statusTexts[rng.below(BigTeamGenerator.statusTexts.count)])),
                            ("kind", .string(kinds[rng.below(kinds.count)]))]
        if rng.below(2) == 0 { rest.append(("until", .string(Self.instant(millis: lc + Int64(1 + rng.below(8)) * 3_600_000)))) }
        return common(anyMember(), "status.set", rest)
    }

    mutating func timeoffAdd() -> (Int, Fields) {
        let writer = anyMember()
        let rest: Fields
        if rng.below(10) < 7 {
            let from = LocalDate(daysSinceEpoch: Int(lc / 86_400_000) + 1 + rng.below(40))
            let to = from.adding(days: rng.below(10))
            rest = [("from", .string(from.description)), ("to", .string(to.description)), ("note", .string("Holiday"))]
        } else {
            let from = lc + Int64(rng.below(30)) * 86_400_000
            rest = [("from", .string(Self.instant(millis: from))), ("to", .string(Self.instant(millis: from + 4 * 3_600_000)))]
        }
        let e = common(writer, "timeoff.add", rest)
        if case .string(let id) = e.1[0].value { timeOffs.append((id, writer)) }
        return e
    }

    mutating func timeoffCancel() -> (Int, Fields) {
        guard !timeOffs.isEmpty else { return timeoffAdd() }
        let (ref, by) = timeOffs.remove(at: rng.below(timeOffs.count))
        return common(by, "timeoff.cancel", [("ref", .string(ref))])
    }

    mutating func override() -> (Int, Fields) {
        let from = lc + Int64(rng.below(14 * 24)) * 3_600_000
        let to = from + Int64(1 + rng.below(48)) * 3_600_000
        let e = common(anyMember(), "oncall.override", [
            ("rotation", .string(rotations[rng.below(rotations.count)])), ("member", .string(members[anyMember()])),
            ("from", .string(Self.instant(millis: from))), ("to", .string(Self.instant(millis: to))),
        ])
        if case .string(let id) = e.1[0].value { overrides.append(id) }
        return e
    }

    mutating func oncallCancel() -> (Int, Fields) {
        guard !overrides.isEmpty else { return override() }
        let ref = overrides.remove(at: rng.below(overrides.count))
        return common(anyMember(), "oncall.cancel", [("ref", .string(ref))])
    }
}
