/// The live tasks by id, a dictionary split into shards by a hash of the id. A snapshot is a
/// value, so changing a task after one was published copies what it shares: here one shard
/// (1/128 of the board) instead of every task. Reads like `[String: BoardTask]`.
public struct TaskTable: Sendable, Sequence {
    static let shardCount = 128
    private var shards: [[String: BoardTask]]
    public private(set) var count = 0

    public init() {
        shards = Array(repeating: [:], count: Self.shardCount)
    }

    /// FNV-1a of the id's bytes: cheap, and stable within a process.
    @inline(__always)
    static func shard(_ id: String) -> Int {
        var h: UInt32 = 2_166_136_261
        for b in id.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return Int(h % UInt32(shardCount))
    }

    public var isEmpty: Bool { count == 0 }

    /// Whether a live task has this id.
    public func contains(_ id: String) -> Bool { shards[Self.shard(id)].index(forKey: id) != nil }

    public subscript(id: String) -> BoardTask? {
        get { shards[Self.shard(id)][id] }
        set { update(id) { $0 = newValue } }
    }

    /// Changes one entry in place (one lookup; the task is not copied); nil removes it.
    @inline(__always)
    public mutating func update<R>(_ id: String, _ body: (inout BoardTask?) -> R) -> R {
        let s = Self.shard(id)
        var delta = 0
        let r = Self.track(&shards[s][id], &delta, body)
        count += delta
        return r
    }

    /// Runs `body` on a slot, noting in `delta` whether a task appeared (+1) or went (-1).
    @inline(__always)
    private static func track<R>(_ slot: inout BoardTask?, _ delta: inout Int, _ body: (inout BoardTask?) -> R) -> R {
        let had = slot.isPresent
        let r = body(&slot)
        delta = (slot.isPresent ? 1 : 0) - (had ? 1 : 0)
        return r
    }

    @discardableResult
    public mutating func removeValue(forKey id: String) -> BoardTask? {
        update(id) { slot in
            let old = slot
            slot = nil
            return old
        }
    }

    /// Every task, in no particular order.
    public var values: [BoardTask] {
        var out: [BoardTask] = []
        out.reserveCapacity(count)
        for s in shards { out.append(contentsOf: s.values) }
        return out
    }

    /// Every id, in no particular order.
    public var keys: [String] {
        var out: [String] = []
        out.reserveCapacity(count)
        for s in shards { out.append(contentsOf: s.keys) }
        return out
    }

    public func mapValues<T>(_ transform: (BoardTask) throws -> T) rethrows -> [String: T] {
        var out: [String: T] = [:]
        out.reserveCapacity(count)
        for s in shards { for (k, v) in s { out[k] = try transform(v) } }
        return out
    }

    public func makeIterator() -> FlattenSequence<[[String: BoardTask]]>.Iterator {
        shards.joined().makeIterator()
    }
}

extension Optional where Wrapped == BoardTask {
    /// Whether a task is there, without copying it.
    @inline(__always)
    var isPresent: Bool {
        if case .some = self { return true }
        return false
    }
}
