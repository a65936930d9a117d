/// What the keyboard is talking to: the panes, an inline prompt, or an overlay.
public enum Mode: Hashable, Sendable {
    /// Keys go to the panes.
    case normal
    /// `/`: typing a filter; the board filters live as the text changes.
    case filterPrompt(String)
    /// `n`: typing the title of a new task for the board's current column.
    case newTaskPrompt(String)
    /// `Enter` on a task: its notes and comments, scrolled by `scroll` lines.
    case details(task: String, scroll: Int)
    /// `?`: the key table, scrolled by `scroll` lines.
    case help(scroll: Int)
}
