import Foundation
import MeridianKit

/// Everything the dashboard shows, as one value: the team snapshot, the clock, the terminal size
/// and the UI state (focus, selection, filter, prompt, notices). `update` changes it; views only read it.
public struct AppState: Sendable {
    /// The latest view of TEAM. Every assignment counts as a new snapshot (`snapshotGeneration`).
    public var snapshot: TeamSnapshot { didSet { snapshotGeneration &+= 1 } }
    /// Bumped whenever `snapshot` is set: what derived view data is keyed by.
    public private(set) var snapshotGeneration = 0
    /// View data derived from the state once per change and reused by every frame (see `DerivedViews`).
    public var derived = DerivedViews()
    /// The member running the dashboard (`--as`), if any.
    public var me: String?
    /// The viewer's zone when `me` has no member file: `$TZ`, else the system's.
    public var fallbackZone: Zone
    /// The real (or `--now`) instant.
    public var clock: Date
    /// Whole hours the timeline is scrubbed by (`[` `]`); every pane shows `clock + scrubHours`.
    public var scrubHours: Int = 0
    public var width: Int
    public var height: Int
    public var focus: Pane = .clocks
    public var mode: Mode = .normal
    /// The filter kept with `Enter` (empty: no filter).
    public var filter: String = ""
    /// The board's selected column (index into `snapshot.board.columns`) and row in it.
    public var boardColumn: Int = 0
    public var boardRow: Int = 0
    /// The selected task's id, kept so that the selection follows a task across reloads.
    public var selectedTask: String?
    /// Selected rows in the other panes.
    public var clocksRow: Int = 0
    public var timelineRow: Int = 0
    public var oncallRow: Int = 0
    /// The newest notice first; only the first is shown.
    public var notices: [Notice] = []
    /// Lost claims and problems already announced, so that only new ones make a notice.
    public var seenConflicts: Set<String> = []
    public var seenProblems: Set<Problem> = []
    /// False until the first snapshot has been announced.
    public var announced = false
    /// The generator new task ids are drawn from, kept here so `update` stays pure (the run loop
    /// seeds it at random; tests keep the fixed default).
    public var idRandom = SeededRandom(seed: 0x5EED)

    public init(snapshot: TeamSnapshot, me: String?, fallbackZone: Zone, clock: Date, width: Int, height: Int) {
        self.snapshot = snapshot
        self.me = me
        self.fallbackZone = fallbackZone
        self.clock = clock
        self.width = width
        self.height = height
    }

    /// The instant every pane shows: the clock shifted by the scrub.
    public var displayTime: Date { clock.addingTimeInterval(Double(scrubHours) * 3600) }

    /// The viewer's zone: that of `me`, else the fallback (SPEC §3).
    public var viewerZone: Zone {
        if let me, let profile = snapshot.member(me) { return profile.zone }
        return fallbackZone
    }

    /// The filter in effect: the prompt's text while typing, else the kept filter.
    public var activeFilter: String {
        if case .filterPrompt(let text) = mode { return text }
        return filter
    }
}
