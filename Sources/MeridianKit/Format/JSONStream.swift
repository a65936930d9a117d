/// JSON text written as it is emitted, compact or two-space indented, into a byte buffer that a
/// sink can drain in chunks: a 7 MB document never exists whole, nor as a tree.
/// Layout: `[]` and `{}` when empty; in pretty form one element per line and `"key": value`.
public struct JSONStream: JSONEmitter {
    /// Storage; `bytes[0..<used]` is the text written and not yet handed to the sink (all of it
    /// when there is no sink). Written through its pointer: no bounds or uniqueness checks per byte.
    private var storage: JSONByteBuffer
    private var used = 0
    private let pretty: Bool
    /// Containers open around the next token.
    private var depth = 0
    /// Whether the innermost open container has no element yet.
    private var empty = true
    /// Whether a key was just written, so the next value follows it on the same line.
    private var afterKey = false
    private let chunkSize: Int
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?

    /// Keeps everything in `bytes`.
    public init(pretty: Bool) {
        self.pretty = pretty
        chunkSize = .max
        sink = nil
        storage = JSONByteBuffer(capacity: 1 << 12)
    }

    /// Hands `sink` about `chunkSize` bytes at a time; call `flush()` after the last token.
    public init(pretty: Bool, chunkSize: Int, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.pretty = pretty
        self.chunkSize = max(1, chunkSize)
        self.sink = sink
        storage = JSONByteBuffer(capacity: self.chunkSize + (1 << 12))
    }

    /// Text written and not yet handed to a sink.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage.base, count: used)) }

