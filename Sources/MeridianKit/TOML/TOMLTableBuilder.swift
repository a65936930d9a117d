/// The document's tables while parsing, with TOML's rules on who may add to which table:
/// a `[header]` defines a table once; tables made by dotted keys cannot get a header later and
/// dotted keys cannot reach into header-defined tables; inline tables and static arrays are
/// closed; `[[name]]` appends to an array of tables, and headers below it go into its last table.
final class TOMLTableBuilder {
    /// How the table came to be, which decides what may still be added to it.
    enum Kind {
        /// Made along the way by a longer header (`a` in `[a.b]`): may still get its own header once.
        case implicit
        /// Defined by `[header]`, or an element of `[[header]]`, or the root.
        case header
        /// Made by a dotted key (`a` in `a.b = 1`).
        case dotted
        /// An inline table `{ … }`: closed once written.
        case inline
    }

    enum Slot {
        case value(TOMLNode)
        case table(TOMLTableBuilder)
        case arrayOfTables(TableList, TOMLPosition)
    }

    /// The tables of a `[[name]]` array, appended in place (a copy per append would be quadratic).
    final class TableList {
        var items: [TOMLTableBuilder]
        init(_ first: TOMLTableBuilder) { items = [first] }
    }

    /// Tables nested deeper than this are refused (hostile input must not exhaust the stack).
    static let maxDepth = 64

    var kind: Kind
    var position: TOMLPosition
    let depth: Int
    private(set) var keys: [String] = []
    private(set) var slots: [String: Slot] = [:]

    init(kind: Kind, position: TOMLPosition, depth: Int) {
        self.kind = kind
        self.position = position
        self.depth = depth
    }

    subscript(key: String) -> Slot? {
        get { slots[key] }
        set {
            if slots[key] == nil { keys.append(key) }
            slots[key] = newValue
        }
    }

    typealias Key = (name: String, position: TOMLPosition)

    /// `[a.b.c]`: the table the following keys go into.
    func defineTable(_ path: [Key], at header: TOMLPosition) throws(TOMLError) -> TOMLTableBuilder {
        let parent = try walkHeader(Array(path.dropLast()))
        let last = path[path.count - 1]
        switch parent[last.name] {
        case nil:
            let t = try parent.child(.header, at: header, for: last)
            parent[last.name] = .table(t)
            return t
        case .table(let t) where t.kind == .implicit:
            t.kind = .header
            t.position = header
            return t
        case .table(let t):
            let why = t.kind == .dotted ? "it was already made by dotted keys" : t.kind == .inline ? "it was already written as an inline table" : "it is already defined"
            throw Self.error("table [\(Self.dotted(path))] cannot be defined here: \(why) (line \(t.position.line))", at: last.position)
        case .arrayOfTables(_, let p):
            throw Self.error("[\(Self.dotted(path))] is already an array of tables (line \(p.line)); use [[\(Self.dotted(path))]] to add one", at: last.position)
        case .value(let n):
            throw Self.error("'\(Self.dotted(path))' already has a value (line \(n.line)); it cannot also be a table", at: last.position)
        }
    }

    /// `[[a.b.c]]`: a new table appended to the array of tables.
    func appendTable(_ path: [Key], at header: TOMLPosition) throws(TOMLError) -> TOMLTableBuilder {
        let parent = try walkHeader(Array(path.dropLast()))
        let last = path[path.count - 1]
        let t = try parent.child(.header, at: header, for: last)
        switch parent[last.name] {
        case nil:
            parent[last.name] = .arrayOfTables(TableList(t), header)
        case .arrayOfTables(let list, _):
            list.items.append(t)
        case .value(let n) where n.value.array != nil:
            throw Self.error("cannot add to '\(Self.dotted(path))' with [[\(Self.dotted(path))]]: it is a static array (line \(n.line))", at: last.position)
        case .value(let n):
            throw Self.error("'\(Self.dotted(path))' already has a value (line \(n.line)); it cannot also be an array of tables", at: last.position)
        case .table(let other):
            throw Self.error("'\(Self.dotted(path))' is already a table (line \(other.position.line)); it cannot also be an array of tables", at: last.position)
        }
        return t
    }

