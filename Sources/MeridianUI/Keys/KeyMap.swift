import MeridianTerminal

/// One row of the key table: the keys, how they are written, what they do, and a short footer hint.
public struct KeyBinding: Sendable {
    /// Each key and the command it gives.
    public var keys: [(KeyEvent, Command)]
    /// How the keys are written in the help and README (`Tab`, `1 2 3 4`, `↑ k`).
    public var label: String
    /// What they do, one short sentence.
    public var description: String
    /// The footer's short form (`c claim`); nil keeps the binding out of the footer.
    public var hint: String?
}

/// The one key table of the dashboard (SPEC §4). The footer, the `?` help overlay and the README
/// section are all generated from `bindings`, so they cannot disagree with what the keys do.
public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [(.tab, .focusNext)], label: "Tab", description: "Focus the next pane", hint: "Tab focus"),
        KeyBinding(keys: [(.backTab, .focusPrevious)], label: "Shift-Tab", description: "Focus the previous pane", hint: nil),
        KeyBinding(keys: [(.char("1"), .focus(.clocks)), (.char("2"), .focus(.timeline)), (.char("3"), .focus(.board)), (.char("4"), .focus(.oncall))],
                   label: "1 2 3 4", description: "Focus Clocks, Timeline, Board, On-call", hint: "1-4 pane"),
        KeyBinding(keys: [(.up, .moveUp), (.char("k"), .moveUp)], label: "↑ k", description: "Select the row above", hint: nil),
        KeyBinding(keys: [(.down, .moveDown), (.char("j"), .moveDown)], label: "↓ j", description: "Select the row below", hint: nil),
        KeyBinding(keys: [(.left, .moveLeft), (.char("h"), .moveLeft)], label: "← h", description: "Board: the column to the left", hint: nil),
        KeyBinding(keys: [(.right, .moveRight), (.char("l"), .moveRight)], label: "→ l", description: "Board: the column to the right", hint: nil),
        KeyBinding(keys: [(.char("/"), .filter)], label: "/", description: "Filter tasks by text (Enter keeps it and selects the first match, Esc clears it)", hint: "/ filter"),
        KeyBinding(keys: [(.char("c"), .claim)], label: "c", description: "Claim the selected task", hint: "c claim"),
        KeyBinding(keys: [(.char("r"), .release)], label: "r", description: "Release the selected task", hint: "r release"),
        KeyBinding(keys: [(.char("<"), .moveTaskLeft), (.char(">"), .moveTaskRight)], label: "< >", description: "Move the selected task to the previous / next column", hint: "< > move"),
        KeyBinding(keys: [(.char("n"), .newTask)], label: "n", description: "New task in the selected column (type its title, Enter)", hint: "n new"),
        KeyBinding(keys: [(.enter, .details)], label: "Enter", description: "Details of the selected task: notes and comments", hint: "Enter details"),
        KeyBinding(keys: [(.char("["), .scrubBack), (.char("]"), .scrubForward)], label: "[ ]", description: "Shift the time an hour back / forward (every pane follows)", hint: "[ ] time"),
        KeyBinding(keys: [(.char("t"), .scrubNow)], label: "t", description: "Back to now", hint: "t now"),
        KeyBinding(keys: [(.char("?"), .help)], label: "?", description: "This help", hint: "? help"),
        KeyBinding(keys: [(.escape, .clear)], label: "Esc", description: "Clear the filter, dismiss the notice, close an overlay", hint: nil),
        KeyBinding(keys: [(.ctrl("l"), .redraw)], label: "Ctrl-L", description: "Redraw the screen", hint: nil),
        KeyBinding(keys: [(.char("q"), .quit)], label: "q", description: "Quit", hint: "q quit"),
    ]

    /// The command a key gives in the panes, if any.
    public static func command(for key: KeyEvent) -> Command? {
        for binding in bindings {
            for (k, command) in binding.keys where k == key { return command }
        }
        return nil
    }

    /// The footer hints in table order.
    public static var hints: [String] { bindings.compactMap(\.hint) }

    /// The key table as Markdown, for the README.
    public static func markdownTable() -> String {
        var lines = ["| key | does |", "|---|---|"]
        for binding in bindings {
            let keys = binding.label.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(binding.description) |")
        }
        return lines.joined(separator: "\n")
    }
}
