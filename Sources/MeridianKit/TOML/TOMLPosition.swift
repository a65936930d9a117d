/// Where something starts in a TOML text: 1-based line and column (the column counts characters).
public struct TOMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TOMLPosition, b: TOMLPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A value together with the position where it starts in the text. Two nodes are equal when
/// their values are (positions are where, not what).
public struct TOMLNode: Sendable, Equatable {
    public var value: TOMLValue
    public var position: TOMLPosition

    public init(_ value: TOMLValue, at position: TOMLPosition) {
        self.value = value
        self.position = position
    }

    /// The 1-based line on which the value starts (a table's: its header or first key).
    public var line: Int { position.line }

    public static func == (a: TOMLNode, b: TOMLNode) -> Bool { a.value == b.value }
}