    /// `a.b.c = v` in this table (a header's, the root, or an inline table being written).
    func assign(_ path: [Key], _ node: TOMLNode) throws(TOMLError) {
        var t = self
        for key in path.dropLast() {
            switch t[key.name] {
            case nil:
                let c = try t.child(.dotted, at: key.position, for: key)
                t[key.name] = .table(c)
                t = c
            case .table(let c) where c.kind == .dotted || c.kind == .implicit:
                c.kind = .dotted
                t = c
            case .table(let c):
                let why = c.kind == .inline ? "an inline table, which is closed" : "defined by a [header]"
                throw Self.error("dotted key '\(Self.dotted(path))' cannot add to '\(key.name)': it is \(why) (line \(c.position.line))", at: key.position)
            case .arrayOfTables(_, let p):
                throw Self.error("'\(key.name)' is an array of tables (line \(p.line)); dotted keys cannot add to it", at: key.position)
            case .value(let n):
                throw Self.error("'\(key.name)' already has a value (line \(n.line)); it cannot also be a table", at: key.position)
            }
        }
        let last = path[path.count - 1]
        if let existing = t[last.name] {
            let line: Int
            switch existing {
            case .value(let n): line = n.line
            case .table(let c): line = c.position.line
            case .arrayOfTables(_, let p): line = p.line
            }
            throw Self.error("duplicate key '\(Self.dotted(path))' (already set on line \(line))", at: last.position)
        }
        t[last.name] = .value(node)
    }

    /// Follows a header's leading keys, making implicit tables; into the last table of an array of tables.
    private func walkHeader(_ path: [Key]) throws(TOMLError) -> TOMLTableBuilder {
        var t = self
        for key in path {
            switch t[key.name] {
            case nil:
                let c = try t.child(.implicit, at: key.position, for: key)
                t[key.name] = .table(c)
                t = c
            case .table(let c):
                guard c.kind != .inline else {
                    throw Self.error("'\(key.name)' is an inline table (line \(c.position.line)), which is closed: no table can be added to it", at: key.position)
                }
                t = c
            case .arrayOfTables(let list, _):
                t = list.items[list.items.count - 1]
            case .value(let n):
                let what = n.value.array != nil ? "a static array" : n.value.kindDescription
                throw Self.error("'\(key.name)' is \(what) (line \(n.line)), not a table", at: key.position)
            }
        }
        return t
    }

    private func child(_ kind: Kind, at position: TOMLPosition, for key: Key) throws(TOMLError) -> TOMLTableBuilder {
        guard depth < Self.maxDepth else {
            throw Self.error("tables are nested more than \(Self.maxDepth) deep", at: key.position)
        }
        return TOMLTableBuilder(kind: kind, position: position, depth: depth + 1)
    }

    /// The finished, immutable table.
    func freeze() -> TOMLTable {
        var out = TOMLTable(position: position)
        for key in keys {
            switch slots[key]! {
            case .value(let n): out.set(key, n)
            case .table(let t): out.set(key, TOMLNode(.table(t.freeze()), at: t.position))
            case .arrayOfTables(let list, let p):
                out.set(key, TOMLNode(.array(list.items.map { TOMLNode(.table($0.freeze()), at: $0.position) }), at: p))
            }
        }
        return out
    }

    static func dotted(_ path: [Key]) -> String {
        path.map { k in k.name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } && !k.name.isEmpty ? k.name : "\"\(k.name)\"" }.joined(separator: ".")
    }

    private static func error(_ message: String, at p: TOMLPosition) -> TOMLError {
        TOMLError(line: p.line, column: p.column, message: message)
    }
}
