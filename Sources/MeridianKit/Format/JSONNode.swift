/// JSON to be written, with object members in a fixed order (for exports and small documents;
/// big reports stream through `JSONEmitter` instead of building one).
/// Not `indirect`: arrays and member lists are already on the heap, so a node needs no box of
/// its own.
public enum JSONNode: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONNode])
    case object([(String, JSONNode)])

    public static func string(_ s: String?) -> JSONNode { s.map { .string($0) } ?? .null }
    public static func int(_ n: Int) -> JSONNode { .int(Int64(n)) }

    /// Compact (or two-space indented) JSON text.
    public func text(pretty: Bool = false) -> String {
        String(decoding: utf8(pretty: pretty), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes, laid out by `JSONStream` (the one JSON layout).
    public func utf8(pretty: Bool = false) -> [UInt8] {
        var stream = JSONStream(pretty: pretty)
        stream.node(self)
        return stream.bytes
    }
}
