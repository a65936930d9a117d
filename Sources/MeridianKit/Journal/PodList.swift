#if canImport(Glibc)
import Glibc
#endif

/// A growable list of plain values (no reference-counted parts) whose elements stay at one
/// address for as long as the list's storage lives and is not grown: `view` hands them out as an
/// `UnsafeBufferPointer`, so the merge and fold read thousands of lists through plain pointers.
/// A value, like `Array`: copies share storage until one of them changes (copy on write).
struct PodList<Element>: @unchecked Sendable {
    /// Memory from `malloc`, freed when the last list sharing it goes. Growing or shrinking a
    /// list nobody shares is a `realloc`: a big list changes size in place or by remapping its
    /// pages, never by copying them to fresh (zero-filled, faulted-in) memory.
    private final class Storage: @unchecked Sendable {
        private(set) var base: UnsafeMutablePointer<Element>
        private(set) var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = Storage.allocate(capacity)
        }

        private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Element> {
            guard let raw = malloc(Swift.max(capacity, 1) * MemoryLayout<Element>.stride) else { fatalError("out of memory") }
            return raw.bindMemory(to: Element.self, capacity: Swift.max(capacity, 1))
        }

        /// Changes the room to `capacity` (at least the elements in use), keeping the elements.
        func resize(_ capacity: Int) {
            guard let raw = realloc(base, Swift.max(capacity, 1) * MemoryLayout<Element>.stride) else { fatalError("out of memory") }
            base = raw.bindMemory(to: Element.self, capacity: Swift.max(capacity, 1))
            self.capacity = capacity
        }

        deinit { free(base) }
    }

    private var storage: Storage
    private(set) var count = 0

    init(capacity: Int = 0) {
        precondition(_isPOD(Element.self) && MemoryLayout<Element>.alignment <= 16, "PodList holds plain values only")
        storage = Storage(capacity: capacity)
    }

    /// A list holding a copy of `elements`.
    init(_ elements: UnsafeBufferPointer<Element>) {
        self.init(capacity: elements.count)
        if let from = elements.baseAddress { storage.base.initialize(from: from, count: elements.count) }
        count = elements.count
    }

    /// A list of `count` elements copied from raw memory (which need not be aligned).
    init(copyingBytes raw: UnsafeRawBufferPointer, count: Int) {
        precondition(raw.count == count * MemoryLayout<Element>.stride)
        self.init(capacity: count)
        if count > 0 { UnsafeMutableRawPointer(storage.base).copyMemory(from: raw.baseAddress!, byteCount: raw.count) }
        self.count = count
    }

    /// A list of `count` elements whose bytes `fill` writes into its fresh room (a file read
    /// straight into the list, say); nil when `fill` fails.
    init?(count: Int, fill: (UnsafeMutableRawBufferPointer) -> Bool) {
        self.init(capacity: count)
        guard count == 0 || fill(UnsafeMutableRawBufferPointer(start: storage.base, count: count * MemoryLayout<Element>.stride)) else { return nil }
        self.count = count
    }

    var isEmpty: Bool { count == 0 }

    /// The elements, valid while this list (or a copy sharing its storage) lives unchanged.
    @inline(__always)
    var view: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: storage.base, count: count) }

    @inline(__always)
    subscript(i: Int) -> Element {
        get {
            precondition(i >= 0 && i < count, "index out of range")
            return storage.base[i]
        }
        set {
            precondition(i >= 0 && i < count, "index out of range")
            makeUnique(minimumCapacity: count)
            storage.base[i] = newValue
        }
    }

    /// Room for `n` elements without moving them; storage shared with a copy is copied first.
    @inline(__always)
    private mutating func makeUnique(minimumCapacity n: Int) {
        if n > storage.capacity {
            move(capacity: Swift.max(n, 2 * storage.capacity, 16))
        } else if !isKnownUniquelyReferenced(&storage) {
            move(capacity: storage.capacity)
        }
    }

    /// Gives the list `capacity` room: in place when no copy shares the storage, else in a fresh copy.
    private mutating func move(capacity: Int) {
        if isKnownUniquelyReferenced(&storage) {
            storage.resize(capacity)
            return
        }
        let fresh = Storage(capacity: capacity)
        fresh.base.initialize(from: storage.base, count: count)
        storage = fresh
    }

    mutating func reserveCapacity(_ n: Int) {
        if n > storage.capacity || !isKnownUniquelyReferenced(&storage) { move(capacity: Swift.max(n, storage.capacity)) }
    }

    /// Gives back room beyond the elements when it is more than an eighth of them.
    mutating func shrinkToFit() {
        if storage.capacity > count + count / 8 + 16 { move(capacity: count) }
    }

    @inline(__always)
    mutating func append(_ e: Element) {
        makeUnique(minimumCapacity: count + 1)
        (storage.base + count).initialize(to: e)
        count += 1
    }

    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let from = elements.baseAddress, !elements.isEmpty else { return }
        makeUnique(minimumCapacity: count + elements.count)
        (storage.base + count).initialize(from: from, count: elements.count)
        count += elements.count
    }

    /// Drops the elements from `n` on.
    mutating func removeSuffix(from n: Int) {
        precondition(n >= 0 && n <= count)
        if n < count { makeUnique(minimumCapacity: count) }
        count = n
    }
}
