/// The text-to-model step for one configuration file, exactly as `Team` runs it, without a team
/// directory: for fuzzing, tools and tests. Problems name `file`, with lines where one applies.
///
/// ```swift
/// let (member, problems) = TeamConfigParsing.member(text: "timezone = \"UTC\"\n", id: "ana")
/// ```
public enum TeamConfigParsing {
    /// A `members/<id>.toml` file's bytes; nil when the member is left out.
    public static func member(bytes: [UInt8], id: String) -> (MemberProfile?, [Problem]) {
        let file = "members/\(id).toml"
        switch source(file: file, bytes: bytes) {
        case .success(let src): return MemberProfile.load(src, id: id)
        case .failure(let p): return (nil, [p])
        }
    }

    /// A `members/<id>.toml` file's text.
    public static func member(text: String, id: String) -> (MemberProfile?, [Problem]) {
        member(bytes: Array(text.utf8), id: id)
    }

    /// An `oncall/<id>.toml` file's bytes; nil when the rotation is left out.
    public static func rotation(bytes: [UInt8], id: String) -> (RotationConfig?, [Problem]) {
        switch source(file: "oncall/\(id).toml", bytes: bytes) {
        case .success(let src): return RotationConfig.load(src, id: id)
        case .failure(let p): return (nil, [p])
        }
    }

    /// `team.toml`'s bytes; bad values fall back to defaults, as when loading TEAM.
    public static func team(bytes: [UInt8], fallbackName: String = "team") -> (TeamSettings, [Problem]) {
        switch source(file: "team.toml", bytes: bytes) {
        case .success(let src): return TeamSettings.load(src, fallbackName: fallbackName)
        case .failure(let p): return (TeamSettings(name: fallbackName), [p])
        }
    }

    /// UTF-8 and NUL checks, then TOML syntax: a failure is a problem at `file`.
    static func source(file: String, bytes: [UInt8]) -> Result<TOMLSource, Problem> {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Problem(file: file, message: "not valid UTF-8"))
        }
        if bytes.contains(0) { return .failure(Problem(file: file, message: "contains a NUL byte")) }
        return TOMLSource.parse(file: file, text: text)
    }
}
