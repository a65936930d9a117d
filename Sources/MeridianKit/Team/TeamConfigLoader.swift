import Foundation

/// Reads the hand-edited part of TEAM: team.toml, members/*.toml and oncall/*.toml.
enum TeamConfigLoader {
    static let maxTOMLBytes = 256 * 1024

    struct Config {
        var settings: TeamSettings
        var members: [MemberProfile]
        var rotations: [RotationConfig]
        var problems: [Problem]
    }

    /// Fails only when TEAM is not a team directory (no readable team.toml file). With a `cache`
    /// kept from the last load, files that have not changed are not parsed again.
    static func load(teamPath: String, cache: ConfigParseCache = ConfigParseCache()) throws(TeamError) -> Config {
        let teamFile = teamPath + "/team.toml"
        let info = SafeFiles.info(teamFile)
        guard SafeFiles.info(teamPath).kind == .directory else { throw TeamError.notADirectory(teamPath) }
        guard info.kind == .file else {
            throw info.kind == .symlink ? TeamError.notATeam(teamPath, "team.toml is a symbolic link") : TeamError.notATeam(teamPath, "it has no team.toml")
        }
        cache.beginPass()
        defer { cache.endPass() }
        var problems: [Problem] = []
        let fallbackName = URL(fileURLWithPath: teamPath).lastPathComponent
        let (settings, settingsProblems) = cache.value(for: "team.toml", teamPath: teamPath) { bytes -> (TeamSettings, [Problem]) in
            switch parseTOML(relative: "team.toml", bytes) {
            case .success(let src): return TeamSettings.load(src, fallbackName: fallbackName)
            case .failure(let p): return (TeamSettings(name: fallbackName), [p])
            }
        }
        problems += settingsProblems
        var members: [MemberProfile] = []
        for (id, rel) in entries(teamPath: teamPath, folder: "members", problems: &problems) {
            let (m, p) = cache.value(for: rel, teamPath: teamPath) { bytes -> (MemberProfile?, [Problem]) in
                switch parseTOML(relative: rel, bytes) {
                case .success(let src): return MemberProfile.load(src, id: id)
                case .failure(let p): return (nil, [Problem(file: p.file, line: p.line, message: p.message + "; member left out")])
                }
            }
            problems += p
            if let m { members.append(m) }
        }
        var rotations: [RotationConfig] = []
        for (id, rel) in entries(teamPath: teamPath, folder: "oncall", problems: &problems) {
            let (r, p) = cache.value(for: rel, teamPath: teamPath) { bytes -> (RotationConfig?, [Problem]) in
                switch parseTOML(relative: rel, bytes) {
                case .success(let src): return RotationConfig.load(src, id: id)
                case .failure(let p): return (nil, [Problem(file: p.file, line: p.line, message: p.message + "; rotation left out")])
                }
            }
            problems += p
            if let r { rotations.append(r) }
        }
        let known = Set(members.map(\.id))
        for r in rotations {
            for m in r.members where !known.contains(m) {
                let hasFile = SafeFiles.info(teamPath + "/members/\(m).toml").kind != .missing
                let why = hasFile ? "has a member file that did not load (see members/\(m).toml)" : "has no member file"
                problems.append(Problem(file: "oncall/\(r.id).toml", message: "rotation member '\(m)' \(why)"))
            }
        }
        return Config(settings: settings, members: members.sorted { $0.id < $1.id }, rotations: rotations.sorted { $0.id < $1.id }, problems: problems)
    }

    /// `<id>.toml` files of a folder with valid ids; other names are problems, dot files skipped.
    static func entries(teamPath: String, folder: String, problems: inout [Problem]) -> [(String, String)] {
        var out: [(String, String)] = []
        switch SafeFiles.info(teamPath + "/" + folder).kind {
        case .directory: break
        case .missing: return []
        case .symlink: problems.append(Problem(file: folder, message: "symbolic link not followed")); return []
        default: problems.append(Problem(file: folder, message: "not a directory; skipped")); return []
        }
        let listing = SafeFiles.listing(teamPath + "/" + folder)
        for name in listing.invalidNames where !name.hasPrefix(".") && name.hasSuffix(".toml") {
            problems.append(Problem(file: folder + "/" + name, message: "file name is not valid UTF-8; file skipped"))
        }
        for name in listing.names where !name.hasPrefix(".") {
            let rel = folder + "/" + name
            guard name.hasSuffix(".toml") else { continue }
            let id = String(name.dropLast(5))
            let kind = SafeFiles.info(teamPath + "/" + rel).kind
            if kind == .symlink { problems.append(Problem(file: rel, message: "symbolic link not followed")); continue }
            guard kind == .file else { problems.append(Problem(file: rel, message: "not a regular file; skipped")); continue }
            guard Identifiers.isValidName(id) else {
                problems.append(Problem(file: rel, message: "'\(id)' is not a valid id (lowercase letters, digits, _ and -, up to 32); file skipped"))
                continue
            }
            out.append((id, rel))
        }
        return out
    }

    /// A file's bytes (read by `ConfigParseCache`) as TOML, or the problem that stops it.
    static func parseTOML(relative: String, _ bytes: Result<[UInt8], SafeFiles.FileError>) -> Result<TOMLSource, Problem> {
        switch bytes {
        case .failure(let e):
            return .failure(Problem(file: relative, message: "cannot read: \(e.message)"))
        case .success(let bytes):
            return TeamConfigParsing.source(file: relative, bytes: bytes)
        }
    }
}

/// Why TEAM cannot be read at all (exit 2).
public enum TeamError: Error, CustomStringConvertible, Sendable {
    case notADirectory(String)
    case notATeam(String, String)

    public var description: String {
        switch self {
        case .notADirectory(let p): return "The team directory \(p) does not exist or is not a directory."
        case .notATeam(let p, let why): return "\(p) is not a team directory: \(why)."
        }
    }
}
