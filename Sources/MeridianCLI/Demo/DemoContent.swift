/// The people, tasks and rotations of the demo team (the data; `DemoTeam` writes it).
enum DemoContent {
    struct Person {
        var id: String
        var name: String
        var zone: String
        var handle: String
        var hours: String
        var device: String
    }

    /// Seven people from UTC−8 to UTC+11, with +05:30 and +05:45, one working across midnight.
    static let people: [Person] = [
        Person(id: "priya", name: "Priya Raman", zone: "Asia/Kolkata", handle: "@priya", hours: "mon-fri 09:30-13:00,14:00-18:00", device: "laptop"),
        Person(id: "anil", name: "Anil Shrestha", zone: "Asia/Kathmandu", handle: "@anil", hours: "mon-fri 10:00-18:30; sat 10:00-13:00", device: "desktop"),
        Person(id: "marco", name: "Marco Rossi", zone: "Europe/Berlin", handle: "@marco", hours: "mon-thu 08:30-17:00; fri 08:30-14:00", device: "thinkpad"),
        Person(id: "sam", name: "Sam Carter", zone: "America/New_York", handle: "@sam", hours: "mon-fri 09:00-17:30", device: "macbook"),
        Person(id: "lena", name: "Lena Park", zone: "America/Los_Angeles", handle: "@lena", hours: "sun-thu 21:00-05:00", device: "laptop"),
        Person(id: "kai", name: "Kai Nguyen", zone: "Australia/Sydney", handle: "@kai", hours: "mon-fri 08:00-16:30", device: "desktop"),
        Person(id: "yuki", name: "Yuki Tanaka", zone: "Asia/Tokyo", handle: "@yuki", hours: "mon-fri 10:00-19:00", device: "laptop"),
    ]

    /// The member the demo opens as.
    static let viewer = "priya"

    struct TaskSeed {
        var id: String
        var title: String
        var column: String
        var priority: String
        var labels: [String]
        var holder: String?
        /// Days from today to the due date (nil: none); a negative value is overdue.
        var dueDays: Int?
        var notes: String?
        var comments: [(String, String)]
    }

