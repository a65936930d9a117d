/// A TOML table: keys in the order they were first written, each with its value and position.
public struct TOMLTable: Sendable, Equatable {
    /// The keys in insertion order.
    public private(set) var keys: [String] = []
    private var nodes: [String: TOMLNode] = [:]
    /// Where the table was defined: its `[header]`, its `{`, or the first dotted key naming it.
    public var position: TOMLPosition

    public init(position: TOMLPosition = TOMLPosition(line: 1, column: 1)) {
        self.position = position
    }

    /// The value under `key`, if any.
    public subscript(key: String) -> TOMLValue? { nodes[key]?.value }

    /// The value under `key` with its position, if any.
    public func node(_ key: String) -> TOMLNode? { nodes[key] }

    /// Every key with its node, in insertion order.
    public var entries: [(key: String, node: TOMLNode)] { keys.map { ($0, nodes[$0]!) } }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Adds or replaces `key` (a new key goes last). The parser refuses duplicates before this.
    public mutating func set(_ key: String, _ node: TOMLNode) {
        if nodes.updateValue(node, forKey: key) == nil { keys.append(key) }
    }

    public static func == (a: TOMLTable, b: TOMLTable) -> Bool {
        a.keys == b.keys && a.nodes == b.nodes
    }
}
