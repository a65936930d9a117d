/// Why a curses session could not start.
public enum CursesError: Error, Equatable, Sendable {
    /// `newterm` failed: TERM is unset or unknown, or standard output is not a terminal.
    case terminalUnavailable(term: String?)
}
