/// The live tasks by id: a `TaskIndex` numbers every id seen, and the tasks sit in fixed-size
/// chunks by that number. A snapshot is a value, so changing a task after one was published
/// copies what it shares: here one chunk (256 tasks) instead of every task. Reads like
/// `[String: BoardTask]`.
public struct TaskTable: Sendable, Sequence {
    static let chunkBits = 8
    static let chunkSize = 1 << chunkBits
    private(set) var index = TaskIndex()
    private var chunks: [[BoardTask?]] = []
    public private(set) var count = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    // MARK: - By slot (the board's fold)

    /// How many ids have a slot (live tasks, and ids seen without one).
    var slotCount: Int { index.count }

    /// The slot of an id given as bytes, numbering it (with no task) if it is new.
    @inline(__always)
    mutating func slotAdding(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        let s = index.slotAdding(u)
        if s == slotsAllocated { growSlots() }
        return s
    }

    private var slotsAllocated: Int { chunks.isEmpty ? 0 : (chunks.count - 1) * Self.chunkSize + chunks[chunks.count - 1].count }

    private mutating func growSlots() {
        if chunks.isEmpty || chunks[chunks.count - 1].count == Self.chunkSize {
            var chunk: [BoardTask?] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(nil)
    }

    /// The id of a slot.
    @inline(__always) func id(atSlot s: Int) -> String { index.ids[s] }

    /// The live task in a slot, if any.
    @inline(__always)
    func task(atSlot s: Int) -> BoardTask? { chunks[s >> Self.chunkBits][s & (Self.chunkSize - 1)] }

    /// Whether a slot holds a live task (without copying it).
    @inline(__always)
    func isLive(_ s: Int) -> Bool {
        chunks[s >> Self.chunkBits].withUnsafeBufferPointer { $0[s & (Self.chunkSize - 1)].isPresent }
    }

    /// Puts a task in a slot that holds none.
    @inline(__always)
    mutating func insert(_ task: BoardTask, slot s: Int) {
        chunks[s >> Self.chunkBits][s & (Self.chunkSize - 1)] = task
        count += 1
    }

    /// Empties a slot that holds a task.
    @inline(__always)
    mutating func remove(slot s: Int) {
        chunks[s >> Self.chunkBits][s & (Self.chunkSize - 1)] = nil
        count -= 1
    }

    /// The task in a slot that holds one, changed in place (the task is not copied).
    subscript(liveSlot s: Int) -> BoardTask {
        get { chunks[s >> Self.chunkBits][s & (Self.chunkSize - 1)]! }
        _modify { yield &chunks[s >> Self.chunkBits][s & (Self.chunkSize - 1)]! }
    }

    /// Changes one slot in place (the task is not copied); nil removes the task.
    @inline(__always)
    mutating func update<R>(slot s: Int, _ body: (inout BoardTask?) -> R) -> R {
        var delta = 0
        let r = Self.track(&chunks[s >> Self.chunkBits][s & (Self.chunkSize - 1)], &delta, body)
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

    // MARK: - By id

    /// Whether a live task has this id.
    public func contains(_ id: String) -> Bool { index.slot(id).map(isLive) ?? false }

    public subscript(id: String) -> BoardTask? {
        get { index.slot(id).flatMap(task(atSlot:)) }
        set { update(id) { $0 = newValue } }
    }

    /// Changes one entry in place (one lookup; the task is not copied); nil removes it.
    public mutating func update<R>(_ id: String, _ body: (inout BoardTask?) -> R) -> R {
        if let s = index.slot(id) { return update(slot: s, body) }
        var fresh: BoardTask?
        let r = body(&fresh)
        if let fresh {
            var id = id
            let s = id.withUTF8 { slotAdding($0) }
            update(slot: s) { $0 = fresh }
        }
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
        for c in chunks { for case let t? in c { out.append(t) } }
        return out
    }

    /// Every id, in no particular order.
    public var keys: [String] {
        var out: [String] = []
        out.reserveCapacity(count)
        for s in 0..<slotCount where isLive(s) { out.append(index.ids[s]) }
        return out
    }

    public func mapValues<T>(_ transform: (BoardTask) throws -> T) rethrows -> [String: T] {
        var out: [String: T] = [:]
        out.reserveCapacity(count)
        for (k, v) in self { out[k] = try transform(v) }
        return out
    }

    /// Every (id, task), in no particular order.
    public struct Iterator: IteratorProtocol {
        let table: TaskTable
        var slot = 0

        public mutating func next() -> (key: String, value: BoardTask)? {
            while slot < table.slotCount {
                defer { slot += 1 }
                if let t = table.task(atSlot: slot) { return (table.index.ids[slot], t) }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(table: self) }
}

extension Optional where Wrapped == BoardTask {
    /// Whether a task is there, without copying it.
    @inline(__always)
    var isPresent: Bool {
        if case .some = self { return true }
        return false
    }
}
