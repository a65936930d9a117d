/// A member value of a journal line as the decoder sees it: plain data (no `String`, no array),
/// so filling the line's field slots and clearing them costs nothing. Strings are bytes: in the
/// line itself, or (when the line had escapes) in the `LineScratch`.
enum FieldToken {
    case string(UnsafeBufferPointer<UInt8>)
    case integer(Int64)
    /// A number that is not an integer fitting in 64 bits.
    case number
    case bool
    case null
    /// An array of strings: `count` items from `start` in the scratch's item list.
    case strings(start: Int32, count: Int32)
    /// An array with an item that is not a string.
    case array
    case object

    /// The JSON type's name, for problem messages.
    var typeName: String {
        switch self {
        case .string: return "a string"
        case .integer, .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .strings, .array: return "an array"
        case .object: return "an object"
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// Room for a line's array items and decoded strings, reused from line to line.
struct LineScratch {
    /// Array items (strings) of the line, in order.
    var items = PodList<UnsafeBufferPointer<UInt8>>()
    /// Decoded strings of a line read by the full parser (escapes resolved).
    var bytes = PodList<UInt8>()
    /// The date of the last `at` read.
    var days = JournalBytes.DayCache()

    mutating func reset() {
        items.removeSuffix(from: 0)
        bytes.removeSuffix(from: 0)
    }

    /// A line's members as `JSONParser` reads them, turned into `FieldToken`s for `visit`.
    /// The strings of `members` are copied into `bytes` first, so their addresses hold.
    mutating func visit(_ members: [(key: [UInt8], value: JSONParser.Token)], _ visit: (FieldKey, FieldToken) -> Void) {
        reset()
        var size = 0
        for m in members {
            switch m.value {
            case .value(.string(let s)): size += s.utf8.count
            case .value(.array(let items)): for case .string(let s) in items { size += s.utf8.count }
            default: break
            }
        }
        bytes.reserveCapacity(size)
        for m in members {
            let token: FieldToken
            switch m.value {
            case .raw(let b): token = .string(b)
            case .value(let v): token = convert(v)
            }
            if let key = m.key.withUnsafeBufferPointer({ FieldKey($0) }) { visit(key, token) }
        }
    }

    private mutating func copy(_ s: String) -> UnsafeBufferPointer<UInt8> {
        var s = s
        let start = bytes.count
        s.withUTF8 { bytes.append(contentsOf: $0) }
        return UnsafeBufferPointer(rebasing: bytes.view[start..<bytes.count])
    }

    private mutating func convert(_ v: JSONValue) -> FieldToken {
        switch v {
        case .null: return .null
        case .bool: return .bool
        case .integer(let n): return .integer(n)
        case .number: return .number
        case .string(let s): return .string(copy(s))
        case .object: return .object
        case .array(let list):
            let start = Int32(items.count)
            for item in list {
                guard case .string(let s) = item else { return .array }
                items.append(copy(s))
            }
            return .strings(start: start, count: Int32(list.count))
        }
    }
}
