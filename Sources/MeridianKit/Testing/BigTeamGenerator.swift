import Foundation

/// Writes a large, valid, deterministic team directory for benchmarks and tests: members across
/// many zones, rotations, and journals with a realistic mix of ops. Same configuration (seed
/// included) → identical bytes, file by file.
public struct BigTeamGenerator: Sendable {
    /// The size and seed of the generated team.
    public struct Config: Sendable, Equatable {
        public var members: Int
        public var zones: Int
        public var tasks: Int
        /// Journal lines in all, creates included.
        public var events: Int
        /// Journal files; members own them round-robin (some members write from two devices).
        public var files: Int
        public var seed: UInt64

        public init(members: Int, zones: Int, tasks: Int, events: Int, files: Int, seed: UInt64 = 0x4D45_5249_4449_414E) {
            self.members = max(1, members)
            self.zones = max(1, min(zones, BigTeamGenerator.zoneNames.count))
            self.tasks = max(1, tasks)
            self.events = max(self.tasks, events)
            self.files = max(1, files)
            self.seed = seed
        }

        /// The team of the performance goal: 300 members, 14 zones, 20,000 tasks, 200,000 events, 300 files.
        public static let big = Config(members: 300, zones: 14, tasks: 20_000, events: 200_000, files: 300)

        /// `big` divided by `factor` (at least one of everything), same seed.
        public static func scaled(down factor: Int) -> Config {
            Config(members: 300 / factor, zones: 14, tasks: 20_000 / factor, events: 200_000 / factor, files: 300 / factor)
        }
    }

    public let config: Config
    /// An instant after every generated event: a natural `--now` for the generated team.
    public static let now = Date(timeIntervalSince1970: 1_795_615_200) // 2026-11-25T14:00:00Z
    /// Where the journal's clock starts (about 90 days before `now`).
    static let startMillis: Int64 = 1_787_839_200_000 // 2026-08-27T14:00:00Z

    static let zoneNames = [
        "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "America/Sao_Paulo",
        "Europe/London", "Europe/Berlin", "Europe/Helsinki", "Asia/Kolkata", "Asia/Kathmandu",
        "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland",
    ]
    static let columns = ["Backlog", "Todo", "Doing", "Review", "Done"]
    static let firstNames = ["Priya", "Alice", "Bob", "Chen", "Dmitri", "Élodie", "Fatima", "Gustavo", "Hana", "Ivan",
                             "Jun", "Kofi", "Lena", "Mateo", "Nadia", "Oskar", "Paula", "Quinn", "Rafael", "Sofia",
                             "Tomás", "Uma", "Viktor", "Wen", "Yusuf", "Zoë"]
    static let lastNames = ["Raman", "Okafor", "Nguyen", "Schmidt", "Tanaka", "García", "Kowalski", "Haddad", "Silva",
                            "Andersen", "Müller", "Ivanova", "Kim", "O'Brien", "Rossi", "Dubois", "Sato", "Patel"]
    static let verbs = ["Fix", "Add", "Remove", "Refactor", "Document", "Speed up", "Migrate", "Test", "Review", "Design"]
    static let nouns = ["login flow", "billing export", "search index", "on-call runbook", "CI cache", "dark mode",
                        "rate limiter", "audit log", "TLS renewal", "onboarding guide", "metrics dashboard",
                        "release notes", "retry policy", "schema migration", "timezone picker", "日本語 locale"]
    static let labelPool = ["backend", "frontend", "infra", "docs", "bug", "perf", "security", "ux", "api", "ops"]
    static let comments = ["Looking into it.", "Blocked on review — see thread.", "Done on my side; \"needs\" QA.",
                           "Can someone pair on this tomorrow?", "Moved the deadline,\nsee notes.", "LGTM 👍",
                           "Reproduced on staging.", "Handing over before my time off.", "Tab\tseparated repro steps"]
    static let statusTexts = ["In meetings", "Deep work", "Lunch", "At the dentist", "Travelling", "Heads down on release"]

    public init(config: Config = .big) {
        self.config = config
    }

    /// Member ids in order (`m000`, `m001`, …).
    public var memberIDs: [String] { (0..<config.members).map { String(format: "m%03d", $0) } }

