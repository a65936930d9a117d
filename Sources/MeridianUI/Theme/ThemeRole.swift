/// The named colours a view may ask for; views never use raw colours.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    case text, muted, primary, accent, success, warning, danger
    /// The background of the whole screen (`default`: the terminal's own).
    case surface
    /// Background and foreground of the selected row.
    case selection, selectionText
    case border, focusBorder
    /// Pane titles; the header bar's background and text.
    case title, header, headerText
    /// Timeline and availability colours.
    case working, offHours, away, timeOff
    /// The "now" marker and the overlap row.
    case now, overlap

    /// The key in a theme file: snake_case (`focus_border`); camelCase is accepted too.
    public var key: String {
        var out = ""
        for c in rawValue {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    /// The role a theme-file key names, in snake_case or camelCase.
    public init?(key: String) {
        guard let role = ThemeRole.allCases.first(where: { $0.key == key || $0.rawValue == key }) else { return nil }
        self = role
    }
}
