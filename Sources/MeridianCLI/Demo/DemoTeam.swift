import Foundation
import MeridianKit

/// Writes the demo team through Meridian's own writers (member files, journal appends), with
/// every time relative to `now` so it always looks alive, and every choice seeded by `now` so
/// the same `now` always gives the same team.
struct DemoTeam {
    let path: String
    let now: Date
    private var rng: SeededRandom
    private var planned: [Planned] = []

    /// One journal event to write: who, from which device, when, and whether it was written
    /// "apart" (its device had not seen the last `apartMinutes` of the team's events).
    private struct Planned {
        var at: Date
        var by: String
        var device: String
        var op: String
        var fields: [(key: String, value: JSONValue)]
        var apartMinutes: Double = 0
    }

    init(path: String, now: Date) {
        self.path = path
        // Whole seconds: the demo's instants are written without a fraction.
        self.now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        rng = SeededRandom(seed: UInt64(bitPattern: Int64(self.now.timeIntervalSince1970)) ^ 0x6D65_7269_6469_616E)
    }

    /// Writes everything; returns the member the demo opens as.
    mutating func write(teamName: String = "Meridian Demo") throws(WriteError) -> String {
        try writeTeamFiles(teamName)
        planTasks()
        planPresence()
        planOverrides()
        try appendAll()
        return DemoContent.viewer
    }

    // MARK: - Hand-edited files

    private func writeTeamFiles(_ name: String) throws(WriteError) {
        var quoted = ""
        JSONWriter.writeString(name, into: &quoted)
        try writeText("team.toml", """
        name = \(quoted)
        columns = ["Todo", "Doing", "Review", "Done"]

        [wip]
        Doing = 6
        Review = 5

        [board]
        stale_claim_days = 5

        """)
        for p in DemoContent.people {
            guard case .success(let hours) = WeeklyHours.parseSpec(p.hours) else { throw WriteError("demo hours for \(p.id) do not parse") }
            try MemberFileWriter.write(teamPath: path, id: p.id, name: p.name, timezone: p.zone, handle: p.handle, hours: hours)
        }
        let berlin = Zone("Europe/Berlin")!, newYork = Zone("America/New_York")!
        // A weekly rotation that began on a Monday four to five weeks ago, handing off at 09:00 Berlin.
        var monday = berlin.date(at: now).adding(days: -28)
        monday = monday.adding(days: -monday.weekdayIndex)
        try writeText("oncall/primary.toml", """
        name = "Primary"
        timezone = "Europe/Berlin"          # handoffs are wall times here
        start = "\(monday) 09:00"
        shift = "1w"
        members = ["marco", "priya", "sam", "kai"]

        """)
        // A daily support rotation covering weekday business hours in New York only.
        try writeText("oncall/support.toml", """
        name = "Customer support"
        timezone = "America/New_York"
        start = "\(newYork.date(at: now).adding(days: -15)) 08:00"
        shift = "1d"
        members = ["sam", "lena", "anil", "yuki"]

        [[restrict]]
        days = "mon-fri"
        time = "08:00-20:00"

        """)
    }

    private func writeText(_ relative: String, _ text: String) throws(WriteError) {
        let full = path + "/" + relative
        do {
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        } catch {
            throw WriteError("cannot write \(relative): \(error.localizedDescription)")
        }
    }

    // MARK: - Planning events

    private func device(_ member: String) -> String { DemoContent.people.first { $0.id == member }!.device }

    private func zone(_ member: String) -> Zone { Zone(DemoContent.people.first { $0.id == member }!.zone)! }

    private mutating func plan(_ at: Date, _ by: String, _ op: String, _ fields: [(key: String, value: JSONValue)], device: String? = nil, apartMinutes: Double = 0) {
        planned.append(Planned(at: at, by: by, device: device ?? self.device(by), op: op, fields: fields, apartMinutes: apartMinutes))
    }

    private mutating func hoursAgo(_ h: Double) -> Date {
        // A little jitter so the board does not look machine-made; minutes only, never the future.
        now.addingTimeInterval(-h * 3600 - Double(rng.below(50)) * 60)
    }

