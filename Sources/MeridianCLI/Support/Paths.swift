import Foundation

/// XDG locations and the small config file (`$XDG_CONFIG_HOME/meridian/config.toml`).
public struct Paths: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public var home: String { environment["HOME"] ?? NSHomeDirectory() }

    public var configHome: String {
        if let v = environment["XDG_CONFIG_HOME"], v.hasPrefix("/") { return v }
        return home + "/.config"
    }

    public var stateHome: String {
        if let v = environment["XDG_STATE_HOME"], v.hasPrefix("/") { return v }
        return home + "/.local/state"
    }

    public var configFile: String { configHome + "/meridian/config.toml" }
    public var stateDirectory: String { stateHome + "/meridian" }
}
