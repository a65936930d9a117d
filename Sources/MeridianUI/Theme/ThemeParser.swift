import Foundation
import MeridianKit

/// Reads a theme file: `name` and a `[colors]` table of role = colour. Missing roles fall back to
/// `base` (the default theme); a syntax error, an unknown role or a bad colour is a problem with its
/// line (the value's own), and the rest of the file still counts.
public enum ThemeParser {
    public static func parse(_ text: String, file: String, base: Theme?) -> (theme: Theme, problems: [Problem]) {
        var colors = base?.colors ?? [:]
        var name = (file as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: "")
        var problems: [Problem] = []
        let table: TOMLTable
        do {
            table = try TOMLDocument(parsing: text).root
        } catch {
            problems.append(Problem(file: file, line: error.line, message: "TOML syntax error: \(error.message); using the default theme"))
            return (Theme(name: name, colors: colors), problems)
        }
        if let n = table["name"]?.string, !n.isEmpty { name = n }
        for (key, node) in table.entries where key != "name" && key != "colors" {
            problems.append(Problem(file: file, line: node.line, message: "unknown key '\(key)' (a theme has `name` and a [colors] table)"))
        }
        if let value = table.node("colors") {
            guard let roles = value.value.table else {
                problems.append(Problem(file: file, line: value.line, message: "'colors' must be a table"))
                return (Theme(name: name, colors: colors), problems)
            }
            for (key, node) in roles.entries.sorted(by: { $0.key < $1.key }) {
                guard let role = ThemeRole(key: key) else {
                    let known = ThemeRole.allCases.map(\.key).joined(separator: ", ")
                    problems.append(Problem(file: file, line: node.line, message: "unknown role '\(key)' (known: \(known))"))
                    continue
                }
                guard let raw = node.value.string, let color = ColorText.parse(raw) else {
                    problems.append(Problem(file: file, line: node.line, message: "'\(key)' must be a colour like \"#5fafff\", \"default\", 0-255 or \"red\""))
                    continue
                }
                colors[role] = color
            }
        }
        return (Theme(name: name, colors: colors), problems)
    }
}