    private mutating func planTasks() {
        let people = DemoContent.people.map(\.id)
        let order = ["Todo", "Doing", "Review", "Done"]
        let today = zone(DemoContent.viewer).date(at: now)
        for (i, t) in DemoContent.tasks.enumerated() {
            let stale = t.id == DemoContent.staleTask
            let creator = people[rng.below(people.count)]
            // Created over the last ten days; the stale one earlier and untouched since.
            let createdHoursAgo = stale ? 24.0 * 9 : 240 - Double(i) * 7.5
            let created = hoursAgo(createdHoursAgo)
            var fields: [(key: String, value: JSONValue)] = [("task", .string(t.id)), ("title", .string(t.title))]
            if t.priority != "normal" { fields.append(("priority", .string(t.priority))) }
            if !t.labels.isEmpty { fields.append(("labels", .array(t.labels.map { .string($0) }))) }
            if let d = t.dueDays {
                // Most due dates are days; an urgent one is due at an instant (17:00 UTC).
                let date = today.adding(days: d)
                fields.append(("due", .string(t.priority == "urgent" && d > 0 ? "\(date)T17:00:00Z" : date.description)))
            }
            if let n = t.notes { fields.append(("notes", .string(n))) }
            plan(created, creator, "task.create", fields)
            var step = createdHoursAgo
            func later(_ fraction: Double) -> Double { step = stale ? step - 6 : step * fraction; return step }
            if let holder = t.holder {
                if t.column == "Done" && rng.below(2) == 0 {
                    plan(hoursAgo(later(0.8)), creator, "task.assign", [("task", .string(t.id)), ("to", .string(holder))])
                } else {
                    plan(hoursAgo(later(0.8)), holder, "task.claim", [("task", .string(t.id))])
                }
            }
            let target = order.firstIndex(of: t.column)!
            if target > 0 {
                for c in 1...target {
                    plan(hoursAgo(later(0.7)), t.holder ?? creator, "task.move", [("task", .string(t.id)), ("column", .string(order[c]))])
                }
            }
            for (who, text) in t.comments {
                plan(hoursAgo(later(0.6)), who, "task.comment", [("task", .string(t.id)), ("text", .string(text))])
            }
        }
        // An edit and a deleted duplicate, as real boards have.
        plan(hoursAgo(30), "marco", "task.edit", [("task", .string("MER-111")), ("title", .string("Migrate billing jobs to the new scheduler (phase 1)"))])
        plan(hoursAgo(50), "sam", "task.create", [("task", .string("MER-099")), ("title", .string("Duplicate of MER-106"))])
        plan(hoursAgo(49), "sam", "task.delete", [("task", .string("MER-099"))])
        // The conflict: Marco claims the flaky-test task; ten minutes later Priya claims it from
        // her phone, which had not synced for an hour — her claim sorts after his and is lost.
        plan(now.addingTimeInterval(-3 * 3600), "marco", "task.claim", [("task", .string(DemoContent.contested))])
        plan(now.addingTimeInterval(-3 * 3600 + 600), "priya", "task.claim", [("task", .string(DemoContent.contested))], device: "phone", apartMinutes: 60)
    }