    static let tasks: [TaskSeed] = [
        TaskSeed(id: "MER-101", title: "Rotate the staging TLS certificates", column: "Todo", priority: "urgent", labels: ["ops", "security"], holder: nil, dueDays: 2, notes: "Expires Friday; the wildcard cert too.", comments: [("marco", "I can pair on this after standup.")]),
        TaskSeed(id: "MER-102", title: "Write the incident review for the queue outage", column: "Todo", priority: "high", labels: ["incident"], holder: nil, dueDays: 4, notes: nil, comments: []),
        TaskSeed(id: "MER-103", title: "Add Nepali and Hindi translations to onboarding", column: "Todo", priority: "normal", labels: ["i18n", "ui"], holder: nil, dueDays: nil, notes: "Strings are in locales/en.json.", comments: [("anil", "Happy to take Nepali.")]),
        TaskSeed(id: "MER-104", title: "Evaluate a managed Postgres offering", column: "Todo", priority: "low", labels: ["infra", "research"], holder: nil, dueDays: nil, notes: nil, comments: []),
        TaskSeed(id: "MER-105", title: "Dark mode for the status page", column: "Todo", priority: "normal", labels: ["ui"], holder: nil, dueDays: 14, notes: nil, comments: []),
        TaskSeed(id: "MER-106", title: "Flaky test: checkout retries on 502", column: "Todo", priority: "high", labels: ["ci", "bug"], holder: nil, dueDays: nil, notes: "Fails about one run in twenty.", comments: [("sam", "Seen it twice today."), ("kai", "Probably the mock server's keep-alive.")]),
        TaskSeed(id: "MER-107", title: "Quarterly access review", column: "Todo", priority: "normal", labels: ["security"], holder: nil, dueDays: 10, notes: nil, comments: []),
        TaskSeed(id: "MER-108", title: "Document the on-call handoff checklist", column: "Todo", priority: "low", labels: ["docs", "oncall"], holder: nil, dueDays: nil, notes: nil, comments: []),
        TaskSeed(id: "MER-109", title: "Upgrade the CI runners to the new image", column: "Todo", priority: "normal", labels: ["ci"], holder: nil, dueDays: 7, notes: nil, comments: []),
        TaskSeed(id: "MER-110", title: "Customer export times out over 1 GB", column: "Doing", priority: "urgent", labels: ["bug", "api"], holder: "priya", dueDays: 1, notes: "Stream the CSV instead of buffering it.", comments: [("yuki", "Customer in Osaka is blocked on this."), ("priya", "Streaming branch is up, testing now.")]),
        TaskSeed(id: "MER-111", title: "Migrate billing jobs to the new scheduler", column: "Doing", priority: "high", labels: ["infra"], holder: "marco", dueDays: 5, notes: nil, comments: []),
        TaskSeed(id: "MER-112", title: "Search: typo tolerance for product names", column: "Doing", priority: "normal", labels: ["search"], holder: "kai", dueDays: nil, notes: nil, comments: [("kai", "Trying trigram first.")]),
        TaskSeed(id: "MER-113", title: "Accessibility pass on the settings screens", column: "Doing", priority: "normal", labels: ["ui", "a11y"], holder: "lena", dueDays: 6, notes: nil, comments: []),
        TaskSeed(id: "MER-114", title: "Rate-limit the public webhooks endpoint", column: "Doing", priority: "high", labels: ["api", "security"], holder: "anil", dueDays: 3, notes: nil, comments: []),
        TaskSeed(id: "MER-115", title: "Trim the Docker image below 200 MB", column: "Doing", priority: "low", labels: ["infra"], holder: "sam", dueDays: nil, notes: nil, comments: []),
        TaskSeed(id: "MER-116", title: "Tokyo region failover drill", column: "Review", priority: "high", labels: ["ops", "oncall"], holder: "yuki", dueDays: 0, notes: "Runbook updated in the wiki.", comments: [("marco", "Looks good; one question on DNS TTLs.")]),
        TaskSeed(id: "MER-117", title: "Paginate the audit log API", column: "Review", priority: "normal", labels: ["api"], holder: "sam", dueDays: nil, notes: nil, comments: []),
        TaskSeed(id: "MER-118", title: "Replace moment.js with Temporal", column: "Review", priority: "low", labels: ["ui", "tech-debt"], holder: "lena", dueDays: nil, notes: nil, comments: [("priya", "Nice, bundle is 60 KB smaller.")]),
        TaskSeed(id: "MER-119", title: "Alert when disk is 80% full, not 95%", column: "Review", priority: "urgent", labels: ["ops"], holder: "kai", dueDays: -1, notes: nil, comments: []),
        TaskSeed(id: "MER-120", title: "Onboarding email sequence copy", column: "Review", priority: "normal", labels: ["growth"], holder: nil, dueDays: 8, notes: nil, comments: []),
        TaskSeed(id: "MER-121", title: "Fix double charge on retried payments", column: "Done", priority: "urgent", labels: ["bug", "billing"], holder: "marco", dueDays: nil, notes: nil, comments: [("sam", "Confirmed fixed in prod.")]),
        TaskSeed(id: "MER-122", title: "Status page shows the wrong timezone", column: "Done", priority: "normal", labels: ["bug", "ui"], holder: "anil", dueDays: nil, notes: nil, comments: []),
        TaskSeed(id: "MER-123", title: "Postmortem: DNS misconfiguration", column: "Done", priority: "high", labels: ["incident"], holder: "yuki", dueDays: nil, notes: nil, comments: []),
        TaskSeed(id: "MER-124", title: "Move secrets to the vault", column: "Done", priority: "high", labels: ["security"], holder: "kai", dueDays: nil, notes: nil, comments: []),
        TaskSeed(id: "MER-125", title: "Weekly metrics dashboard", column: "Done", priority: "low", labels: ["analytics"], holder: "priya", dueDays: nil, notes: nil, comments: []),
        TaskSeed(id: "MER-126", title: "Remove the legacy v1 login", column: "Done", priority: "normal", labels: ["tech-debt"], holder: "lena", dueDays: nil, notes: nil, comments: []),
        TaskSeed(id: "MER-127", title: "Spike: WebSocket push for the board", column: "Todo", priority: "normal", labels: ["research"], holder: nil, dueDays: nil, notes: nil, comments: []),
        TaskSeed(id: "MER-128", title: "Cache warm-up after deploys", column: "Doing", priority: "normal", labels: ["infra", "performance"], holder: "yuki", dueDays: 9, notes: nil, comments: []),
        TaskSeed(id: "MER-129", title: "Translate error messages to Japanese", column: "Todo", priority: "normal", labels: ["i18n"], holder: nil, dueDays: nil, notes: nil, comments: []),
        TaskSeed(id: "MER-130", title: "Retire the old metrics host", column: "Done", priority: "low", labels: ["ops"], holder: "sam", dueDays: nil, notes: nil, comments: []),
    ]

    /// The task two people claimed apart (Priya first; Marco's laptop had not synced yet).
    static let contested = "MER-106"
    /// A claim left alone long enough to be stale (team.toml: stale after 5 days).
    static let staleTask = "MER-115"
}
