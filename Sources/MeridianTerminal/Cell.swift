/// One terminal cell: a grapheme and its style, or the right half of the wide grapheme to its left.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown here; empty for a continuation cell.
    public var grapheme: String
    public var style: Style
    /// True for the second column of a wide (2-column) grapheme.
    public var isContinuation: Bool

    public init(grapheme: String, style: Style = .plain, isContinuation: Bool = false) {
        self.grapheme = grapheme
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A space in the plain style.
    public static let blank = Cell(grapheme: " ")

    /// A space in the given style.
    public static func blank(_ style: Style) -> Cell { Cell(grapheme: " ", style: style) }

    /// The right half of a wide grapheme.
    static func continuation(_ style: Style) -> Cell { Cell(grapheme: "", style: style, isContinuation: true) }
}
