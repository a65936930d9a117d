/// Reads the top-level string keys of a small TOML file (such as the user's config.toml) with the
/// same parser as TEAM's files, so a syntax error comes back as a problem with its line.
public enum TOMLStrings {
    /// The top-level keys whose values are strings; other keys and tables are ignored.
    public static func topLevel(text: String, file: String) -> Result<[String: String], Problem> {
        switch TOMLSource.parse(file: file, text: text) {
        case .failure(let p): return .failure(p)
        case .success(let src):
            var out: [String: String] = [:]
            for key in src.table.keys {
                if let s = src.table[key]?.string { out[key] = s }
            }
            return .success(out)
        }
    }
}
