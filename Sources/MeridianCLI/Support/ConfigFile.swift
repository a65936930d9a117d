import Foundation
import MeridianKit

/// The user's config, `$XDG_CONFIG_HOME/meridian/config.toml`: top-level `data`, `member` and
/// optional `theme` string keys. `data` may start with `~/`; a relative `data` is taken relative
/// to the config file's folder. A broken file is kept as `problem` and reported only when a value
/// from it is needed.
struct ConfigFile {
    var data: String?
    var member: String?
    var theme: String?
    /// Why the file could not be read (one sentence), if it exists but is broken.
    var problem: String?

    static func load(_ path: String, home: String) -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            return ConfigFile(problem: "cannot read \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else { return ConfigFile(problem: "\(path) is not valid UTF-8") }
        switch TOMLStrings.topLevel(text: text, file: path) {
        case .failure(let p):
            return ConfigFile(problem: p.description)
        case .success(let keys):
            var c = ConfigFile()
            c.member = keys["member"].flatMap { $0.isEmpty ? nil : $0 }
            c.theme = keys["theme"]
            if let d = keys["data"], !d.isEmpty {
                if d == "~" {
                    c.data = home
                } else if d.hasPrefix("~/") {
                    c.data = home + d.dropFirst(1)
                } else if d.hasPrefix("/") {
                    c.data = d
                } else {
                    c.data = (path as NSString).deletingLastPathComponent + "/" + d
                }
            }
            return c
        }
    }
}
