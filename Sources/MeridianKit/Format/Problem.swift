/// Something wrong in TEAM: the file (relative to TEAM), the line where one applies, and a plain message.
public struct Problem: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`, or `FILE: message` when no line applies — the format of `meridian check`.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }

    public static func < (a: Problem, b: Problem) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        return a.message < b.message
    }
}
