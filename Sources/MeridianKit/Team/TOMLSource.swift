/// A TEAM file parsed as TOML, with its path: a syntax error is a problem at its line, and a
/// bad value is a problem at the value's own line (every node carries its position).
struct TOMLSource {
    let file: String
    let table: TOMLTable

    /// Parses `bytes`; a syntax error becomes a problem at its line.
    static func parse(file: String, bytes: [UInt8]) -> Result<TOMLSource, Problem> {
        do {
            let doc = try TOMLDocument(parsing: bytes)
            return .success(TOMLSource(file: file, table: doc.root))
        } catch {
            return .failure(Problem(file: file, line: error.line, message: "TOML syntax error: \(error.message)"))
        }
    }

    /// Parses `text`; a syntax error becomes a problem at its line.
    static func parse(file: String, text: String) -> Result<TOMLSource, Problem> {
        parse(file: file, bytes: Array(text.utf8))
    }

    /// A problem at the line where `node` starts (no node: the whole file, no line).
    func problem(_ message: String, at node: TOMLNode? = nil) -> Problem {
        Problem(file: file, line: node?.line, message: message)
    }

    /// A problem at the line where `table` is defined (its header, `{`, or first dotted key).
    func problem(_ message: String, table: TOMLTable) -> Problem {
        Problem(file: file, line: table.position.line, message: message)
    }
}
