import ArgumentParser

/// The options every command takes (SPEC §3).
public struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "The team directory (default: $MERIDIAN_DATA, else `data` in $XDG_CONFIG_HOME/meridian/config.toml).")
    public var data: String?

    @Option(name: .customLong("as"), help: "Who I am: a member id (default: $MERIDIAN_MEMBER, else `member` in the config).")
    public var member: String?

    @Option(name: .customLong("device"), help: "My journal file's name (default: $MERIDIAN_DEVICE, else an id kept in $XDG_STATE_HOME/meridian/).")
    public var device: String?

    @Option(name: .customLong("now"), help: "Pretend it is this instant (ISO-8601), for scripts and tests.")
    public var now: String?

    public init() {}
}
