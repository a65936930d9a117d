/// A command failure: one plain sentence for stderr and the exit code of SPEC §3.
public struct CLIError: Error, CustomStringConvertible {
    public var message: String
    public var code: Int32

    public init(_ message: String, code: Int32) {
        self.message = message
        self.code = code
    }

    /// Exit 1: the action was refused (another holder, unknown task or column, …).
    public static func refused(_ m: String) -> CLIError { CLIError(m, code: 1) }
    /// Exit 2: bad usage or unreadable TEAM.
    public static func usage(_ m: String) -> CLIError { CLIError(m, code: 2) }

    public var description: String { message }
}
