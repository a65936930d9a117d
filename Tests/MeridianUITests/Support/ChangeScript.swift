import Foundation
import MeridianKit
import MeridianTerminal
@testable import MeridianUI

/// A seeded random sequence of everything that can happen to an open dashboard: teammates' events
/// of every kind (often by the members on call, whose presence feeds on-call warnings), config
/// edits, conflict copies and bad or duplicate lines left by sync tools, keys, resizes, and time
/// moving on by minutes to most of a day. Each step writes to the team (if it does) and returns
/// the actions the run loop would then hand to `Update.update`.
struct ChangeScript {
    let team: GeneratedTeam
    var rng: SeededRandom
    var clock = IncrementalDerivationTests.start
    var written: (timeOff: [(member: String, id: String)], overrides: [String]) = ([], [])
    var step = 0

    init(team: GeneratedTeam, seed: UInt64) {
        self.team = team
        rng = SeededRandom(seed: seed)
    }

    mutating func pick<T>(_ xs: [T]) -> T { xs[rng.below(xs.count)] }

    var snapshot: TeamSnapshot { team.team.snapshot }

    /// A member, half of the time one of a rotation's.
    mutating func someMember() -> String {
        if rng.below(2) == 0, let rotation = snapshot.rotations.randomElement(using: &rng), !rotation.members.isEmpty {
            return pick(rotation.members)
        }
        return pick(team.members)
    }

    mutating func next(_ s: inout AppState) throws -> [(String, Action)] {
        step += 1
        let roll = rng.below(100)
        switch roll {
        case 0..<28: return try boardEvent()
        case 28..<38: return try statusEvent()
        case 38..<46: return try timeOffEvent()
        case 46..<54: return try overrideEvent()
        case 54..<60: return try configEdit()
        case 60..<76:
            let minutes = rng.below(4) == 0 ? 60 * (6 + rng.below(14)) : 1 + rng.below(180)
            clock = clock.addingTimeInterval(Double(minutes * 60))
            return [("tick +\(minutes)m", .tick(clock))]
        case 76..<90: return keys(s)
        case 90..<95:
            let (w, h) = pick([(200, 60), (120, 40), (80, 24), (100, 30)])
            return [("resize \(w)×\(h)", .resize(width: w, height: h))]
        default: return try syncArtifact()
        }
    }

    func changed(_ what: String) -> [(String, Action)] { [(what, .teamChanged(snapshot))] }

    mutating func append(_ member: String, _ op: String, _ fields: [(key: String, value: JSONValue)]) throws -> String {
        let writer = JournalWriter(teamPath: team.path, member: member, device: "laptop")
        let id = try writer.append(op: op, fields: fields, now: clock, largestLC: snapshot.state.maxLC)
        try team.team.reload(configChanged: false)
        return id
    }

    mutating func boardEvent() throws -> [(String, Action)] {
        let ids = snapshot.board.tasks.keys.sorted()
        let task = ids.isEmpty ? "none" : pick(ids)
        let by = someMember()
        let op = pick(["task.create", "task.edit", "task.move", "task.move", "task.claim", "task.release", "task.assign", "task.comment", "task.delete"])
        var fields: [(key: String, value: JSONValue)] = [("task", .string(task))]
        switch op {
        case "task.create":
            fields = [("task", .string("N\(step)")), ("title", .string("New \(step) thing")), ("priority", .string(pick(["urgent", "high", "normal", "low"])))]
            if rng.below(2) == 0 { fields.append(("column", .string(pick(snapshot.board.columns)))) }
        case "task.edit":
            fields += [("title", .string(pick(["Retitled \(step)", "Fix the test \(step)", "日本語 \(step)"]))), ("priority", .string(pick(["urgent", "high", "low"])))]
        case "task.move":
            fields.append(("column", .string(rng.below(8) == 0 ? "Limbo" : pick(snapshot.board.columns))))
        case "task.assign":
            fields.append(("to", rng.below(3) == 0 ? .null : .string(pick(team.members))))
        case "task.comment":
            fields.append(("text", .string("note \(step)")))
        default:
            break
        }
        _ = try append(by, op, fields)
        return changed("\(by) \(op) \(task)")
    }

    mutating func statusEvent() throws -> [(String, Action)] {
        let by = someMember()
        if rng.below(4) == 0 {
            _ = try append(by, "status.clear", [])
            return changed("\(by) status.clear")
        }
        var fields: [(key: String, value: JSONValue)] = [("text", .string("status \(step)")), ("kind", .string(pick(["online", "focus", "away", "ooo"])))]
        if rng.below(2) == 0 { fields.append(("until", .string(Instant.format(clock.addingTimeInterval(Double(600 + rng.below(20_000))))))) }
        _ = try append(by, "status.set", fields)
        return changed("\(by) status.set")
    }

