import Foundation
import MeridianCLI
import MeridianKit
#if canImport(Glibc)
import Glibc
#endif

/// Runs every measurement of issue 7 and reports medians against the targets.
struct Bench {
    let options: BenchOptions
    static let nowText = "2026-11-25T14:00:00Z"

    func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

    func run() -> Int32 {
        let config = BigTeamGenerator.Config.scaled(down: options.scale)
        let team: String
        if let t = options.team {
            team = t
        } else {
            team = options.generate ?? NSTemporaryDirectory() + "meridian-bench-team-\(options.scale)"
            do { try ensureGenerated(config, at: team) } catch {
                log("meridian-bench: cannot generate the team in \(team): \(error)")
                return 2
            }
        }
        if options.generateOnly { return 0 }
        let binary = Self.siblingExecutable("meridian")
        guard options.frameOnly || access(binary, X_OK) == 0 else {
            log("meridian-bench: \(binary) not found; run `swift build -c release --product meridian` first")
            return 2
        }
        var results: [Result] = []
        let scratch = NSTemporaryDirectory() + "meridian-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        if options.frameOnly {
            results += frameRender(team: team, now: Instant.parse(Self.nowText)!)
        } else if options.appendOnly {
            results += appended(team: team, now: Instant.parse(Self.nowText)!)
        } else {
            if !options.quick { results += processRuns(binary: binary, team: team, scratch: scratch) }
            results += inProcess(team: team, scratch: scratch)
        }
        if !options.appendOnly && !options.frameOnly {
            results += frameRender(team: team, now: Instant.parse(Self.nowText)!)
            if options.idleSeconds > 0, !options.quick { results += idleCPU(binary: binary, team: team, scratch: scratch, seconds: options.idleSeconds) }
        }
        let header = "meridian-bench — team \(team) (\(describe(team))), \(options.runs) runs, release build\n" + machine().map { "\($0.key): \($0.value)" }.sorted().joined(separator: "; ")
        if let j = options.json {
            let text = Results.json(results, machine: machine().merging(["team": team, "runs": String(options.runs)]) { a, _ in a })
            if j == "-" { print(text, terminator: "") } else {
                _ = FileManager.default.createFile(atPath: j, contents: Data(text.utf8))
                print(Results.table(results, header: header))
            }
        } else {
            print(Results.table(results, header: header))
        }
        return results.contains { $0.passed == false } ? 1 : 0
    }

    // MARK: - Team

    func ensureGenerated(_ config: BigTeamGenerator.Config, at dir: String) throws {
        let stamp = dir + "/.bench-stamp"
        let want = "\(config)"
        if let have = try? String(contentsOfFile: stamp, encoding: .utf8), have == want { return }
        log("generating \(config.members) members, \(config.tasks) tasks, \(config.events) events in \(config.files) files → \(dir)")
        let t = try Measure.time { try BigTeamGenerator(config: config).write(to: dir) }
        try want.write(toFile: stamp, atomically: true, encoding: .utf8)
        log(String(format: "generated in %.1f s", t))
    }

    func describe(_ team: String) -> String {
        guard let t = try? Team(path: team) else { return "unreadable" }
        let s = t.snapshot
        return "\(s.members.count) members, \(s.board.tasks.count) live tasks, \(s.state.eventCount) events, \(s.problems.count) problems"
    }

    static func siblingExecutable(_ name: String) -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (me as NSString).deletingLastPathComponent + "/" + name
    }

    func machine() -> [String: String] {
        var u = utsname()
        uname(&u)
        let release = withUnsafeBytes(of: u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?
            .trimmingCharacters(in: .whitespaces) ?? "?"
        return ["cpu": cpu, "cores": String(ProcessInfo.processInfo.activeProcessorCount), "kernel": release]
    }

    // MARK: - Whole processes: cold and warm `status --json`, peak RSS

    func processRuns(binary: String, team: String, scratch: String) -> [Result] {
        let args = ["status", "--json", "--data", team, "--as", "m000", "--now", Self.nowText]
        func env(_ state: String) -> [String: String] {
            ["HOME": scratch, "XDG_STATE_HOME": state, "XDG_CONFIG_HOME": scratch + "/config", "TZ": "UTC", "PATH": "/usr/bin:/bin"]
        }
        // Warm the page cache once; all runs read TEAM from memory, like a dashboard restarted.
        _ = Measure.run(binary, args, env: env(scratch + "/warmup"))
        var cold: [Measure.Child] = []
        for i in 0..<options.runs {
            cold.append(Measure.run(binary, args, env: env(scratch + "/cold-\(i)")))
        }
        let warmState = scratch + "/warm"
        _ = Measure.run(binary, args, env: env(warmState))
        var warm: [Measure.Child] = []
        for _ in 0..<options.runs { warm.append(Measure.run(binary, args, env: env(warmState))) }
        let failed = (cold + warm).filter { $0.status != 0 }.count
        let note = failed > 0 ? "\(failed) run(s) FAILED" : ""
        return [
            Result(name: "cold status --json (process)", value: Measure.median(cold.map(\.wall)) * 1000, unit: "ms", target: 250,
                   note: note.isEmpty ? "empty state dir: no cache" : note),
            Result(name: "warm status --json (process)", value: Measure.median(warm.map(\.wall)) * 1000, unit: "ms", target: 250,
                   note: "second run, same state dir: journal cache"),
            Result(name: "peak RSS, cold status --json", value: Double(cold.map(\.maxRSSKiB).max() ?? 0) / 1024, unit: "MB", target: 80,
                   note: "max over runs (wait4 ru_maxrss)"),
            Result(name: "peak RSS, warm status --json", value: Double(warm.map(\.maxRSSKiB).max() ?? 0) / 1024, unit: "MB", target: 80,
                   note: "max over runs"),
        ]
    }

    // MARK: - In process: load, report, one appended event

    func inProcess(team: String, scratch: String) -> [Result] {
        var loads: [Double] = []
        var reports: [Double] = []
        var phases: [Team.LoadPhase: [Double]] = [:]
        var bytes = 0
        let now = Instant.parse(Self.nowText)!
        // Each phase of a load, as `Team.init` runs it.
        let timing: (Team.LoadPhase, () -> Void) -> Void = { phase, step in phases[phase, default: []].append(Measure.time(step)) }
        // Memory of a first load in this process: resident size after each phase, and the peak.
        var resident: [Team.LoadPhase: Double] = [:]
        let before = Measure.residentMiB()
        _ = try? Team(path: team) { phase, step in
            step()
            resident[phase] = Measure.residentMiB()
        }
        let peak = Measure.peakRSSMiB()
        for _ in 0..<max(3, options.runs / 2) {
            var t: Team?
            loads.append(Measure.time { t = try? Team(path: team, timing: timing) })
            guard let snapshot = t?.snapshot else { break }
            let zone = snapshot.member("m000")?.zone ?? .utc
            reports.append(Measure.time {
                // As `status --json` does: streamed in 64 KiB chunks (here counted, not printed).
                var written = 0
                var stream = JSONStream(pretty: true, chunkSize: 1 << 16) { written += $0.count }
                StatusReport.write(snapshot, StatusReport.Request(now: now, viewer: "m000", viewerZone: zone), into: &stream)
                stream.flush()
                bytes = written
            })
        }
        func phase(_ p: Team.LoadPhase) -> Double { Measure.median(phases[p] ?? []) * 1000 }
        // Warm: the journal cache written by a first load, read by the next ones.
        let cacheDir = scratch + "/in-process-cache"
        _ = try? Team(path: team, cache: JournalCache(directory: cacheDir))
        var warmLoads: [Double] = []
        var warmReads: [Double] = []
        for _ in 0..<max(3, options.runs / 2) {
            warmLoads.append(Measure.time {
                _ = try? Team(path: team, cache: JournalCache(directory: cacheDir)) { phase, step in
                    if phase == .read { warmReads.append(Measure.time(step)) } else { step() }
                }
            })
        }
        var results = [
            Result(name: "  config (team.toml, members, oncall)", value: phase(.config), unit: "ms", target: nil, note: "TeamConfigLoader.load"),
            Result(name: "  read + decode journals", value: phase(.read), unit: "ms", target: nil, note: "JournalStore.refresh()"),
            Result(name: "  merge order", value: phase(.merge), unit: "ms", target: nil, note: "EventMerge.merge"),
            Result(name: "  fold + publish", value: phase(.fold), unit: "ms", target: nil, note: "TeamState.apply × events, snapshot"),
            Result(name: "load TEAM (in process, no cache)", value: Measure.median(loads) * 1000, unit: "ms", target: 150, note: "Team(path:)"),
            Result(name: "  resident after read / merge / fold", value: resident[.fold], unit: "MB", target: nil,
                   note: String(format: "%.0f → %.0f / %.0f / %.0f MB (first load)", before, resident[.read] ?? 0, resident[.merge] ?? 0, resident[.fold] ?? 0)),
            Result(name: "  peak RSS of a first load", value: peak, unit: "MB", target: 60, note: "ru_maxrss after one Team(path:)"),
            Result(name: "  read journals from the cache", value: Measure.median(warmReads) * 1000, unit: "ms", target: nil,
                   note: "JournalStore.refresh() from a warm cache"),
            Result(name: "load TEAM (in process, warm cache)", value: Measure.median(warmLoads) * 1000, unit: "ms", target: nil,
                   note: "Team(path:cache:) after a first load wrote the cache"),
            Result(name: "build + write status JSON", value: Measure.median(reports) * 1000, unit: "ms", target: nil,
                   note: "\(bytes / 1024) KiB of JSON"),
        ]
        if !options.quick { results += appended(team: team, now: now) }
        return results
    }

    /// Appends one event at a time to a bench journal and times `reload()` bringing the snapshot up to date.
    func appended(team: String, now: Date) -> [Result] {
        let writer = JournalWriter(teamPath: team, member: "m000", device: "bench-append")
        let file = team + "/" + writer.relativePath
        defer { unlink(file) }
        guard let t = try? Team(path: team), let task = t.snapshot.board.orderedTasks.first?.id else {
            return [Result(name: "append one event → snapshot", value: nil, unit: "ms", target: 20, note: "team did not load")]
        }
        var journalOnly: [Double] = []
        var withConfig: [Double] = []
        let rounds = max(10, options.runs * 2)
        for i in 0..<(2 * rounds + 1) {
            let at = now.addingTimeInterval(Double(i))
            _ = try? writer.append(op: "task.comment", fields: [("task", .string(task)), ("text", .string("bench \(i)"))],
                                   now: at, largestLC: t.snapshot.state.maxLC)
            var changed = false
            let fullConfig = i % 2 == 0
            let s = Measure.time { changed = (try? t.reload(configChanged: fullConfig)) ?? false }
            if i == 0 { continue } // the first append creates the file: a new file is a full re-fold
            if changed { if fullConfig { withConfig.append(s) } else { journalOnly.append(s) } }
        }
        let ok = t.snapshot.board.tasks[task]?.comments.count ?? 0 >= 2 * rounds
        return [
            Result(name: "append one event → snapshot", value: Measure.median(journalOnly) * 1000, unit: "ms", target: 20,
                   note: ok ? "reload(configChanged: false): journal files only" : "FAILED: comments missing"),
            Result(name: "append one event → snapshot (+config)", value: Measure.median(withConfig) * 1000, unit: "ms", target: 20,
                   note: "reload(): also re-reads team.toml, members/, oncall/"),
        ]
    }
}
