/// A parsed TOML v1.0.0 document: its root table, where every value and table carries its
/// 1-based line and column.
///
/// ```swift
/// let doc = try TOMLDocument(parsing: Array("name = \"Ana\"\n".utf8))
/// doc.root["name"]?.string        // "Ana"
/// doc.root.node("name")?.line     // 1
/// ```
public struct TOMLDocument: Sendable, Equatable {
    public var root: TOMLTable

    /// Parses UTF-8 bytes (a leading BOM and CRLF line ends are accepted). Any departure from
    /// TOML 1.0 is a `TOMLError` at its line and column; no input crashes or recurses unboundedly.
    public init(parsing bytes: [UInt8]) throws(TOMLError) {
        var parser = TOMLParser(bytes)
        root = try parser.parse()
    }

    /// Parses a string.
    public init(parsing text: String) throws(TOMLError) {
        try self.init(parsing: Array(text.utf8))
    }
}
