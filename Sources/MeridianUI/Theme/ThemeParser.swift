import Foundation
import MeridianKit
import TOMLKit

/// Reads a theme file: `name` and a `[colors]` table of role = colour. Missing roles fall back to
/// `base` (the default theme); a syntax error, an unknown role or a bad colour is a problem with its
/// line, and the rest of the file still counts.
public enum ThemeParser {
    public static func parse(_ text: String, file: String, base: Theme?) -> (theme: Theme, problems: [Problem]) {
        var colors = base?.colors ?? [:]
        var name = (file as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: "")
        var problems: [Problem] = []
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            problems.append(Problem(file: file, line: error.source.begin.line, message: "TOML syntax error: \(error.description); using the default theme"))
            return (Theme(name: name, colors: colors), problems)
        } catch {
            problems.append(Problem(file: file, message: "TOML syntax error; using the default theme"))
            return (Theme(name: name, colors: colors), problems)
        }
        if let n = table["name"]?.string, !n.isEmpty { name = n }
        for key in table.keys where key != "name" && key != "colors" {
            problems.append(Problem(file: file, line: line(of: key, in: text), message: "unknown key '\(key)' (a theme has `name` and a [colors] table)"))
        }
        if let value = table["colors"] {
            guard let roles = value.table else {
                problems.append(Problem(file: file, line: line(of: "colors", in: text), message: "'colors' must be a table"))
                return (Theme(name: name, colors: colors), problems)
            }
            for key in roles.keys.sorted() {
                guard let role = ThemeRole(key: key) else {
                    let known = ThemeRole.allCases.map(\.key).joined(separator: ", ")
                    problems.append(Problem(file: file, line: line(of: key, in: text), message: "unknown role '\(key)' (known: \(known))"))
                    continue
                }
                guard let raw = roles[key]?.string, let color = ColorText.parse(raw) else {
                    problems.append(Problem(file: file, line: line(of: key, in: text), message: "'\(key)' must be a colour like \"#5fafff\", \"default\", 0-255 or \"red\""))
                    continue
                }
                colors[role] = color
            }
        }
        return (Theme(name: name, colors: colors), problems)
    }

    /// The 1-based line where `key` is assigned (first occurrence), for problems.
    static func line(of key: String, in text: String) -> Int? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (i, raw) in lines.enumerated() {
            let t = raw.trimmingCharacters(in: .whitespaces)
            for form in [key, "\"\(key)\""] where t.hasPrefix(form) {
                if t.dropFirst(form.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") { return i + 1 }
            }
            if t == "[\(key)]" { return i + 1 }
        }
        return nil
    }
}
