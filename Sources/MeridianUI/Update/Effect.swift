import MeridianKit

/// One journal event the dashboard wants written as me, with the notice to show once it is written.
public struct PendingEvent: Equatable, Sendable {
    public var op: String
    public var fields: [Field]
    /// Shown in the notice line after a successful write, e.g. "Claimed T-12."
    public var successNotice: String

    /// One field of the event, in the order it is written.
    public struct Field: Equatable, Sendable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public init(op: String, fields: [Field], successNotice: String) {
        self.op = op
        self.fields = fields
        self.successNotice = successNotice
    }

    /// The fields as `Context.append` and `JournalWriter` take them.
    public var keyValues: [(key: String, value: JSONValue)] { fields.map { ($0.key, $0.value) } }
}

/// What the run loop must do after an update: effects are values, the loop performs them.
public enum Effect: Equatable, Sendable {
    /// Append an event to my journal, then reload TEAM.
    case write(PendingEvent)
    /// Leave the dashboard (exit 0, terminal restored).
    case quit
    /// Repaint every cell (after Ctrl-L).
    case repaint
}
