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

    /// Fails only when TEAM is not a team directory (no readable team.toml file).
    static func load(teamPath: String) throws(TeamError) -> Config {
        let teamFile = teamPath + "/team.toml"
        let info = SafeFiles.info(teamFile)
        guard SafeFiles.info(teamPath).kind == .directory else { throw TeamError.notADirectory(teamPath) }
        guard info.kind == .file else {
            throw info.kind == .symlink ? TeamError.notATeam(teamPath, "team.toml is a symbolic link") : TeamError.notATeam(teamPath, "it has no team.toml")
        }
        var problems: [Problem] = []
        let fallbackName = URL(fileURLWithPath: teamPath).lastPathComponent
        var settings = TeamSettings(name: fallbackName)
        switch readTOML(teamPath: teamPath, relative: "team.toml") {
        case .success(let src):
            let (s, p) = TeamSettings.load(src, fallbackName: fallbackName)
            settings = s
            problems += p
        case .failure(let p):
            problems.append(p)
        }
        var members: [MemberProfile] = []
        for (id, rel) in entries(teamPath: teamPath, folder: "members", problems: &problems) {
            switch readTOML(teamPath: teamPath, relative: rel) {
            case .success(let src):
                let (m, p) = MemberProfile.load(src, id: id)
                problems += p
                if let m { members.append(m) }
            case .failure(let p):
                problems.append(Problem(file: p.file, line: p.line, message: p.message + "; member left out"))
            }
        }
        var rotations: [RotationConfig] = []
        for (id, rel) in entries(teamPath: teamPath, folder: "oncall", problems: &problems) {
            switch readTOML(teamPath: teamPath, relative: rel) {
            case .success(let src):
                let (r, p) = RotationConfig.load(src, id: id)
                problems += p
                if let r { rotations.append(r) }
            case .failure(let p):
                problems.append(Problem(file: p.file, line: p.line, message: p.message + "; rotation left out"))
            }
        }
        let known = Set(members.map(\.id))
        for r in rotations {
            for m in r.members where !known.contains(m) {
                problems.append(Problem(file: "oncall/\(r.id).toml", message: "rotation member '\(m)' has no member file"))
            }
        }
        return Config(settings: settings, members: members.sorted { $0.id < $1.id }, rotations: rotations.sorted { $0.id < $1.id }, problems: problems)
    }

    /// `<id>.toml` files of a folder with valid ids; other names are problems, dot files skipped.
    static func entries(teamPath: String, folder: String, problems: inout [Problem]) -> [(String, String)] {
        var out: [(String, String)] = []
        for name in SafeFiles.list(teamPath + "/" + folder) where !name.hasPrefix(".") {
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

    static func readTOML(teamPath: String, relative: String) -> Result<TOMLSource, Problem> {
        switch SafeFiles.read(teamPath + "/" + relative, limit: maxTOMLBytes) {
        case .failure(let e):
            return .failure(Problem(file: relative, message: "cannot read: \(e.message)"))
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(Problem(file: relative, message: "not valid UTF-8"))
            }
            if text.utf8.contains(0) { return .failure(Problem(file: relative, message: "contains a NUL byte")) }
            return TOMLSource.parse(file: relative, text: text)
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
