import Foundation

/// A one-line message in the notice line: it never blocks, the next notice replaces it and `Esc`
/// dismisses it.
public struct Notice: Hashable, Sendable {
    /// How the notice is coloured.
    public enum Level: Hashable, Sendable { case info, success, warning, danger }

    public var text: String
    public var level: Level

    public init(_ text: String, level: Level = .info) {
        self.text = text
        self.level = level
    }
}
