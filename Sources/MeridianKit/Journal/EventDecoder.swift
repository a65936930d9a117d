import Foundation

/// Turns one journal line into a validated `JournalEvent`, or a reason it is a problem.
/// The line is read in place: known fields land in fixed slots (no dictionary, no key strings),
/// and values that are only looked at (`at`, `op`, `priority`, dates) never become strings.
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
            try JSONParser.parseObjectTokens(line) { key, value in fields.take(key, value) }
        } catch {
            return .failure(DecodeFailure("not valid JSON: \(error.message) (column \(error.offset + 1))"))
        }
        do {
            return .success(try fields.event(source: source, hash: JournalBytes.hash(line)))
        } catch {
            return .failure(error)
        }
    }

    /// Why a line was rejected.
    public struct DecodeFailure: Error, Equatable, Sendable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    typealias Token = JSONParser.Token

    /// The members of a line's object that any op reads; unknown members are ignored (SPEC §1).
    /// A repeated member keeps its last value.
    struct Fields {
        var id, lc, at, by, op: Token?
        var task, title, column, priority, labels, due, notes, to, text, kind, until, from, note, ref, rotation, member: Token?

        mutating func take(_ key: UnsafeBufferPointer<UInt8>, _ value: Token) {
            guard key.count >= 2 && key.count <= 8 else { return }
            let eq = JournalBytes.equals
            switch key[0] {
            case UInt8(ascii: "i"): if eq(key, "id") { id = value }
            case UInt8(ascii: "l"): if eq(key, "lc") { lc = value } else if eq(key, "labels") { labels = value }
            case UInt8(ascii: "a"): if eq(key, "at") { at = value }
            case UInt8(ascii: "b"): if eq(key, "by") { by = value }
            case UInt8(ascii: "o"): if eq(key, "op") { op = value }
            case UInt8(ascii: "t"):
                if eq(key, "task") { task = value } else if eq(key, "title") { title = value }
                else if eq(key, "to") { to = value } else if eq(key, "text") { text = value }
            case UInt8(ascii: "c"): if eq(key, "column") { column = value }
            case UInt8(ascii: "p"): if eq(key, "priority") { priority = value }
            case UInt8(ascii: "d"): if eq(key, "due") { due = value }
            case UInt8(ascii: "n"): if eq(key, "notes") { notes = value } else if eq(key, "note") { note = value }
            case UInt8(ascii: "k"): if eq(key, "kind") { kind = value }
            case UInt8(ascii: "u"): if eq(key, "until") { until = value }
            case UInt8(ascii: "f"): if eq(key, "from") { from = value }
            case UInt8(ascii: "r"): if eq(key, "ref") { ref = value } else if eq(key, "rotation") { rotation = value }
            case UInt8(ascii: "m"): if eq(key, "member") { member = value }
            default: break
            }
        }

        func event(source: EventSource, hash: UInt64) throws(DecodeFailure) -> JournalEvent {
            let id = try Payload.string(id, "id")
            guard !id.isEmpty, id.utf8.count <= 128 else { throw DecodeFailure("field 'id' must be 1 to 128 characters") }
            let lc = try clock(lc)
            let at: Date
            switch self.at {
            case .raw(let b)?:
                guard let d = JournalBytes.instant(b) else {
                    throw DecodeFailure("field 'at' is not an ISO-8601 instant: \(String(decoding: b, as: UTF8.self).prefix(40))")
                }
                at = d
            default:
                let atText = try Payload.string(self.at, "at")
                guard let d = Instant.parse(atText) else { throw DecodeFailure("field 'at' is not an ISO-8601 instant: \(atText.prefix(40))") }
                at = d
            }
            let by: String
            if case .raw(let b)? = self.by {
                guard JournalBytes.isValidName(b) else { throw DecodeFailure("field 'by' is not a valid member id") }
                by = String(decoding: b, as: UTF8.self)
            } else {
                by = try Payload.string(self.by, "by")
                guard Identifiers.isValidName(by) else { throw DecodeFailure("field 'by' is not a valid member id") }
            }
            let op = try Payload.op(op)
            let payload = try Payload.decode(op: op, fields: self)
            return JournalEvent(id: id, lc: lc, at: at, by: by, op: op, payload: payload, source: source, contentHash: hash)
        }

        func clock(_ v: Token?) throws(DecodeFailure) -> Int64 {
            switch v {
            case nil: throw DecodeFailure("missing required field 'lc'")
            case .value(.integer(let n))?:
                guard n >= 0 else { throw DecodeFailure("field 'lc' must not be negative") }
                return n
            case .value(.number)?: throw DecodeFailure("field 'lc' must be a whole number that fits in 64 bits")
            case .raw?: throw DecodeFailure("field 'lc' must be an integer, not a string")
            case .value(let other)?: throw DecodeFailure("field 'lc' must be an integer, not \(other.typeName)")
            }
        }
    }
}
