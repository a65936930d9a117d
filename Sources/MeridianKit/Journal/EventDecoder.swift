import Foundation

/// Turns one journal line into a validated `JournalEvent`, or a reason it is a problem.
public enum EventDecoder {
    /// The longest line accepted, not counting its `\n` (SPEC §1).
    public static let maxLineBytes = 64 * 1024

    /// Decodes a line (without its `\n`).
    public static func decode(_ line: UnsafeBufferPointer<UInt8>, source: EventSource) -> Result<JournalEvent, DecodeFailure> {
        if line.count > maxLineBytes {
            return .failure(DecodeFailure("line is \(line.count) bytes, over the 64 KiB limit"))
        }
        var fields = Fields()
        do {
            try JSONParser.parseObject(line) { key, value in fields.take(key, value) }
        } catch {
            return .failure(DecodeFailure("not valid JSON: \(error.message) (column \(error.offset + 1))"))
        }
        do {
            return .success(try fields.event(source: source, hash: fnv1a(line)))
        } catch {
            return .failure(error)
        }
    }

    /// Why a line was rejected.
    public struct DecodeFailure: Error, Equatable, Sendable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// The members of a line's object, the common ones pulled out as they are met.
    struct Fields {
        var id: JSONValue?
        var lc: JSONValue?
        var at: JSONValue?
        var by: JSONValue?
        var op: JSONValue?
        var rest: [String: JSONValue] = [:]

        mutating func take(_ key: UnsafeBufferPointer<UInt8>, _ value: JSONValue) {
            switch key.count {
            case 2 where key[0] == UInt8(ascii: "i") && key[1] == UInt8(ascii: "d"): id = value
            case 2 where key[0] == UInt8(ascii: "l") && key[1] == UInt8(ascii: "c"): lc = value
            case 2 where key[0] == UInt8(ascii: "a") && key[1] == UInt8(ascii: "t"): at = value
            case 2 where key[0] == UInt8(ascii: "b") && key[1] == UInt8(ascii: "y"): by = value
            case 2 where key[0] == UInt8(ascii: "o") && key[1] == UInt8(ascii: "p"): op = value
            default: rest[String(decoding: key, as: UTF8.self)] = value
            }
        }

        func event(source: EventSource, hash: UInt64) throws(DecodeFailure) -> JournalEvent {
            let id = try requiredString(id, "id")
            guard !id.isEmpty, id.utf8.count <= 128 else { throw DecodeFailure("field 'id' must be 1 to 128 characters") }
            let lc = try clock(lc)
            let atText = try requiredString(at, "at")
            guard let at = Instant.parse(atText) else { throw DecodeFailure("field 'at' is not an ISO-8601 instant: \(atText.prefix(40))") }
            let by = try requiredString(by, "by")
            guard Identifiers.isValidName(by) else { throw DecodeFailure("field 'by' is not a valid member id") }
            let op = try requiredString(op, "op")
            let payload = try Payload.decode(op: op, fields: rest)
            return JournalEvent(id: id, lc: lc, at: at, by: by, op: op, payload: payload, source: source, contentHash: hash)
        }

        func clock(_ v: JSONValue?) throws(DecodeFailure) -> Int64 {
            switch v {
            case nil: throw DecodeFailure("missing required field 'lc'")
            case .integer(let n)?:
                guard n >= 0 else { throw DecodeFailure("field 'lc' must not be negative") }
                return n
            case .number?: throw DecodeFailure("field 'lc' must be a whole number that fits in 64 bits")
            case let other?: throw DecodeFailure("field 'lc' must be an integer, not \(other.typeName)")
            }
        }
    }

    static func requiredString(_ v: JSONValue?, _ name: String) throws(DecodeFailure) -> String {
        switch v {
        case nil: throw DecodeFailure("missing required field '\(name)'")
        case .string(let s)?: return s
        case let other?: throw DecodeFailure("field '\(name)' must be a string, not \(other.typeName)")
        }
    }
}