    /// Every file of the team, relative to TEAM, with its bytes, in a fixed order.
    public func files() -> [(path: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        out.append(("team.toml", Array(teamTOML().utf8)))
        let ids = memberIDs
        for (i, id) in ids.enumerated() {
            out.append(("members/\(id).toml", Array(memberTOML(index: i).utf8)))
        }
        for (name, text) in rotations() { out.append(("oncall/\(name).toml", Array(text.utf8))) }
        let journals = journalFiles()
        for (path, lines) in journals { out.append((path, lines)) }
        return out
    }

    /// Writes the team into `directory` (created if missing; existing generated files are replaced).
    public func write(to directory: String) throws {
        let fm = FileManager.default
        for (path, bytes) in files() {
            let full = directory + "/" + path
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: full))
        }
    }

    // MARK: - Configuration files

    func teamTOML() -> String {
        """
        name = "Big Team"
        columns = [\(Self.columns.map { "\"\($0)\"" }.joined(separator: ", "))]
        [wip]
        Doing = 400
        Review = 150
        [board]
        stale_claim_days = 5

        """
    }

    func zone(ofMember i: Int) -> String { Self.zoneNames[i % config.zones] }

    func memberTOML(index i: Int) -> String {
        var rng = SeededRandom(seed: config.seed ^ UInt64(i &* 7919))
        let first = Self.firstNames[rng.below(Self.firstNames.count)]
        let last = Self.lastNames[rng.below(Self.lastNames.count)]
        let start = 7 + rng.below(4) // 07:00 … 10:00
        let half = rng.below(2) == 0 ? "00" : "30"
        var hours = ""
        for day in ["mon", "tue", "wed", "thu", "fri"] {
            if rng.below(10) == 0 {
                hours += "\(day) = [\"\(pad(start)):\(half)-12:00\", \"13:00-\(pad(start + 8)):\(half)\"]\n"
            } else {
                hours += "\(day) = \"\(pad(start)):\(half)-\(pad(start + 8)):\(half)\"\n"
            }
        }
        if i % 11 == 0 { hours += "sat = \"22:00-02:00\"\n" }
        return """
        name = "\(first) \(last)"
        timezone = "\(zone(ofMember: i))"
        handle = "@\(first.lowercased().filter(\.isASCII))\(i)"
        [hours]
        \(hours)
        """
    }

    func rotations() -> [(String, String)] {
        let ids = memberIDs
        func pick(_ offset: Int, _ n: Int) -> String {
            (0..<min(n, ids.count)).map { "\"\(ids[(offset + $0 * 7) % ids.count])\"" }.joined(separator: ", ")
        }
        return [
            ("primary", """
            name = "Primary"
            timezone = "Europe/Berlin"
            start = "2026-09-07 09:00"
            shift = "1w"
            members = [\(pick(0, 8))]

            """),
            ("business", """
            name = "Business hours"
            timezone = "America/New_York"
            start = "2026-09-01 09:00"
            shift = "1d"
            members = [\(pick(3, 5))]
            [[restrict]]
            days = "mon-fri"
            time = "09:00-17:00"

            """),
            ("follow-sun", """
            name = "Follow the sun"
            timezone = "UTC"
            start = "2026-09-01 00:00"
            shift = "8h"
            members = [\(pick(5, 3))]

            """),
        ]
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // MARK: - Journals

    /// Journal files in a fixed order, each with its bytes.
    func journalFiles() -> [(String, [UInt8])] {
        let ids = memberIDs
        // File f belongs to member f mod members; a member's second file is a second device.
        var paths: [String] = []
        var filesOf: [[Int]] = Array(repeating: [], count: ids.count)
        for f in 0..<config.files {
            let m = f % ids.count
            let device = f < ids.count ? "laptop" : "device\(f / ids.count)"
            paths.append("journal/\(ids[m])/\(device).jsonl")
            filesOf[m].append(f)
        }
        var buffers = [[UInt8]](repeating: [], count: config.files)
        var sim = Simulation(config: config, members: ids, rotations: rotations().map(\.0))
        var line = ""
        line.reserveCapacity(512)
        for _ in 0..<config.events {
            let (writer, fields) = sim.next()
            line.removeAll(keepingCapacity: true)
            JSONWriter.writeObject(fields, into: &line)
            line += "\n"
            let owned = filesOf[writer]
            // Members with no file of their own (more members than files) write to file writer mod files.
            let f = owned.isEmpty ? writer % config.files : owned[sim.rng.below(owned.count)]
            buffers[f].append(contentsOf: line.utf8)
        }
        return zip(paths, buffers).map { ($0, $1) }
    }
}