    /// Appends bytes that are not JSON tokens (e.g. the final newline).
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { utf8 in
            write(upTo: utf8.count) { p in
                p.update(from: utf8.baseAddress!, count: utf8.count)
                return utf8.count
            }
        }
    }

    /// Hands whatever is buffered to the sink.
    public mutating func flush() {
        guard let sink, used > 0 else { return }
        sink(UnsafeBufferPointer(start: storage.base, count: used))
        used = 0
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A literal name is plain ASCII (checked in debug builds), so it is copied, not escaped.
    public mutating func key(_ name: StaticString) {
        if let p = memberStart(name, valueRoom: 0) {
            used = p - storage.base
            afterKey = true
            return
        }
        name.withUTF8Buffer { utf8 in
            assert(utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }, "JSON key literal needs escaping: \(name)")
            let pretty = self.pretty
            token(upTo: utf8.count + 4) { p in
                p[0] = UInt8(ascii: "\"")
                (p + 1).update(from: utf8.baseAddress!, count: utf8.count)
                p[utf8.count + 1] = UInt8(ascii: "\"")
                let n = utf8.count + 2
                return n + Self.nameSeparator(at: p + n, pretty: pretty)
            }
            afterKey = true
        }
    }

    public mutating func field(_ name: StaticString, _ value: String?) {
        guard var value else { return field(name, null: ()) }
        let done: Bool = value.withUTF8 { utf8 in
            guard let p = memberStart(name, valueRoom: JSONBytes.maxStringLength(utf8.count)) else { return false }
            used = p - storage.base + JSONBytes.writeString(utf8, to: p)
            return true
        }
        if !done {
            key(name)
            string(value)
        }
    }

    public mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return field(name, null: ()) }
        if let p = memberStart(name, valueRoom: JSONBytes.maxIntLength) {
            used = p - storage.base + JSONBytes.writeInt(Int64(value), to: p)
        } else {
            key(name)
            int(Int64(value))
        }
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        let text: StaticString = value ? "true" : "false"
        if let p = memberStart(name, valueRoom: 5) {
            p.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            used = p - storage.base + text.utf8CodeUnitCount
        } else {
            key(name)
            bool(value)
        }
    }

    /// A member whose value is `null`.
    private mutating func field(_ name: StaticString, null: ()) {
        if let p = memberStart(name, valueRoom: 4) {
            p.update(from: ("null" as StaticString).utf8Start, count: 4)
            used = p - storage.base + 4
        } else {
            key(name)
            self.null()
        }
    }

    /// Writes what goes before a member's value — a comma after an earlier member, (pretty) a new
    /// line at this depth, the name in quotes and its separator — with `valueRoom` more bytes
    /// reserved, and returns where the value goes (`used` is left for the caller to set). Nil,
    /// having written nothing, when the fast path does not apply: a name that is not a pointer
    /// literal, or no open container, or a key already pending.
    @inline(__always)
    private mutating func memberStart(_ name: StaticString, valueRoom: Int) -> UnsafeMutablePointer<UInt8>? {
        guard name.hasPointerRepresentation, !afterKey, depth > 0 else { return nil }
        let n = name.utf8CodeUnitCount
        let from = name.utf8Start
        assert(UnsafeBufferPointer(start: from, count: n).allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C },
               "JSON key literal needs escaping: \(name)")
        if used >= chunkSize { flush() }
        let comma = !empty
        empty = false
        let indent = pretty ? depth : -1
        reserve(1 + Self.maxNewline(indent) + n + 4 + valueRoom)
        var p = storage.base + used
        if comma {
            p[0] = UInt8(ascii: ",")
            p += 1
        }
        p += Self.newline(indent, at: p)
        p[0] = UInt8(ascii: "\"")
        for k in 0..<n { p[1 + k] = from[k] }
        p[n + 1] = UInt8(ascii: "\"")
        p += n + 2
        return p + Self.nameSeparator(at: p, pretty: pretty)
    }

    public mutating func key(_ name: String) {
        var name = name
        name.withUTF8 { self.memberName($0) }
    }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            token(upTo: JSONBytes.maxStringLength(utf8.count)) { JSONBytes.writeString(utf8, to: $0) }
        }
    }

    public mutating func int(_ value: Int64) {
        token(upTo: JSONBytes.maxIntLength) { JSONBytes.writeInt(value, to: $0) }
    }

    public mutating func bool(_ value: Bool) {
        if value { literal("true") } else { literal("false") }
    }

    public mutating func null() { literal("null") }

    private mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { utf8 in
            token(upTo: utf8.count) { p in
                p.update(from: utf8.baseAddress!, count: utf8.count)
                return utf8.count
            }
        }
    }

    /// A member name and its `:` (`: ` when pretty); the value follows on the same line.
    private mutating func memberName(_ utf8: UnsafeBufferPointer<UInt8>) {
        let pretty = self.pretty
        token(upTo: JSONBytes.maxStringLength(utf8.count) + 2) { p in
            let n = JSONBytes.writeString(utf8, to: p)
            return n + Self.nameSeparator(at: p + n, pretty: pretty)
        }
        afterKey = true
    }

    /// What follows a member name: `:`, or `: ` when pretty; returns the bytes written.
    @inline(__always)
    private static func nameSeparator(at p: UnsafeMutablePointer<UInt8>, pretty: Bool) -> Int {
        p[0] = UInt8(ascii: ":")
        guard pretty else { return 1 }
        p[1] = 0x20
        return 2
    }

    private mutating func open(_ bracket: UInt8) {
        token(upTo: 1) { p in
            p[0] = bracket
            return 1
        }
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        let indent = !empty && pretty ? depth : -1
        write(upTo: Self.maxNewline(indent) + 1) { p in
            let n = Self.newline(indent, at: p)
            p[n] = bracket
            return n + 1
        }
        // The enclosing container holds at least this one.
        empty = false
    }

    /// Writes one token with what goes before it: nothing after a key, else a comma after an
    /// earlier element and (pretty) a new line at this depth. Drains a full buffer first.
    @inline(__always)
    private mutating func token(upTo limit: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        var comma = false
        var indent = -1
        if afterKey {
            afterKey = false
        } else {
            if used >= chunkSize { flush() }
            if depth > 0 {
                comma = !empty
                if pretty { indent = depth }
                empty = false
            }
        }
        reserve(1 + Self.maxNewline(indent) + limit)
        var p = storage.base + used
        if comma {
            p[0] = UInt8(ascii: ",")
            p += 1
        }
        p += Self.newline(indent, at: p)
        p += body(p)
        used = p - storage.base
    }

    /// Room `newline` may take: the newline, the spaces, and up to seven more written in passing.
    @inline(__always)
    private static func maxNewline(_ level: Int) -> Int { level < 0 ? 0 : 2 * level + 8 }

    /// A newline and two spaces a level (nothing for level -1); returns the bytes it means.
    @inline(__always)
    private static func newline(_ level: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
        guard level >= 0 else { return 0 }
        p[0] = 0x0A
        // Spaces eight at a time; the bytes past the last one are overwritten by what follows.
        let spaces = 2 * level
        var k = 0
        while k < spaces {
            UnsafeMutableRawPointer(p + 1 + k).storeBytes(of: 0x2020_2020_2020_2020 as UInt64, as: UInt64.self)
            k += 8
        }
        return 1 + spaces
    }

    /// Lets `body` write at most `limit` bytes at the end of the text; it returns how many it wrote.
    @inline(__always)
    private mutating func write(upTo limit: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(limit)
        used += body(storage.base + used)
    }

    /// Makes room for `limit` more bytes in storage this stream alone owns.
    @inline(__always)
    private mutating func reserve(_ limit: Int) {
        if used + limit > storage.capacity || !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(keeping: used, capacity: max(used + limit, 2 * storage.capacity))
        }
    }
}

/// The bytes of a `JSONStream`: one allocation it writes through a pointer; a copied stream gets
/// its own before writing (`isKnownUniquelyReferenced`), so streams stay values.
final class JSONByteBuffer {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    /// A new buffer of at least `capacity` bytes starting with the first `count` bytes of this one.
    func copy(keeping count: Int, capacity: Int) -> JSONByteBuffer {
        let b = JSONByteBuffer(capacity: max(capacity, self.capacity))
        b.base.update(from: base, count: count)
        return b
    }

    deinit { base.deallocate() }
}
