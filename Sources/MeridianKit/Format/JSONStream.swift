/// JSON text written as it is emitted, compact or two-space indented, into a byte buffer that a
/// sink can drain in chunks: a 7 MB document never exists whole, nor as a tree.
/// Layout: `[]` and `{}` when empty; in pretty form one element per line and `"key": value`.
public struct JSONStream: JSONEmitter {
    /// Bytes written and not yet handed to the sink (all of them when there is no sink).
    public private(set) var bytes: [UInt8] = []
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
        bytes.reserveCapacity(1 << 12)
    }

    /// Hands `sink` about `chunkSize` bytes at a time; call `flush()` after the last token.
    public init(pretty: Bool, chunkSize: Int, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.pretty = pretty
        self.chunkSize = max(1, chunkSize)
        self.sink = sink
        bytes.reserveCapacity(self.chunkSize + (1 << 12))
    }

    /// Appends bytes that are not JSON tokens (e.g. the final newline).
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Hands whatever is buffered to the sink.
    public mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func key(_ name: StaticString) {
        beginElement()
        JSONBytes.appendString(utf8: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), to: &bytes)
        afterName()
    }

    public mutating func key(_ name: String) {
        beginElement()
        JSONBytes.appendString(name, to: &bytes)
        afterName()
    }

    public mutating func string(_ value: String) {
        beginElement()
        JSONBytes.appendString(value, to: &bytes)
    }

    public mutating func int(_ value: Int64) {
        beginElement()
        JSONBytes.appendInt(value, to: &bytes)
    }

    public mutating func bool(_ value: Bool) {
        beginElement()
        if value { raw("true") } else { raw("false") }
    }

    public mutating func null() {
        beginElement()
        raw("null")
    }

    private mutating func open(_ bracket: UInt8) {
        beginElement()
        bytes.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !empty { newline(depth) }
        bytes.append(bracket)
        // The enclosing container holds at least this one.
        empty = false
    }

    private mutating func afterName() {
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    /// What goes before a value or key: nothing after a key, else a comma after an earlier
    /// element and a new line at this depth. Drains a full buffer first.
    private mutating func beginElement() {
        if afterKey {
            afterKey = false
            return
        }
        if bytes.count >= chunkSize { flush() }
        guard depth > 0 else { return }
        if !empty { bytes.append(UInt8(ascii: ",")) }
        newline(depth)
        empty = false
    }

    private mutating func newline(_ level: Int) {
        guard pretty else { return }
        let n = 2 * level + 1
        if n <= Self.newlineAndSpaces.count {
            Self.newlineAndSpaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
        } else {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(UInt8(0x20), count: n - 1))
        }
    }

    /// A newline then spaces, sliced for the common indentation depths.
    private static let newlineAndSpaces: [UInt8] = [0x0A] + Array(repeating: 0x20, count: 63)
}
