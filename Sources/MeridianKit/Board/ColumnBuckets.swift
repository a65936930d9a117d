/// The bucket of each column name: one per distinct name, in team.toml's order; a task in a
/// column team.toml does not know goes to the first (SPEC §1).
public struct ColumnBuckets: Sendable {
    @usableFromInline let names: [String]
    /// The bucket of `names[i]` (a repeated name shares its first occurrence's bucket).
    @usableFromInline let bucketOfName: [Int]
    /// For many columns, a dictionary; a handful are compared one by one.
    @usableFromInline let lookup: [String: Int]?
    public let count: Int

    public init(_ names: [String]) {
        var first: [String: Int] = [:]
        for name in names where first[name] == nil { first[name] = first.count }
        self.names = names
        bucketOfName = names.map { first[$0]! }
        count = first.count
        lookup = names.count > 8 ? first : nil
    }

    /// The bucket a task in `column` shows in.
    @inlinable
    public func index(of column: String) -> Int {
        if let lookup { return lookup[column] ?? 0 }
        for i in names.indices where names[i] == column { return bucketOfName[i] }
        return 0
    }
}
