/// Builds a `JSONNode` from emitted tokens, for callers that want the tree (tests, and commands
/// that embed one report in another document).
public struct JSONTreeBuilder: JSONEmitter {
    private enum Open {
        case array([JSONNode])
        case object([(String, JSONNode)], pendingKey: String?)
    }

    private var stack: [Open] = []
    private var finished: JSONNode?

    public init() {}

    /// The tree `body` emits (one value).
    public static func build(_ body: (inout JSONTreeBuilder) -> Void) -> JSONNode {
        var builder = JSONTreeBuilder()
        body(&builder)
        return builder.result
    }

    /// The document, once its one top-level value is complete.
    public var result: JSONNode {
        precondition(stack.isEmpty, "JSONTreeBuilder: \(stack.count) container(s) still open")
        guard let finished else { preconditionFailure("JSONTreeBuilder: nothing was emitted") }
        return finished
    }

    public mutating func beginObject() { stack.append(.object([], pendingKey: nil)) }
    public mutating func beginArray() { stack.append(.array([])) }

    public mutating func endObject() {
        guard case .object(let members, nil)? = stack.popLast() else { preconditionFailure("JSONTreeBuilder: endObject without an open object") }
        add(.object(members))
    }

    public mutating func endArray() {
        guard case .array(let items)? = stack.popLast() else { preconditionFailure("JSONTreeBuilder: endArray without an open array") }
        add(.array(items))
    }

    public mutating func key(_ name: StaticString) { key(name.description) }

    public mutating func key(_ name: String) {
        guard case .object(let members, nil)? = stack.popLast() else { preconditionFailure("JSONTreeBuilder: key '\(name)' outside an object") }
        stack.append(.object(members, pendingKey: name))
    }

    public mutating func string(_ value: String) { add(.string(value)) }
    public mutating func int(_ value: Int64) { add(.int(value)) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func null() { add(.null) }

    private mutating func add(_ node: JSONNode) {
        switch stack.popLast() {
        case nil:
            precondition(finished == nil, "JSONTreeBuilder: a second top-level value")
            finished = node
        case .array(var items)?:
            items.append(node)
            stack.append(.array(items))
        case .object(var members, let name?)?:
            members.append((name, node))
            stack.append(.object(members, pendingKey: nil))
        case .object(_, nil)?:
            preconditionFailure("JSONTreeBuilder: a value in an object without a key")
        }
    }
}
