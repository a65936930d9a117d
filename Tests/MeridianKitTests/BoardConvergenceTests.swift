import Foundation
import Testing
@testable import MeridianKit

/// Randomized convergence: replicas write offline through JournalWriter, exchange journal files in
/// random orders (some as sync-conflict copies, some truncated mid-line, some twice), and must end
/// with identical boards that agree with an independent reference fold of the raw events.
@Suite("Board convergence (randomized, fixed seed)")
struct BoardConvergenceTests {
    static let members = ["ana", "ben", "cho"]
    static let columns = ["Todo", "Doing", "Review", "Done"]

    /// One step of a history. Steps never depend on earlier outcomes, so any subset is a valid history.
    enum Step: CustomStringConvertible {
        /// Replica `replica` acts on what it sees: `action` picks the op, `pick` the task, `arg` the detail.
        case act(replica: Int, action: Int, pick: Int, arg: Int, seconds: Int)
        /// A journal file of `from` is delivered to `to` in `style` (0 as is, 1–2 conflict copies, 3 truncated copy).
        case exchange(from: Int, to: Int, file: Int, style: Int)

        var description: String {
            switch self {
            case let .act(r, a, p, g, s): return "act(replica: \(r), action: \(BoardConvergenceTests.actionNames[a]), pick: \(p), arg: \(g), +\(s)s)"
            case let .exchange(f, t, file, style): return "exchange(from: \(f), to: \(t), file: \(file), style: \(style))"
            }
        }
    }

    /// tmpfs when there is one: the journal writer fsyncs every event, and thousands of fsyncs
    /// on a real disk would make this test slow for no gain.
    static let scratch: String = access("/dev/shm", W_OK) == 0 ? "/dev/shm/" : NSTemporaryDirectory()

    static let actionNames = ["create", "claim", "claim", "claim", "release", "move", "edit", "assign", "comment", "delete", "forced-claim"]

    struct Case {
        var replicas: Int
        var steps: [Step]
        var finalSeed: UInt64
    }

    static func generate(_ rng: inout SeededRandom) -> Case {
        let replicas = Int.random(in: 2...4, using: &rng)
        let count = Int.random(in: 6...36, using: &rng)
        var steps: [Step] = []
        for _ in 0..<count {
            if Int.random(in: 0..<4, using: &rng) == 0 {
                steps.append(.exchange(from: Int.random(in: 0..<replicas, using: &rng), to: Int.random(in: 0..<replicas, using: &rng),
                                       file: Int.random(in: 0..<8, using: &rng), style: Int.random(in: 0..<4, using: &rng)))
            } else {
                // Deletes are rare; creates and claims common.
                var action = Int.random(in: 0..<actionNames.count, using: &rng)
                if action == 9 && Bool.random(using: &rng) { action = 0 }
                steps.append(.act(replica: Int.random(in: 0..<replicas, using: &rng), action: action,
                                  pick: Int.random(in: 0..<16, using: &rng), arg: Int.random(in: 0..<64, using: &rng),
                                  seconds: Int.random(in: 0...900, using: &rng)))
            }
        }
        return Case(replicas: replicas, steps: steps, finalSeed: rng.next())
    }

    @Test func replicasConvergeOnOneBoard() throws {
        var rng = SeededRandom(seed: 20261125)
        let base = try makeBaseTeam()
        defer { try? FileManager.default.removeItem(atPath: base) }
        for n in 0..<200 {
            let c = Self.generate(&rng)
            if let failure = try run(c, base: base) {
                let minimal = try shrink(c, base: base)
                let steps = minimal.steps.map { "  \($0)" }.joined(separator: "\n")
                Issue.record("case \(n) failed: \(failure)\nminimal failing case (\(minimal.replicas) replicas, final seed \(minimal.finalSeed)):\n\(steps)\n→ \(try run(minimal, base: base) ?? "")")
                return
            }
        }
    }

    /// Removes steps (halves, then one at a time) while the case still fails.
    func shrink(_ c: Case, base: String) throws -> Case {
        var best = c
        var chunk = max(1, best.steps.count / 2)
        while chunk >= 1 {
            var i = 0
            var progressed = false
            while i < best.steps.count {
                var trial = best
                trial.steps.removeSubrange(i..<min(i + chunk, trial.steps.count))
                if try run(trial, base: base) != nil { best = trial; progressed = true } else { i += chunk }
            }
            if !progressed { chunk /= 2 }
        }
        return best
    }

