import Foundation
import MeridianKit

/// Random but valid journal events over a few members, tasks and a rotation `primary`, with
/// clashes on purpose: competing claims, equal clocks, edits of deleted tasks, cancels.
enum RandomJournal {
    struct Event {
        var id: String
        var by: String
        var op: String
        var fields: String
        var at: String

        func line(lc: Int64) -> String {
            "{\"id\":\"\(id)\",\"lc\":\(lc),\"at\":\"\(at)\",\"by\":\"\(by)\",\"op\":\"\(op)\"\(fields.isEmpty ? "" : "," + fields)}\n"
        }
    }

    static let members = ["ann", "bob", "chen", "dee"]
    static let tasks = ["T1", "T2", "T3", "T4", "T5"]
    static let columns = ["Todo", "Doing", "Review", "Done", "Attic"]

    static func events(count: Int, rng: inout SeededRandom) -> [Event] {
        var out: [Event] = []
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        for n in 0..<count {
            let id = String(format: "%08x", n) + String(format: "%08x", UInt32(truncatingIfNeeded: rng.next()))
            let by = pick(members)
            let task = pick(tasks)
            let at = String(format: "2026-11-%02dT%02d:%02d:00Z", 1 + Int(rng.next() % 28), Int(rng.next() % 24), Int(rng.next() % 60))
            let earlier = out.isEmpty ? "none" : pick(out).id
            let (op, fields): (String, String)
            switch rng.next() % 14 {
            case 0, 1: (op, fields) = ("task.create", "\"task\":\"\(task)\",\"title\":\"\(task) by \(by)\",\"column\":\"\(pick(columns))\",\"priority\":\"\(pick(["urgent", "high", "normal", "low"]))\",\"labels\":[\"\(pick(["ops", "ui"]))\"]")
            case 2: (op, fields) = ("task.edit", "\"task\":\"\(task)\",\"title\":\"edited by \(by)\",\"due\":\(pick(["null", "\"2026-12-01\""]))")
            case 3: (op, fields) = ("task.move", "\"task\":\"\(task)\",\"column\":\"\(pick(columns))\"")
            case 4, 5: (op, fields) = ("task.claim", "\"task\":\"\(task)\"")
            case 6: (op, fields) = ("task.release", "\"task\":\"\(task)\"")
            case 7: (op, fields) = ("task.assign", "\"task\":\"\(task)\",\"to\":\(pick(["null", "\"\(pick(members))\""]))")
            case 8: (op, fields) = ("task.comment", "\"task\":\"\(task)\",\"text\":\"note \(n)\"")
            case 9: (op, fields) = ("task.delete", "\"task\":\"\(task)\"")
            case 10: (op, fields) = ("status.set", "\"text\":\"s\(n)\",\"kind\":\"\(pick(["online", "focus", "away", "ooo"]))\"")
            case 11: (op, fields) = ("timeoff.add", "\"from\":\"2026-12-0\(1 + n % 5)\",\"to\":\"2026-12-0\(6 + n % 3)\"")
            case 12: (op, fields) = ("oncall.override", "\"rotation\":\"\(pick(["primary", "ghost"]))\",\"member\":\"\(pick(members))\",\"from\":\"2026-11-10T00:00:00Z\",\"to\":\"2026-11-11T00:00:00Z\"")
            default: (op, fields) = (pick(["oncall.cancel", "timeoff.cancel"]), "\"ref\":\"\(earlier)\"")
            }
            out.append(Event(id: id, by: by, op: op, fields: fields, at: at))
        }
        return out
    }
}
