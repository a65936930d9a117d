import Foundation
import MeridianKit

/// The user's config: `data`, `member` and optional `theme` keys of config.toml.
struct ConfigFile {
    var data: String?
    var member: String?
    var theme: String?

    /// Reads the file if present; a broken config is reported, not fatal.
    static func load(_ path: String) -> ConfigFile {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return ConfigFile() }
        var c = ConfigFile()
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), let end = value.dropFirst().firstIndex(of: "\"") { value = String(value[value.index(after: value.startIndex)..<end]) }
            switch key {
            case "data": c.data = value
            case "member": c.member = value
            case "theme": c.theme = value
            default: break
            }
        }
        return c
    }
}
