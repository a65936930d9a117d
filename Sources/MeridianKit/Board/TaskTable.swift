import Foundation

/// The live tasks by id. Every id seen gets a slot: ids fall in one of two halves by a hash
/// (`half(ofHash:)`, the split the board's two-core fold uses, so its two parts become one table
/// without moving a task), and in each half a `TaskIndex` numbers them and the tasks sit in
/// fixed-size chunks. A snapshot is a value, so changing a task after one was published copies
/// what it shares: one chunk (256 tasks), not every task. Reads like `[String: BoardTask]`.
public struct TaskTable: Sendable, Sequence {
    static let chunkBits = 8
    static let chunkSize = 1 << chunkBits

    /// One half: its ids numbered, and their tasks by number. A slot with no live task holds
    /// `BoardTask.vacant` (no heap storage) and a clear bit in `live`, so reaching a task is a
    /// plain array access with no optional to unwrap.
    struct Half: Sendable {
        var index = TaskIndex()
        var chunks: [[BoardTask]] = []
        /// One bit per slot: a live task is there.
        var live: [UInt64] = []
        var count = 0
        private var allocated = 0

        @inline(__always)
        mutating func slotAdding(_ u: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
            let s = index.slotAdding(u, hash: hash)
            if s == allocated {
                if s & (TaskTable.chunkSize - 1) == 0 {
                    var chunk: [BoardTask] = []
                    chunk.reserveCapacity(TaskTable.chunkSize)
                    chunks.append(chunk)
                }
                chunks[chunks.count - 1].append(BoardTask.vacant)
                if s & 63 == 0 { live.append(0) }
                allocated += 1
            }
            return s
        }

        @inline(__always)
        func task(_ s: Int) -> BoardTask? { isLive(s) ? chunks[s >> TaskTable.chunkBits][s & (TaskTable.chunkSize - 1)] : nil }

        @inline(__always)
        func isLive(_ s: Int) -> Bool { live[s >> 6] & (1 << UInt64(s & 63)) != 0 }

        /// Two words of the task in slot `s` (see `TaskTable.touch`), or 0 past the slots made.
        @inline(__always)
        func touch(_ s: Int) -> UInt64 {
            guard s < allocated else { return 0 }
            // A task spans several cache lines: one word near each end.
            return chunks[s >> TaskTable.chunkBits].withUnsafeBufferPointer { tasks in
                let k = s & (TaskTable.chunkSize - 1)
                return UInt64(tasks[k].priority.rank) &+ tasks[k].lastActivity.timeIntervalSinceReferenceDate.bitPattern
            }
        }

        /// Lends the task in slot `s` (which holds one) to `body` in place.
        @inline(__always)
        func withLive<R>(_ s: Int, _ body: (BoardTask) -> R) -> R {
            chunks[s >> TaskTable.chunkBits].withUnsafeBufferPointer { body($0[s & (TaskTable.chunkSize - 1)]) }
        }

        /// Calls `body` with each live slot and its task, chunk by chunk, in place.
        func forEachLive(_ body: (Int, BoardTask) -> Void) {
            for c in chunks.indices {
                chunks[c].withUnsafeBufferPointer { tasks in
                    for k in tasks.indices {
                        let s = c << TaskTable.chunkBits | k
                        if isLive(s) { body(s, tasks[k]) }
                    }
                }
            }
        }

        subscript(live s: Int) -> BoardTask {
            get { chunks[s >> TaskTable.chunkBits][s & (TaskTable.chunkSize - 1)] }
            _modify { yield &chunks[s >> TaskTable.chunkBits][s & (TaskTable.chunkSize - 1)] }
        }

        /// Puts a task in slot `s`, which holds none (moved in: the task is not copied).
        @inline(__always)
        mutating func put(_ s: Int, _ task: consuming BoardTask) {
            chunks[s >> TaskTable.chunkBits][s & (TaskTable.chunkSize - 1)] = task
            live[s >> 6] |= 1 << UInt64(s & 63)
            count += 1
        }

