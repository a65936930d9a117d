/// Command-line options of `meridian-bench`.
struct BenchOptions {
    /// An existing team directory to measure (not generated, not modified except one bench file).
    var team: String?
    /// Where to generate the big team (reused when already generated with the same settings).
    var generate: String?
    var scale = 1
    var runs = 7
    /// nil: no JSON; "-": JSON on stdout instead of the table; else a file.
    var json: String?
    var generateOnly = false
    /// Only the in-process load and report timings (for quick iterations).
    var quick = false
    /// Only the appended-event measurement (for profiling the live path).
    var appendOnly = false
    /// Only the frame measurements (no processes, no loading timings, no idle CPU).
    var frameOnly = false
    /// Seconds the idle dashboard is watched (0: skip).
    var idleSeconds = 60
    var help = false

    static let usage = """
    usage: meridian-bench [--team DIR | --generate DIR] [--scale N] [--runs N] [--json [FILE]] [--generate-only]

      --generate DIR    write the generated big team into DIR (reused if already there) and measure it
      --team DIR        measure an existing team directory instead
      --scale N         generate the big team divided by N (default 1: 300 members, 20,000 tasks, 200,000 events)
      --runs N          runs per measurement; medians are reported (default 7)
      --json [FILE]     write the results as JSON to FILE, or to stdout instead of the table
      --generate-only   generate and stop
      --quick           only time loading and the status report in process
      --append-only     only time appending one event and reloading
      --frame-only      only time rendering frames (and a team change → frame)
      --idle-seconds N  watch the idle dashboard's CPU for N seconds in tmux (default 60; 0 skips)
    Build first: swift build -c release --product meridian && swift build -c release --product meridian-bench
    """

    struct UsageError: Error, CustomStringConvertible { var description: String }

    static func parse(_ args: [String]) throws -> BenchOptions {
        var o = BenchOptions()
        var i = 0
        func value(_ name: String) throws -> String {
            i += 1
            guard i < args.count else { throw UsageError(description: "\(name) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--team": o.team = try value("--team")
            case "--generate": o.generate = try value("--generate")
            case "--scale":
                guard let n = Int(try value("--scale")), n >= 1 else { throw UsageError(description: "--scale must be a whole number ≥ 1") }
                o.scale = n
            case "--runs":
                guard let n = Int(try value("--runs")), n >= 1 else { throw UsageError(description: "--runs must be a whole number ≥ 1") }
                o.runs = n
            case "--json":
                if i + 1 < args.count, !args[i + 1].hasPrefix("--") { o.json = try value("--json") } else { o.json = "-" }
            case "--generate-only": o.generateOnly = true
            case "--quick": o.quick = true
            case "--append-only": o.appendOnly = true
            case "--frame-only": o.frameOnly = true
            case "--idle-seconds":
                guard let n = Int(try value("--idle-seconds")), n >= 0 else { throw UsageError(description: "--idle-seconds must be a whole number ≥ 0") }
                o.idleSeconds = n
            case "-h", "--help": o.help = true
            default: throw UsageError(description: "unknown argument '\(args[i])'")
            }
            i += 1
        }
        if o.team != nil && o.generate != nil { throw UsageError(description: "--team and --generate exclude each other") }
        return o
    }
}