    // MARK: - One case

    struct Replica {
        var path: String
        var member: String
        var device: String
        var skew: TimeInterval
        var team: Team
    }

    /// Runs a case; returns nil when every replica converged correctly, else what went wrong.
    func run(_ c: Case, base: String) throws -> String? {
        let root = Self.scratch + "meridian-conv-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        var replicas: [Replica] = []
        for r in 0..<c.replicas {
            let path = root + "/r\(r)"
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: base, toPath: path)
            // Replica 3 is ana on a second device: one member, two journals.
            replicas.append(Replica(path: path, member: Self.members[r % 3], device: "dev\(r)", skew: Double((r * 37) % 150) - 60, team: try Team(path: path)))
        }
        var rng = SeededRandom(seed: c.finalSeed)
        var clock = Instant.parse("2026-11-25T09:00:00Z")!
        var pool = 0
        for step in c.steps {
            switch step {
            case let .act(r, action, pick, arg, seconds):
                clock += TimeInterval(seconds)
                try act(&replicas[r], action: action, pick: pick, arg: arg, now: clock + replicas[r].skew, rng: &rng, pool: &pool)
            case let .exchange(from, to, file, style):
                let files = journalFiles(replicas[from].path)
                guard !files.isEmpty else { continue }
                deliver(files[file % files.count], from: replicas[from].path, to: replicas[to].path, style: style, owner: to < replicas.count ? replicas[to] : nil, rng: &rng)
            }
        }
        // Final exchange: every owner's journal reaches every replica, in random order, some as
        // conflict copies of older versions, some twice.
        var deliveries: [(file: String, from: Int, to: Int, style: Int)] = []
        for (o, owner) in replicas.enumerated() {
            let own = "journal/\(owner.member)/\(owner.device).jsonl"
            guard FileManager.default.fileExists(atPath: owner.path + "/" + own) else { continue }
            for to in replicas.indices where to != o {
                deliveries.append((own, o, to, 0))
                if Int.random(in: 0..<3, using: &rng) == 0 { deliveries.append((own, o, to, 0)) }
            }
        }
        for from in replicas.indices {
            for f in journalFiles(replicas[from].path) where Int.random(in: 0..<3, using: &rng) == 0 {
                deliveries.append((f, from, Int.random(in: 0..<replicas.count, using: &rng), Int.random(in: 1...3, using: &rng)))
            }
        }
        deliveries.shuffle(using: &rng)
        // Deliveries are copies of what the source holds *now*; normal ones of the owner's file are
        // the latest version, so the last normal delivery of each file carries everything.
        for d in deliveries {
            deliver(d.file, from: replicas[d.from].path, to: replicas[d.to].path, style: d.style, owner: replicas[d.to], rng: &rng)
        }
        // Compare every replica with the first and with the reference fold.
        let dumps = try replicas.map { try dump(Team(path: $0.path).snapshot) }
        for (i, d) in dumps.enumerated() where d != dumps[0] {
            return "replica \(i) differs from replica 0:\n--- r0\n\(dumps[0])\n--- r\(i)\n\(d)"
        }
        let snapshot = try Team(path: replicas[0].path).snapshot
        let owned = replicas.compactMap { r -> String? in
            let p = r.path + "/journal/\(r.member)/\(r.device).jsonl"
            return FileManager.default.fileExists(atPath: p) ? p : nil
        }
        let reference = try ReferenceFold(files: owned)
        let holders = snapshot.board.tasks.mapValues { $0.holder ?? "-" }
        if holders != reference.holders.mapValues({ $0 ?? "-" }) {
            return "holders \(holders.sorted { $0.key < $1.key }) != reference \(reference.holders.sorted { $0.key < $1.key })"
        }
        let lost = snapshot.board.conflicts.map { "\($0.task)|\($0.member)|\($0.lostTo)|\($0.event)" }
        if Set(lost).count != lost.count { return "a lost claim is reported more than once: \(lost)" }
        if lost != reference.lost { return "lost claims \(lost) != reference \(reference.lost)" }
        return nil
    }

    func act(_ r: inout Replica, action: Int, pick: Int, arg: Int, now: Date, rng: inout SeededRandom, pool: inout Int) throws {
        try r.team.reload()
        let s = r.team.snapshot
        let board = s.board
        let ids = board.tasks.keys.sorted()
        let task: String? = ids.isEmpty ? nil : ids[pick % ids.count]
        var draft: EventDraft?
        switch Self.actionNames[action] {
        case "create":
            // Half the creates use a tiny shared pool of ids, so replicas collide on purpose.
            let pooled = "p\(arg % 3)"
            let id = (arg % 2 == 0 && !board.knownIDs.contains(pooled)) ? pooled : TaskIDGenerator.next(avoiding: board.knownIDs, using: &rng)
            draft = try? BoardActions.create(id: id, title: "task \(arg)", column: arg % 3 == 0 ? Self.columns[arg % 4] : nil,
                                              priority: Priority.allCases[arg % 4], labels: arg % 5 == 0 ? ["l\(arg)"] : [], due: nil, notes: nil, board: board)
        case "claim":
            if let task, case .write(let d)? = try? BoardActions.claim(task, by: r.member, board: board) { draft = d }
        case "forced-claim":
            // An old client that does not check: the fold must still keep one holder.
            if let task { draft = EventDraft(op: "task.claim", fields: [("task", JSONValue.string(task))]) }
        case "release":
            if let task { draft = (try? BoardActions.release(task, by: r.member, board: board)) ?? (arg % 4 == 0 ? EventDraft(op: "task.release", fields: [("task", JSONValue.string(task))]) : nil) }
        case "move":
            if let task { draft = try? BoardActions.move(task, to: Self.columns[arg % 4], board: board) }
        case "edit":
            if let task {
                draft = try? BoardActions.edit(task, title: arg % 2 == 0 ? "title \(arg)" : nil, priority: arg % 3 == 0 ? .set(Priority.allCases[arg % 4]) : .unchanged,
                                               labels: arg % 5 == 0 ? .cleared : .unchanged, due: arg % 7 == 0 ? .set(DueDate("2026-12-0\(arg % 9 + 1)")!) : .unchanged,
                                               notes: arg % 2 == 1 ? .set("n\(arg)") : .unchanged, board: board)
            }
        case "assign":
            if let task { draft = try? BoardActions.assign(task, to: arg % 4 == 3 ? nil : Self.members[arg % 3], members: Self.members, board: board) }
        case "comment":
            if let task { draft = try? BoardActions.comment(task, text: "c\(arg)", board: board) }
        case "delete":
            if let task { draft = try? BoardActions.delete(task, board: board) }
        default: break
        }
        guard let draft else { return }
        let w = JournalWriter(teamPath: r.path, member: r.member, device: r.device)
        let id = String(format: "%016llx%016llx", rng.next(), rng.next())
        try w.append(op: draft.op, fields: draft.fields, now: now, largestLC: s.state.maxLC, id: id)
    }

    func journalFiles(_ teamPath: String) -> [String] {
        let dir = teamPath + "/journal"
        let all = (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String]) ?? []
        return all.filter { $0.hasSuffix(".jsonl") }.sorted().map { "journal/" + $0 }
    }

    /// Copies one journal file between replicas, the way a sync tool would.
    func deliver(_ file: String, from: String, to: String, style: Int, owner: Replica?, rng: inout SeededRandom) {
        guard let data = FileManager.default.contents(atPath: from + "/" + file) else { return }
        let target = to + "/" + file
        let existing = FileManager.default.contents(atPath: target)
        let ownFile = owner.map { file == "journal/\($0.member)/\($0.device).jsonl" } ?? false
        var style = style
        // A sync tool never replaces a newer copy with an older one: that becomes a conflict copy.
        if style == 0 && (ownFile || (existing.map { $0.count > data.count } ?? false)) { style = 1 }
        try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let stem = String(target.dropLast(".jsonl".count))
        let tag = String(format: "%07llX", rng.next() % 0xFFFFFFF)
        switch style {
        case 0: _ = FileManager.default.createFile(atPath: target, contents: data)
        case 1: _ = FileManager.default.createFile(atPath: "\(stem).sync-conflict-20261125-120000-\(tag).jsonl", contents: data)
        case 2: _ = FileManager.default.createFile(atPath: "\(stem) (conflicted copy 2026-11-25 \(tag)).jsonl", contents: data)
        default:
            // A copy caught mid-write: its last line has no newline and must be skipped silently.
            let cut = data.isEmpty ? 0 : Int(rng.next() % UInt64(data.count))
            _ = FileManager.default.createFile(atPath: "\(stem).sync-conflict-20261125-130000-\(tag).jsonl", contents: data.prefix(cut))
        }
    }

    /// Everything a user could see of the board, in a canonical text form (problems without
    /// their file names, which differ between replicas that hold different conflict copies).
    func dump(_ s: TeamSnapshot) -> String {
        var out: [String] = []
        for c in s.board.columns {
            out.append("[\(c)]")
            for t in s.board.tasks(in: c) {
                out.append("  \(t.id) \(t.title) col=\(t.column) holder=\(t.holder ?? "-") \(t.priority) \(t.labels) due=\(t.due?.text ?? "-") notes=\(t.notes ?? "-") by=\(t.createdBy) at=\(Instant.format(t.createdAt)) last=\(Instant.format(t.lastActivity)) comments=\(t.comments.map { "\($0.by):\($0.text):\($0.event)" })")
            }
        }
        out.append("conflicts: " + s.board.conflicts.map { "\($0.task)|\($0.member)|\($0.lostTo)|\($0.event)" }.joined(separator: ", "))
        out.append("deleted: \(s.board.deleted.sorted())")
        out.append("problems: \(s.problems.map(\.message).sorted())")
        return out.joined(separator: "\n")
    }

    func makeBaseTeam() throws -> String {
        let path = Self.scratch + "meridian-conv-base-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/members", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path + "/journal", withIntermediateDirectories: true)
        try "name = \"Conv\"\ncolumns = [\"Todo\", \"Doing\", \"Review\", \"Done\"]\n[wip]\nDoing = 2\n".write(toFile: path + "/team.toml", atomically: true, encoding: .utf8)
        for m in Self.members {
            try "name = \"\(m)\"\ntimezone = \"UTC\"\n".write(toFile: path + "/members/\(m).toml", atomically: true, encoding: .utf8)
        }
        return path
    }
}