        mutating func set(_ s: Int, _ task: BoardTask?) {
            let had = isLive(s)
            chunks[s >> TaskTable.chunkBits][s & (TaskTable.chunkSize - 1)] = task ?? BoardTask.vacant
            if task == nil { live[s >> 6] &= ~(1 << UInt64(s & 63)) } else { live[s >> 6] |= 1 << UInt64(s & 63) }
            count += (task == nil ? 0 : 1) - (had ? 1 : 0)
        }

        /// Every live task changed in place, chunk by chunk (no per-task lookup or copy).
        mutating func updateLive(_ body: (inout BoardTask) -> Void) {
            let bits = live
            for c in chunks.indices {
                chunks[c].withUnsafeMutableBufferPointer { tasks in
                    for k in tasks.indices {
                        let s = c << TaskTable.chunkBits | k
                        if bits[s >> 6] & (1 << UInt64(s & 63)) != 0 { body(&tasks[k]) }
                    }
                }
            }
        }
    }

    private var first = Half()
    private var second = Half()

    public init() {}

    public var count: Int { first.count + second.count }
    public var isEmpty: Bool { count == 0 }

    // MARK: - By slot (the board's fold)

    /// The half an id with this `JournalBytes.hash` falls in: 0 or 1.
    @inline(__always)
    static func half(ofHash hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 17) & 1 }

    /// A slot number: its half in the lowest bit, its number within the half above.
    @inline(__always) private static func split(_ s: Int) -> (half: Int, local: Int) { (s & 1, s >> 1) }

    /// The slot of an id given as bytes, numbering it (with no task) if it is new.
    @inline(__always)
    mutating func slotAdding(_ u: UnsafeBufferPointer<UInt8>) -> Int { slotAdding(u, hash: JournalBytes.hash(u)) }

    /// The slot an id given as bytes (with its `JournalBytes.hash`) already has, if any; nothing
    /// is numbered, so this may run ahead of the fold to bring the id's memory into cache.
    @inline(__always)
    func existingSlot(_ u: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let h = Self.half(ofHash: hash)
        return (h == 0 ? first.index.slot(u, hash: hash) : second.index.slot(u, hash: hash)).map { $0 << 1 | h }
    }

    /// The slot of an id given as bytes with its `JournalBytes.hash`, numbering it if it is new.
    @inline(__always)
    mutating func slotAdding(_ u: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let h = Self.half(ofHash: hash)
        return (h == 0 ? first.slotAdding(u, hash: hash) : second.slotAdding(u, hash: hash)) << 1 | h
    }

    /// A word read from the task in slot `s` (live or not), so that a later change finds it in
    /// cache. Reads one field in place: the task is not copied.
    @inline(__always)
    func touch(slot s: Int) -> UInt64 {
        let (h, l) = Self.split(s)
        return h == 0 ? first.touch(l) : second.touch(l)
    }

    /// The slot of an id, if it has one.
    func slot(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { u in
            let hash = JournalBytes.hash(u)
            let h = Self.half(ofHash: hash)
            return (h == 0 ? first.index.slot(u, hash: hash) : second.index.slot(u, hash: hash)).map { $0 << 1 | h }
        }
    }

    /// The id of a slot.
    @inline(__always)
    func id(atSlot s: Int) -> String {
        let (h, l) = Self.split(s)
        return h == 0 ? first.index.ids[l] : second.index.ids[l]
    }

    /// The live task in a slot, if any.
    @inline(__always)
    func task(atSlot s: Int) -> BoardTask? {
        let (h, l) = Self.split(s)
        return h == 0 ? first.task(l) : second.task(l)
    }

    /// Whether a slot holds a live task (without copying it).
    @inline(__always)
    func isLive(_ s: Int) -> Bool {
        let (h, l) = Self.split(s)
        return h == 0 ? first.isLive(l) : second.isLive(l)
    }

    /// Puts a task in a slot that holds none.
    @inline(__always)
    mutating func insert(_ task: consuming BoardTask, slot s: Int) {
        let (h, l) = Self.split(s)
        if h == 0 { first.put(l, task) } else { second.put(l, task) }
    }

    /// Empties a slot that holds a task.
    @inline(__always)
    mutating func remove(slot s: Int) {
        let (h, l) = Self.split(s)
        if h == 0 { first.set(l, nil) } else { second.set(l, nil) }
    }

    /// The task in a slot that holds one, changed in place (the task is not copied).
    subscript(liveSlot s: Int) -> BoardTask {
        get { Self.split(s).half == 0 ? first[live: s >> 1] : second[live: s >> 1] }
        _modify {
            if s & 1 == 0 { yield &first[live: s >> 1] } else { yield &second[live: s >> 1] }
        }
    }

    /// Lends the live task in slot `s` to `body` in place (no copy).
    @inline(__always)
    func withLiveTask<R>(slot s: Int, _ body: (BoardTask) -> R) -> R {
        let (h, l) = Self.split(s)
        return (h == 0 ? first : second).withLive(l, body)
    }

    /// Calls `body` with each live task's slot and the task, lent in place (no copy).
    func forEachLive(_ body: (Int, BoardTask) -> Void) {
        first.forEachLive { body($0 << 1, $1) }
        second.forEachLive { body($0 << 1 | 1, $1) }
    }

    /// Every id with a slot (live or not).
    var allIDs: [String] { first.index.ids + second.index.ids }

    /// Every slot number in use.
    var slots: [Int] { (0..<first.index.count).map { $0 << 1 } + (0..<second.index.count).map { $0 << 1 | 1 } }

    /// Every live task changed in place.
    mutating func updateLive(_ body: (inout BoardTask) -> Void) {
        first.updateLive(body)
        second.updateLive(body)
    }

    /// Takes `other`'s second half for this table's (a board folded in two parts put together).
    mutating func adoptSecondHalf(of other: TaskTable) { second = other.second }

    // MARK: - By id

    /// Whether a live task has this id.
    public func contains(_ id: String) -> Bool { slot(id).map(isLive) ?? false }

    public subscript(id: String) -> BoardTask? {
        get { slot(id).flatMap(task(atSlot:)) }
        set { update(id) { $0 = newValue } }
    }

    /// Changes one entry in place (one lookup; the task is not copied); nil removes it.
    public mutating func update<R>(_ id: String, _ body: (inout BoardTask?) -> R) -> R {
        var current = slot(id).flatMap(task(atSlot:))
        let r = body(&current)
        if let s = slot(id) {
            let (h, l) = Self.split(s)
            if h == 0 { first.set(l, current) } else { second.set(l, current) }
        } else if let current {
            var bytes = id
            let s = bytes.withUTF8 { slotAdding($0) }
            insert(current, slot: s)
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
        for half in [first, second] {
            for s in 0..<half.index.count where half.isLive(s) { out.append(half[live: s]) }
        }
        return out
    }

    /// Every id, in no particular order.
    public var keys: [String] {
        var out: [String] = []
        out.reserveCapacity(count)
        for half in [first, second] {
            for s in 0..<half.index.count where half.isLive(s) { out.append(half.index.ids[s]) }
        }
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
        let rest: Half
        var current: Half
        var onRest = false
        var slot = 0

        public mutating func next() -> (key: String, value: BoardTask)? {
            while true {
                while slot < current.index.count {
                    defer { slot += 1 }
                    if let t = current.task(slot) { return (current.index.ids[slot], t) }
                }
                guard !onRest else { return nil }
                onRest = true
                current = rest
                slot = 0
            }
        }
    }

    public func makeIterator() -> Iterator { Iterator(rest: second, current: first) }
}

extension BoardTask {
    /// What a task table's slot with no live task holds: empty strings and lists, no storage.
    static let vacant = BoardTask(id: "", title: "", column: "", priority: .normal, labels: [], due: nil, notes: nil, holder: nil,
                                  createdBy: "", createdAt: Date(timeIntervalSince1970: 0), creationIndex: 0,
                                  lastActivity: Date(timeIntervalSince1970: 0), comments: [],
                                  columnSource: EventSource(file: "", line: 0, offset: 0, length: 0))
}
