import MeridianTerminal

/// Plain-text output of strings from TEAM: every control character (C0, C1, DEL), bidi control,
/// invisible character and line separator is replaced, exactly as on the dashboard, so nothing
/// from the directory reaches a terminal as an escape sequence.
enum Sanitize {
    static func line(_ s: String) -> String { TextSanitizer.clean(s) }
}
