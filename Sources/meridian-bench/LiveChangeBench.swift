import Foundation
import MeridianKit
import MeridianTerminal
import MeridianUI

/// The dashboard's live path on a copy of the team: a teammate appends one event, the team reloads
/// it (only the new bytes), `Update(.teamChanged)` brings the app state up to date and a 200×60 frame
/// is rendered — timed per kind of event, since each kind touches different panes.
extension Bench {
    /// One kind of appended event: who writes it and its op and fields (round `i`).
    struct LiveEvent: Sendable {
        var name: String
        var writer: String
        var make: @Sendable (_ i: Int, _ snapshot: TeamSnapshot) -> (op: String, fields: [(key: String, value: JSONValue)])
    }

    static let liveEvents: [LiveEvent] = [
        LiveEvent(name: "task.comment", writer: "m001") { i, s in
            ("task.comment", [("task", .string(s.board.orderedTasks[i % 50].id)), ("text", .string("bench \(i)"))])
        },
        LiveEvent(name: "task.move", writer: "m002") { i, s in
            let task = s.board.orderedTasks[(i * 7) % 200]
            let columns = s.board.columns
            let to = columns[((columns.firstIndex(of: task.column) ?? 0) + 1) % columns.count]
            return ("task.move", [("task", .string(task.id)), ("column", .string(to))])
        },
        LiveEvent(name: "status.set (off call)", writer: "m100") { i, _ in
            ("status.set", [("text", .string("heads down \(i)")), ("kind", .string(i % 2 == 0 ? "focus" : "away"))])
        },
        LiveEvent(name: "status.set (on call)", writer: "@oncall") { i, _ in
            ("status.set", [("text", .string("heads down \(i)")), ("kind", .string(i % 2 == 0 ? "focus" : "away"))])
        },
        LiveEvent(name: "oncall.override", writer: "m004") { i, s in
            let rotation = s.rotations.first?.id ?? "primary"
            let from = Instant.parse(Bench.nowText)!.addingTimeInterval(Double(3600 * (i % 48)))
            return ("oncall.override", [("rotation", .string(rotation)), ("member", .string("m004")),
                                        ("from", .string(Instant.format(from))), ("to", .string(Instant.format(from.addingTimeInterval(7200))))])
        },
    ]

    /// What the dashboard does with a new snapshot: update the state, render a frame. Not inlined,
    /// so that `valgrind --tool=callgrind --dump-after='*teamChangeToFrame*'` counts each one.
    @inline(never)
    static func teamChangeToFrame(_ state: inout AppState, _ snapshot: TeamSnapshot, _ style: RenderStyle) {
        _ = Update.update(&state, .teamChanged(snapshot))
        _ = Screen.render(state, style: style)
    }

    func liveChanges(team: String, now: Date) -> [Result] {
        let copy = NSTemporaryDirectory() + "meridian-bench-live-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        func fail(_ why: String) -> [Result] { [Result(name: "appended event → frame", value: nil, unit: "ms", target: 20, note: why)] }
        do { try FileManager.default.copyItem(atPath: team, toPath: copy) } catch { return fail("cannot copy the team: \(error)") }
        guard let t = try? Team(path: copy) else { return fail("team did not load") }
        var state = AppState(snapshot: t.snapshot, me: "m000", fallbackZone: t.snapshot.member("m000")?.zone ?? .utc, clock: now, width: 200, height: 60)
        // "@oncall" writes as whoever is on call now in the first rotation.
        let onCall = t.snapshot.rotations.first.flatMap { OncallGlance($0, in: t.snapshot, now: now, viewer: nil).status.now?.member } ?? "m003"
        // MERIDIAN_BENCH_LIVE_KINDS=task.comment,status.set keeps the kinds whose names start so
        // (to count one kind's instructions under callgrind).
        let only = ProcessInfo.processInfo.environment["MERIDIAN_BENCH_LIVE_KINDS"].map { $0.split(separator: ",").map(String.init) }
        let events = Self.liveEvents.filter { e in only.map { $0.contains { e.name.hasPrefix($0) } } ?? true }
            .map { e in LiveEvent(name: e.name, writer: e.writer == "@oncall" ? onCall : e.writer, make: e.make) }
        _ = Update.update(&state, .teamChanged(t.snapshot))
        let style = RenderStyle()
        let writers = events.map { JournalWriter(teamPath: copy, member: $0.writer, device: "bench-live") }
        // The first append to a file creates it, which re-folds everything: do that untimed.
        for (k, kind) in events.enumerated() {
            let e = kind.make(0, t.snapshot)
            _ = try? writers[k].append(op: e.op, fields: e.fields, now: now, largestLC: t.snapshot.state.maxLC)
        }
        _ = try? t.reload(configChanged: false)
        _ = Update.update(&state, .teamChanged(t.snapshot))
        var results: [Result] = []
        var allReloads: [Double] = [], allFrames: [Double] = [], allTotals: [Double] = []
        for (k, kind) in events.enumerated() {
            var reloads: [Double] = [], frames: [Double] = []
            let before = state.derived.work
            let rounds = max(5, options.runs)
            for i in 1...rounds {
                let e = kind.make(i, t.snapshot)
                guard (try? writers[k].append(op: e.op, fields: e.fields, now: now.addingTimeInterval(Double(i)), largestLC: t.snapshot.state.maxLC)) != nil else {
                    return fail("cannot append to the copy")
                }
                var changed = false
                reloads.append(Measure.time { changed = (try? t.reload(configChanged: false)) ?? false })
                guard changed else { return fail("the reload saw no change") }
                let snapshot = t.snapshot
                frames.append(Measure.time { Self.teamChangeToFrame(&state, snapshot, style) })
            }
            allReloads += reloads
            allFrames += frames
            allTotals += zip(reloads, frames).map { $0 + $1 }
            let w = state.derived.work.since(before)
            let derived = [(w.boards, "board"), (w.narrowedBoards, "narrowed board"), (w.timelineDays, "timeline days"),
                           (w.glances, "glances"), (w.clockRows, "clocks rows")]
                .filter { $0.0 > 0 }.map { "\(Double($0.0) / Double(rounds)) \($0.1)" }.joined(separator: ", ")
            results.append(Result(name: "    \(kind.name) → frame", value: Measure.median(frames) * 1000, unit: "ms", target: nil,
                                  note: String(format: "reload %.1f ms; re-derived per event: ", Measure.median(reloads) * 1000) + (derived.isEmpty ? "nothing" : derived)))
        }
        return [
            Result(name: "  team change → frame", value: Measure.median(allFrames) * 1000, unit: "ms", target: 12,
                   note: "one appended event: Update(.teamChanged) + Screen.render, all kinds below"),
        ] + results + [
            Result(name: "  appended event → frame", value: Measure.median(allTotals) * 1000, unit: "ms", target: 20,
                   note: String(format: "Team.reload (median %.1f ms) + the above, in process, copy of the team", Measure.median(allReloads) * 1000)),
        ]
    }
}
