/// What a key means in the panes, before it is applied to the state.
public enum Command: Hashable, Sendable {
    case focusNext, focusPrevious
    case focus(Pane)
    case moveUp, moveDown, moveLeft, moveRight
    case filter, claim, release, moveTaskLeft, moveTaskRight, newTask, details
    case scrubBack, scrubForward, scrubNow
    case help, quit
    /// `Esc`: clear the filter and dismiss the notice.
    case clear
    /// `Ctrl-L`: repaint the whole screen.
    case redraw
}