    private mutating func planPresence() {
        let fmt = Instant.format
        plan(now.addingTimeInterval(-25 * 60), "priya", "status.set",
             [("text", .string("Deep work: export streaming")), ("kind", .string("focus")), ("until", .string(fmt(now.addingTimeInterval(95 * 60))))])
        plan(now.addingTimeInterval(-15 * 60), "sam", "status.set",
             [("text", .string("School run")), ("kind", .string("away")), ("until", .string(fmt(now.addingTimeInterval(40 * 60))))])
        plan(now.addingTimeInterval(-70 * 60), "anil", "status.set", [("text", .string("On the release call")), ("kind", .string("online"))])
        plan(now.addingTimeInterval(-26 * 3600), "yuki", "status.set", [("text", .string("Travelling")), ("kind", .string("away"))])
        plan(now.addingTimeInterval(-20 * 3600), "yuki", "status.clear", [])
        // Kai is off today and the next two days (dates in Sydney); Marco goes skiing next week.
        let kaiToday = zone("kai").date(at: now)
        plan(hoursAgo(72), "kai", "timeoff.add", [("from", .string(kaiToday.description)), ("to", .string(kaiToday.adding(days: 2).description)), ("note", .string("Moving house"))])
        let marcoToday = zone("marco").date(at: now)
        plan(hoursAgo(120), "marco", "timeoff.add", [("from", .string(marcoToday.adding(days: 7).description)), ("to", .string(marcoToday.adding(days: 11).description)), ("note", .string("Ski trip"))])
        // Yuki has a dentist appointment tomorrow (instants); Lena booked a day and cancelled it.
        let start = now.addingTimeInterval(26 * 3600)
        plan(hoursAgo(20), "yuki", "timeoff.add", [("from", .string(fmt(start))), ("to", .string(fmt(start.addingTimeInterval(3 * 3600)))), ("note", .string("Dentist"))])
        let lenaDay = zone("lena").date(at: now).adding(days: 3)
        plan(hoursAgo(48), "lena", "timeoff.add", [("from", .string(lenaDay.description)), ("to", .string(lenaDay.description)), ("note", .string("Errands"))])
        let cancelIndex = planned.count - 1
        planned[cancelIndex].fields.append(("_ref", .null))
    }

    private mutating func planOverrides() {
        let fmt = Instant.format
        let hour = (now.timeIntervalSince1970 / 3600).rounded(.down) * 3600
        // Anil covers Primary for eight hours around now (a swap agreed in chat).
        plan(hoursAgo(5), "marco", "oncall.override", [("rotation", .string("primary")), ("member", .string("anil")),
             ("from", .string(fmt(Date(timeIntervalSince1970: hour - 2 * 3600)))), ("to", .string(fmt(Date(timeIntervalSince1970: hour + 6 * 3600))))])
        // Sam offered to cover support tomorrow, then took it back.
        plan(hoursAgo(10), "sam", "oncall.override", [("rotation", .string("support")), ("member", .string("sam")),
             ("from", .string(fmt(Date(timeIntervalSince1970: hour + 24 * 3600)))), ("to", .string(fmt(Date(timeIntervalSince1970: hour + 32 * 3600))))])
        planned[planned.count - 1].fields.append(("_ref", .null))
    }

    // MARK: - Writing

    /// Appends the planned events in time order through `JournalWriter`; a `_ref` marker asks for a
    /// cancel of that event a little later by the same person.
    private mutating func appendAll() throws(WriteError) {
        var events: [Planned] = []
        for var p in planned {
            let wantsCancel = p.fields.contains { $0.key == "_ref" }
            p.fields.removeAll { $0.key == "_ref" }
            events.append(p)
            if wantsCancel {
                let op = p.op == "timeoff.add" ? "timeoff.cancel" : "oncall.cancel"
                events.append(Planned(at: p.at.addingTimeInterval(2 * 3600), by: p.by, device: p.device, op: op, fields: [("ref", .string("@previous"))]))
            }
        }
        // Stable by time; ties keep plan order.
        let order = events.indices.sorted { (events[$0].at, $0) < (events[$1].at, $1) }
        var written: [(at: Date, lc: Int64)] = []
        var largest: Int64 = 0
        var ids: [Int: String] = [:]
        for i in order {
            var e = events[i]
            if case .string("@previous")? = e.fields.first?.value, let id = ids[i - 1] { e.fields = [("ref", .string(id))] }
            // Written apart: this device had seen only what was written before `apartMinutes` ago.
            let seen = e.apartMinutes > 0
                ? written.filter { $0.at < e.at.addingTimeInterval(-e.apartMinutes * 60) }.map(\.lc).max() ?? 0
                : largest
            let id = rng.eventID()
            let writer = JournalWriter(teamPath: path, member: e.by, device: e.device)
            try writer.append(op: e.op, fields: e.fields, now: e.at, largestLC: seen, id: id)
            ids[i] = id
            let lc = max(Instant.milliseconds(e.at), seen + 1)
            written.append((e.at, lc))
            largest = max(largest, lc)
        }
    }
}