    mutating func timeOffEvent() throws -> [(String, Action)] {
        if rng.below(4) == 0, !written.timeOff.isEmpty {
            let (member, id) = written.timeOff.remove(at: rng.below(written.timeOff.count))
            _ = try append(member, "timeoff.cancel", [("ref", .string(id))])
            return changed("\(member) timeoff.cancel")
        }
        let by = someMember()
        let from = clock.addingTimeInterval(Double(rng.below(48) - 24) * 3600)
        let fields: [(key: String, value: JSONValue)]
        if rng.below(2) == 0 {
            let zone = snapshot.member(by)?.zone ?? .utc
            let day = zone.date(at: from)
            fields = [("from", .string(day.description)), ("to", .string(day.adding(days: rng.below(3)).description))]
        } else {
            fields = [("from", .string(Instant.format(from))), ("to", .string(Instant.format(from.addingTimeInterval(Double(3600 * (1 + rng.below(30)))))))]
        }
        let id = try append(by, "timeoff.add", fields)
        written.timeOff.append((by, id))
        return changed("\(by) timeoff.add")
    }

    mutating func overrideEvent() throws -> [(String, Action)] {
        let by = pick(team.members)
        if rng.below(4) == 0, !written.overrides.isEmpty {
            let id = written.overrides.remove(at: rng.below(written.overrides.count))
            _ = try append(by, "oncall.cancel", [("ref", .string(id))])
            return changed("\(by) oncall.cancel")
        }
        let rotation = rng.below(10) == 0 ? "nosuch" : pick(snapshot.rotations).id
        let from = clock.addingTimeInterval(Double(rng.below(36) - 6) * 3600)
        let id = try append(by, "oncall.override", [("rotation", .string(rotation)), ("member", .string(someMember())),
                                                    ("from", .string(Instant.format(from))),
                                                    ("to", .string(Instant.format(from.addingTimeInterval(Double(3600 * (1 + rng.below(20)))))))])
        written.overrides.append(id)
        return changed("\(by) oncall.override \(rotation)")
    }

    mutating func configEdit() throws -> [(String, Action)] {
        switch rng.below(4) {
        case 0:
            let member = pick(team.members)
            let file = "members/\(member).toml"
            let text = try team.read(file)
            try team.write(file, text.replacingOccurrences(of: "name = \"", with: "name = \"Dr. "))
            return [("rename \(member)", .teamChanged(snapshot))]
        case 1:
            let member = pick(team.members)
            let zone = snapshot.member(member)?.zone.identifier ?? "UTC"
            let start = 5 + rng.below(12)
            try team.write("members/\(member).toml", """
                name = "Shift \(member)"
                timezone = "\(zone)"
                [hours]
                sun = "\(start):00-\(start + 6):00"
                mon = "\(start):00-\(start + 6):00"
                tue = "22:00-04:00"

                """)
            return [("new hours for \(member)", .teamChanged(snapshot))]
        case 2:
            let text = try team.read("team.toml")
            try team.write("team.toml", text.replacingOccurrences(of: "Doing = ", with: "Doing = 1").replacingOccurrences(of: "Review = 150", with: "Review = 2"))
            return [("WIP limits", .teamChanged(snapshot))]
        default:
            let file = "oncall/primary.toml"
            let text = try team.read(file)
            let members = snapshot.rotation("primary")?.members ?? []
            let list = members.reversed().map { "\"\($0)\"" }.joined(separator: ", ")
            try team.write(file, text.components(separatedBy: "\n").map { $0.hasPrefix("members") ? "members = [\(list)]" : $0 }.joined(separator: "\n"))
            return [("rotation order", .teamChanged(snapshot))]
        }
    }

    mutating func keys(_ s: AppState) -> [(String, Action)] {
        let sequences: [[KeyEvent]] = [
            [.char("3")], [.char("1")], [.char("2")], [.char("4")], [.char("j")], [.char("j"), .char("j")], [.char("k")],
            [.char("l")], [.char("h")], [.char("]")], [.char("["), .char("[")], [.char("t")], [.tab],
            [.char("3"), .char("/"), .char("n"), .char("e"), .char("w"), .enter],
            [.char("/"), .char("t"), .char("e"), .char(" "), .char("x"), .backspace, .backspace, .escape],
            [.char("/"), .char("m"), .char("0"), .enter], [.escape],
        ]
        let keys = pick(sequences)
        return keys.map { ("key \($0)", .key($0)) }
    }

    mutating func syncArtifact() throws -> [(String, Action)] {
        let member = pick(team.members)
        let file = team.journal(of: member)
        switch rng.below(3) {
        case 0:
            let copy = "journal/\(member)/laptop.sync-conflict-20261101-0\(step % 10)0000-ABCDEFG.jsonl"
            try? FileManager.default.removeItem(atPath: team.path + "/" + copy)
            try FileManager.default.copyItem(atPath: team.path + "/" + file, toPath: team.path + "/" + copy)
            try team.team.reload(configChanged: false)
            return changed("conflict copy of \(file)")
        case 1:
            try team.appendRaw(file, "{\"id\": \"broken\n")
            return changed("bad line in \(file)")
        default:
            let other = team.journal(of: pick(team.members))
            let line = try team.read(other).split(separator: "\n").first.map(String.init) ?? ""
            try team.appendRaw(file, line + "\n")
            return changed("duplicate line in \(file)")
        }
    }
}
