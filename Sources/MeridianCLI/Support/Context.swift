import Foundation
import MeridianKit

/// Everything a command needs, resolved from options, environment and config (SPEC §3).
public struct Context {
    public var dataPath: String?
    public var member: String?
    public var deviceOption: String?
    public var now: Date
    public var paths: Paths
    public var theme: String?
    /// Why config.toml could not be read, when it exists but is broken.
    var configProblem: String?

    /// Resolves options; `--now` must be an ISO-8601 instant.
    public init(_ options: GlobalOptions, paths: Paths = Paths(), clock: () -> Date = Date.init) throws(CLIError) {
        self.paths = paths
        let env = paths.environment
        let config = ConfigFile.load(paths.configFile, home: paths.home)
        configProblem = config.problem
        dataPath = options.data ?? env["MERIDIAN_DATA"].flatMap { $0.isEmpty ? nil : $0 } ?? config.data
        member = options.member ?? env["MERIDIAN_MEMBER"].flatMap { $0.isEmpty ? nil : $0 } ?? config.member
        deviceOption = options.device ?? env["MERIDIAN_DEVICE"].flatMap { $0.isEmpty ? nil : $0 }
        theme = config.theme
        if let text = options.now {
            guard let d = Instant.parse(text) else { throw .usage("--now must be an ISO-8601 instant like 2026-11-25T14:00:00Z, not '\(text)'.") }
            now = d
        } else {
            now = clock()
        }
        if let m = member, !Identifiers.isValidName(m) { throw .usage("'\(m)' is not a valid member id.") }
    }

    /// The team directory, which must be given somehow.
    public func requireDataPath() throws(CLIError) -> String {
        guard let p = dataPath, !p.isEmpty else {
            if let configProblem { throw .usage("No team directory: pass --data DIR or set MERIDIAN_DATA; the config file is broken (\(configProblem)).") }
            throw .usage("No team directory: pass --data DIR, set MERIDIAN_DATA, or set `data` in \(paths.configFile).")
        }
        // TEAM itself may be a link the user made (~/team -> ~/Dropbox/team): it is what they named,
        // so it is resolved here; links *inside* TEAM are still never followed.
        if SafeFiles.info(p).kind == .symlink, let resolved = realpath(p, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return p
    }

    /// Opens TEAM (exit 2 when it is not a team directory). Each command opens it once, and it
    /// lives until the process exits: freeing it would only delay the exit.
    public func openTeam() throws(CLIError) -> Team {
        let path = try requireDataPath()
        do {
            let team = try Team(path: path, cache: journalCache(teamPath: path), saveCacheInBackground: true)
            ProcessExit.keepUntilExit(team)
            return team
        } catch {
            throw .usage(error.description)
        }
    }

    /// The journal cache for TEAM in the state directory, unless `MERIDIAN_NO_CACHE` is set
    /// (to anything but empty or `0`): then every journal is parsed afresh.
    public func journalCache(teamPath: String) -> JournalCache? {
        if let v = paths.environment["MERIDIAN_NO_CACHE"], !v.isEmpty, v != "0" { return nil }
        return JournalCache(directory: JournalCache.directory(stateDirectory: paths.stateDirectory, teamPath: teamPath))
    }

    /// The viewer's zone: that of `--as`, else $TZ, else the system's.
    public func viewerZone(_ snapshot: TeamSnapshot) -> Zone {
        if let m = member, let profile = snapshot.member(m) { return profile.zone }
        if let tz = paths.environment["TZ"], let z = Zone(tz.hasPrefix(":") ? String(tz.dropFirst()) : tz) { return z }
        return Zone(TimeZone.current.identifier) ?? .utc
    }

    /// The device name: --device, $MERIDIAN_DEVICE, else one made once and kept in the state dir.
    public func device() throws(CLIError) -> String {
        if let d = deviceOption {
            guard Identifiers.isValidName(d) else { throw .usage("'\(d)' is not a valid device name (lowercase letters, digits, _ and -, up to 32).") }
            return d
        }
        return try DeviceID.loadOrCreate(stateDirectory: paths.stateDirectory)
    }

    /// A writer for my journal; `--as` must name a member with a file in members/ (else exit 2).
    public func writer(for snapshot: TeamSnapshot) throws(CLIError) -> JournalWriter {
        guard let m = member else {
            if let configProblem { throw .usage("Who are you? Pass --as MEMBER or set MERIDIAN_MEMBER; the config file is broken (\(configProblem)).") }
            throw .usage("Who are you? Pass --as MEMBER, set MERIDIAN_MEMBER, or set `member` in \(paths.configFile).")
        }
        guard SafeFiles.info(snapshot.path + "/members/\(m).toml").kind == .file else {
            throw .usage("'\(m)' has no file in members/; run `meridian join` first.")
        }
        return JournalWriter(teamPath: snapshot.path, member: m, device: try device())
    }

    /// Appends one event as me and returns its id.
    @discardableResult
    public func append(_ op: String, _ fields: [(key: String, value: JSONValue)], to snapshot: TeamSnapshot) throws(CLIError) -> String {
        let w = try writer(for: snapshot)
        do {
            return try w.append(op: op, fields: fields, now: now, largestLC: snapshot.state.maxLC)
        } catch {
            throw .usage(error.description)
        }
    }
}