/// An independent fold of holders and lost claims, straight from SPEC §1, over raw JSON lines
/// (JSONSerialization, not Meridian's decoder).
struct ReferenceFold {
    var holders: [String: String?] = [:]
    var lost: [String] = []

    init(files: [String]) throws {
        var events: [String: [String: Any]] = [:]
        for f in files {
            let text = try String(contentsOfFile: f, encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let id = obj["id"] as? String else { continue }
                events[id] = obj
            }
        }
        let ordered = events.values.sorted { a, b in
            let la = (a["lc"] as! NSNumber).int64Value, lb = (b["lc"] as! NSNumber).int64Value
            if la != lb { return la < lb }
            let ba = Array((a["by"] as! String).utf8), bb = Array((b["by"] as! String).utf8)
            if ba != bb { return ba.lexicographicallyPrecedes(bb) }
            return Array((a["id"] as! String).utf8).lexicographicallyPrecedes(Array((b["id"] as! String).utf8))
        }
        var live: Set<String> = [], gone: Set<String> = []
        for e in ordered {
            guard let task = e["task"] as? String, let op = e["op"] as? String, let by = e["by"] as? String else { continue }
            if op == "task.create" {
                if !live.contains(task) && !gone.contains(task) { live.insert(task); holders[task] = .some(nil) }
                continue
            }
            guard live.contains(task) else { continue }
            let holder = holders[task] ?? nil
            switch op {
            case "task.claim":
                if let h = holder, h != by { lost.append("\(task)|\(by)|\(h)|\(e["id"] as! String)") } else { holders[task] = .some(by) }
            case "task.release": if holder == by { holders[task] = .some(nil) }
            case "task.assign": holders[task] = .some(e["to"] as? String)
            case "task.delete": live.remove(task); gone.insert(task); holders[task] = nil
            default: break
            }
        }
    }
}
