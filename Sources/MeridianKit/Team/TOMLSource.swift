import Foundation
import TOMLKit

/// A parsed TOML file with its text, so a bad value's line can be found (TOMLKit positions only
/// syntax errors): the key is looked up under its table header.
struct TOMLSource {
    let file: String
    let text: String
    let table: TOMLTable

    /// Parses `text`; a syntax error becomes a problem at its line.
    static func parse(file: String, text: String) -> Result<TOMLSource, Problem> {
        if let bad = TOMLPrecheck.firstUnsafe(text) {
            return .failure(Problem(file: file, line: bad.line, message: "TOML syntax error: \(bad.message)"))
        }
        do {
            let table = try TOMLTable(string: text)
            return .success(TOMLSource(file: file, text: text, table: table))
        } catch let error as TOMLParseError {
            return .failure(Problem(file: file, line: error.source.begin.line, message: "TOML syntax error: \(error.description)"))
        } catch {
            return .failure(Problem(file: file, line: nil, message: "TOML syntax error: \(error)"))
        }
    }

    /// The 1-based line on which `key` is assigned inside `[header]` (nil header: the top level).
    /// For arrays of tables (`[[restrict]]`) pass the header and the occurrence index.
    func line(of key: String?, in header: String? = nil, occurrence: Int = 0) -> Int? {
        var current: String? = nil
        var seen = -1
        var headerLine: Int?
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let name = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
                    .split(separator: "#").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t")) } ?? ""
                current = name
                if name == header {
                    seen += 1
                    if seen == occurrence { headerLine = i + 1 }
                }
                continue
            }
            guard current == header, header == nil || seen == occurrence else { continue }
            guard let key else { continue }
            if line.hasPrefix(key) {
                let rest = line.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
                if rest.hasPrefix("=") { return i + 1 }
            }
            if line.hasPrefix("\"\(key)\"") { return i + 1 }
        }
        return key == nil ? headerLine : headerLine
    }

    func problem(_ message: String, key: String? = nil, in header: String? = nil, occurrence: Int = 0) -> Problem {
        Problem(file: file, line: line(of: key, in: header, occurrence: occurrence), message: message)
    }
}
