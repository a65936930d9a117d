import Foundation

/// Turns one journal line into a validated event, or a reason it is a problem.
/// The line is read in place: known fields land in fixed slots (no dictionary, no key strings),
/// strings are copied into the file's `EventLog` arena (no `String` per field), and values that
/// are only looked at (`at`, `op`, `priority`, dates) are read straight from the bytes.
public enum EventDecoder {
    /// The longest line accepted, not counting its `\n` (SPEC §1).
    public static let maxLineBytes = 64 * 1024

    /// Decodes a line (without its `\n`).
    public static func decode(_ line: UnsafeBufferPointer<UInt8>, source: EventSource) -> Result<JournalEvent, DecodeFailure> {
        decode(line, source: source, fastScan: true)
    }

    /// `decode`, reading the line with `JournalLineScanner` first (`fastScan`) or only with
    /// `JSONParser` (the tests compare the two).
    static func decode(_ line: UnsafeBufferPointer<UInt8>, source: EventSource, fastScan: Bool) -> Result<JournalEvent, DecodeFailure> {
        var log = EventLog()
        var scratch = LineScratch()
        if let failure = append(line, line: source.line, offset: source.offset, length: source.length, to: &log, scratch: &scratch,
                                fastScan: fastScan) {
            return .failure(failure)
        }
        var event = log.event(0, file: source.file)
        event.contentHash = JournalBytes.hash(line)
        return .success(event)
    }

    /// Decodes a line (without its `\n`) onto the end of `log`: nil when an event was added, else
    /// why the line is a problem (and `log` is as it was). `length` is the line's length in the
    /// file; `scratch` is room reused from line to line.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, offset: Int, length: Int, to log: inout EventLog,
                       scratch: inout LineScratch, fastScan: Bool = true) -> DecodeFailure? {
        if bytes.count > maxLineBytes {
            return DecodeFailure("line is \(bytes.count) bytes, over the 64 KiB limit")
        }
        var fields = Fields()
        scratch.reset()
        // `fields` is filled through `inout` helpers, never captured by a closure here: a captured
        // variable is copied whole (all its slots) when `record` is called on it, once per line.
        if !fastScan || !JournalLineScanner.scan(bytes, scratch: &scratch, into: &fields) {
            // Not in the usual shape (or not valid): the full parser reads it, errors and all.
            fields = Fields()
            var members: [(key: [UInt8], value: JSONParser.Token)] = []
            do {
                try JSONParser.parseObjectTokens(bytes) { key, value in members.append((Array(key), value)) }
            } catch {
                return DecodeFailure("not valid JSON: \(error.message) (column \(error.offset + 1))")
            }
            scratch.visit(members, into: &fields)
        }
        let mark = log.mark()
        do {
            // The items live in `scratch`, which outlives the call and is not changed by it (only its `days` are).
            var r = try fields.record(into: &log, items: scratch.items.view, days: &scratch.days)
            r.offset = offset
            r.setPlace(line: line, length: length)
            log.records.append(r)
            return nil
        } catch {
            log.rollback(to: mark)
            return error
        }
    }

    /// Why a line was rejected.
    public struct DecodeFailure: Error, Equatable, Sendable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    typealias Token = FieldToken

    /// The members of a line's object that any op reads; unknown members are ignored (SPEC §1).
    /// A repeated member keeps its last value.
    struct Fields {
        var id, lc, at, by, op: Token?
        var task, title, column, priority, labels, due, notes, to, text, kind, until, from, note, ref, rotation, member: Token?

        /// Keeps a member's value (the last one, when a key repeats).
        @inline(__always)
        mutating func set(_ key: FieldKey, _ value: Token) {
            switch key {
            case .id: id = value
            case .lc: lc = value
            case .at: at = value
            case .by: by = value
            case .op: op = value
            case .task: task = value
            case .title: title = value
            case .column: column = value
            case .priority: priority = value
            case .labels: labels = value
            case .due: due = value
            case .notes: notes = value
            case .to: to = value
            case .text: text = value
            case .kind: kind = value
            case .until: until = value
            case .from: from = value
            case .note: note = value
            case .ref: ref = value
            case .rotation: rotation = value
            case .member: member = value
            }
        }

        /// The common fields, checked in the order their problems are reported, then the payload.
        /// Strings go to `log`'s arena (array items are in `items`); the caller fills in where the line is.
        func record(into log: inout EventLog, items: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
                    days: inout JournalBytes.DayCache) throws(DecodeFailure) -> EventRecord {
            guard let idToken = id else { throw DecodeFailure("missing required field 'id'") }
            let stored = try Payload.withText(idToken, "id") { u in u.isEmpty || u.count > 128 ? nil : log.storeID(u) }
            guard let (eventID, flags) = stored else { throw DecodeFailure("field 'id' must be 1 to 128 characters") }
            let lc = try clock(lc)
            guard let atToken = self.at else { throw DecodeFailure("missing required field 'at'") }
            guard case .string(let atText) = atToken else { throw DecodeFailure("field 'at' must be a string, not \(atToken.typeName)") }
            guard let at = JournalBytes.instant(atText, days: &days) else {
                throw DecodeFailure("field 'at' is not an ISO-8601 instant: \(String(decoding: atText, as: UTF8.self).prefix(40))")
            }
            guard let byToken = self.by else { throw DecodeFailure("missing required field 'by'") }
            let by = try Payload.member(byToken, &log)
            guard log.text.withBytes(by, JournalBytes.isValidName) else { throw DecodeFailure("field 'by' is not a valid member id") }
            var r = EventRecord(lc: lc, at: at, id: eventID, offset: 0, by: by, task: .none, text: .none, op: .unknown, flags: flags)
            try Payload.decode(op: op, fields: self, into: &r, log: &log, items: items)
            if r.op.isTaskOp { r.flags |= log.text.withBytes(r.task, EventRecord.halfFlag) }
            return r
        }

        func clock(_ v: Token?) throws(DecodeFailure) -> Int64 {
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
}

extension JournalLineScanner {
    /// `scan`, keeping each member in `fields`.
    @inline(__always)
    static func scan(_ u: UnsafeBufferPointer<UInt8>, scratch: inout LineScratch, into fields: inout EventDecoder.Fields) -> Bool {
        scan(u, scratch: &scratch) { key, value in fields.set(key, value) }
    }
}

extension LineScratch {
    /// `visit`, keeping each member in `fields`.
    mutating func visit(_ members: [(key: [UInt8], value: JSONParser.Token)], into fields: inout EventDecoder.Fields) {
        visit(members) { key, value in fields.set(key, value) }
    }
}
