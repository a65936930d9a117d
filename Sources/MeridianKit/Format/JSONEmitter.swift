/// Receives one JSON document token by token in document order: a report written once against
/// this protocol can be streamed as bytes (`JSONStream`) or built as a tree (`JSONTreeBuilder`).
/// Inside an object every value follows a `key`; containers are closed in the order opened.
public protocol JSONEmitter {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The next member's name (a literal of the report's code).
    mutating func key(_ name: StaticString)
    /// The next member's name (text, e.g. from a `JSONNode`).
    mutating func key(_ name: String)
    mutating func string(_ value: String)
    mutating func int(_ value: Int64)
    mutating func bool(_ value: Bool)
    mutating func null()
    /// A member whose value is a string, or `null` when there is none (one call, so that a stream
    /// can write the name and the value in one go; the default is `key` then `string`).
    mutating func field(_ name: StaticString, _ value: String?)
    /// A member whose value is a number, or `null` when there is none.
    mutating func field(_ name: StaticString, _ value: Int?)
    /// A member whose value is `true` or `false`.
    mutating func field(_ name: StaticString, _ value: Bool)
}

extension JSONEmitter {
    /// The string, or `null` when there is none.
    @inlinable public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    @inlinable public mutating func int(_ value: Int) { int(Int64(value)) }

    /// An object whose members `body` emits.
    @inlinable public mutating func object(_ body: (inout Self) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    /// An array whose elements `body` emits.
    @inlinable public mutating func array(_ body: (inout Self) -> Void) {
        beginArray()
        body(&self)
        endArray()
    }

    /// An array of strings.
    @inlinable public mutating func array(_ strings: [String]) {
        beginArray()
        for s in strings { string(s) }
        endArray()
    }

    @inlinable public mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    /// The number, or `null` when there is none.
    @inlinable public mutating func field(_ name: StaticString, _ value: Int?) {
        key(name)
        if let value { int(Int64(value)) } else { null() }
    }

    @inlinable public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A member whose value is an object `body` fills.
    @inlinable public mutating func object(_ name: StaticString, _ body: (inout Self) -> Void) {
        key(name)
        object(body)
    }

    /// A member whose value is an array `body` fills.
    @inlinable public mutating func array(_ name: StaticString, _ body: (inout Self) -> Void) {
        key(name)
        array(body)
    }

    /// A member whose value is an array of strings.
    @inlinable public mutating func field(_ name: StaticString, strings: [String]) {
        key(name)
        array(strings)
    }

    /// A whole tree, token by token.
    @inlinable public mutating func node(_ node: JSONNode) {
        switch node {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let n): int(n)
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { self.node(item) }
            endArray()
        case .object(let members):
            beginObject()
            for (name, value) in members {
                key(name)
                self.node(value)
            }
            endObject()
        }
    }
}
