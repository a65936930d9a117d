import Foundation

/// The binary form of one journal file's decoded state (`JournalFileState`) in the journal
/// cache: a header naming the file's identity and how far it was read, then its events and
/// problems. Short identifiers (member ids, task ids, ops, columns, labels) are written once
/// per file in a string table, so decoding shares their storage instead of allocating.
/// Any change to what an event holds must bump `version`.
enum JournalCacheCodec {
    static let magic: UInt64 = 0x314E_524A_4E44_524D // "MRDNJRN1", little-endian
    static let version: UInt64 = 1

    /// The header, readable without decoding the events.
    struct Header: Equatable {
        var relative: String
        var device: UInt64
        var inode: UInt64
        var consumed: Int
        var lines: Int
        /// How many bytes before `consumed` `checkHash` covers.
        var checkLength: Int
        var checkHash: UInt64
    }

    // MARK: - Encoding

    static func encode(_ s: JournalFileState, header: Header) -> [UInt8] {
        var body = CacheByteWriter()
        body.bytes.reserveCapacity(64 + s.events.count * 96)
        body.string(header.relative)
        body.u64(header.device)
        body.u64(header.inode)
        body.varint(header.consumed)
        body.varint(header.lines)
        body.varint(header.checkLength)
        body.u64(header.checkHash)
        body.raw(s.tail)
        var table = Interner()
        var events = CacheByteWriter()
        events.bytes.reserveCapacity(s.events.count * 96)
        for e in s.events { encode(e, into: &events, table: &table) }
        body.varint(table.strings.count)
        for t in table.strings { body.string(t) }
        body.varint(s.events.count)
        body.bytes.append(contentsOf: events.bytes)
        body.varint(s.problems.count)
        for p in s.problems {
            body.varint(p.line ?? -1)
            body.string(p.message)
        }
        var out = CacheByteWriter()
        out.bytes.reserveCapacity(body.bytes.count + 24)
        out.u64(magic)
        out.u64(version)
        out.u64(body.bytes.withUnsafeBufferPointer { JournalBytes.hash($0) })
        out.bytes.append(contentsOf: body.bytes)
        return out.bytes
    }

    /// Short identifiers numbered in order of first use.
    struct Interner {
        var strings: [String] = []
        var index: [String: Int] = [:]

        mutating func ref(_ s: String) -> Int {
            if let i = index[s] { return i }
            index[s] = strings.count
            strings.append(s)
            return strings.count - 1
        }
    }

    private static func encode(_ e: JournalEvent, into w: inout CacheByteWriter, table t: inout Interner) {
        w.string(e.id)
        w.i64(e.lc)
        w.double(e.at.timeIntervalSince1970)
        w.varint(t.ref(e.by))
        w.varint(t.ref(e.op))
        w.varint(e.source.line)
        w.varint(e.source.offset)
        w.varint(e.source.length)
        w.u64(e.contentHash)
        func optString(_ s: String?) {
            if let s { w.u8(1); w.string(s) } else { w.u8(0) }
        }
        func optRef(_ s: String?) {
            if let s { w.varint(t.ref(s) + 1) } else { w.varint(0) }
        }
        func labels(_ l: [String]) {
            w.varint(l.count)
            for x in l { w.varint(t.ref(x)) }
        }
        func due(_ d: DueDate) {
            w.string(d.text)
            if let date = d.date { w.u8(1); w.varint(date.daysSinceEpoch) } else if let i = d.instant { w.u8(2); w.double(i.timeIntervalSince1970) } else { w.u8(0) }
        }
        func change<V>(_ c: FieldChange<V>, _ body: (V) -> Void) {
            switch c {
            case .unchanged: w.u8(0)
            case .cleared: w.u8(1)
            case .set(let v): w.u8(2); body(v)
            }
        }
        switch e.payload {
        case .taskCreate(let f):
            w.u8(1)
            w.varint(t.ref(f.task))
            w.string(f.title)
            optRef(f.column)
            w.u8(UInt8(f.priority.rank))
            labels(f.labels)
            if let d = f.due { w.u8(1); due(d) } else { w.u8(0) }
            optString(f.notes)
        case .taskEdit(let f):
            w.u8(2)
            w.varint(t.ref(f.task))
            change(f.title) { w.string($0) }
            change(f.priority) { w.u8(UInt8($0.rank)) }
            change(f.labels) { labels($0) }
            change(f.due) { due($0) }
            change(f.notes) { w.string($0) }
        case .taskMove(let task, let column): w.u8(3); w.varint(t.ref(task)); w.varint(t.ref(column))
        case .taskClaim(let task): w.u8(4); w.varint(t.ref(task))
        case .taskRelease(let task): w.u8(5); w.varint(t.ref(task))
        case .taskAssign(let task, let to): w.u8(6); w.varint(t.ref(task)); optRef(to)
        case .taskComment(let task, let text): w.u8(7); w.varint(t.ref(task)); w.string(text)
        case .taskDelete(let task): w.u8(8); w.varint(t.ref(task))
        case .statusSet(let text, let kind, let until):
            w.u8(9)
            w.string(text)
            w.u8(UInt8(StatusKind.allCases.firstIndex(of: kind)!))
            if let until { w.u8(1); w.double(until.timeIntervalSince1970) } else { w.u8(0) }
        case .statusClear: w.u8(10)
        case .timeoffAdd(let span, let note):
            w.u8(11)
            switch span {
            case .dates(let a, let b): w.u8(1); w.varint(a.daysSinceEpoch); w.varint(b.daysSinceEpoch)
            case .instants(let a, let b): w.u8(2); w.double(a.timeIntervalSince1970); w.double(b.timeIntervalSince1970)
            }
            optString(note)
        case .timeoffCancel(let ref): w.u8(12); w.string(ref)
        case .oncallOverride(let rotation, let member, let from, let to):
            w.u8(13)
            w.varint(t.ref(rotation))
            w.varint(t.ref(member))
            w.double(from.timeIntervalSince1970)
            w.double(to.timeIntervalSince1970)
        case .oncallCancel(let ref): w.u8(14); w.string(ref)
        case .unknown(let op): w.u8(15); w.varint(t.ref(op))
        }
    }

    // MARK: - Decoding

    typealias Malformed = CacheByteReader.Malformed

    /// The header of a cache file, after checking its magic, version and checksum.
    static func header(_ buffer: UnsafeRawBufferPointer) throws(Malformed) -> (Header, CacheByteReader) {
        var r = CacheByteReader(buffer)
        guard try r.u64() == magic, try r.u64() == version else { throw Malformed() }
        let sum = try r.u64()
        let body = UnsafeRawBufferPointer(rebasing: buffer[r.at...])
        guard JournalBytes.hash(body.bindMemory(to: UInt8.self)) == sum else { throw Malformed() }
        let h = Header(relative: try r.string(), device: try r.u64(), inode: try r.u64(), consumed: try r.varint(), lines: try r.varint(),
                       checkLength: try r.varint(), checkHash: try r.u64())
        guard h.consumed >= 0, h.lines >= 0, h.checkLength >= 0, h.checkLength <= h.consumed else { throw Malformed() }
        return (h, r)
    }

    /// The state a cache file holds (the caller has checked the header against the journal file).
    static func state(_ header: Header, _ reader: CacheByteReader) throws(Malformed) -> JournalFileState {
        var r = reader
        var s = JournalFileState()
        s.device = header.device
        s.inode = header.inode
        s.consumed = header.consumed
        s.lines = header.lines
        s.tail = try r.raw()
        let tableCount = try r.count()
        var table: [String] = []
        table.reserveCapacity(tableCount)
        for _ in 0..<tableCount { table.append(try r.string()) }
        let eventCount = try r.count()
        s.events.reserveCapacity(eventCount)
        for _ in 0..<eventCount { s.events.append(try event(&r, table: table, file: header.relative)) }
        let problemCount = try r.count()
        for _ in 0..<problemCount {
            let line = try r.varint()
            s.problems.append(Problem(file: header.relative, line: line < 0 ? nil : line, message: try r.string()))
        }
        guard r.isAtEnd else { throw Malformed() }
        return s
    }

    private static func event(_ r: inout CacheByteReader, table: [String], file: String) throws(Malformed) -> JournalEvent {
        func ref() throws(Malformed) -> String {
            let i = try r.varint()
            guard i >= 0, i < table.count else { throw Malformed() }
            return table[i]
        }
        func optRef() throws(Malformed) -> String? {
            let i = try r.varint()
            if i == 0 { return nil }
            guard i > 0, i <= table.count else { throw Malformed() }
            return table[i - 1]
        }
        func flag() throws(Malformed) -> Bool {
            switch try r.u8() {
            case 0: return false
            case 1: return true
            default: throw Malformed()
            }
        }
        func optString() throws(Malformed) -> String? { try flag() ? try r.string() : nil }
        func date() throws(Malformed) -> Date { Date(timeIntervalSince1970: try r.double()) }
        func day() throws(Malformed) -> LocalDate {
            let d = try r.varint()
            guard abs(d) < 10_000_000 else { throw Malformed() }
            return LocalDate(daysSinceEpoch: d)
        }
        func priority() throws(Malformed) -> Priority {
            let i = Int(try r.u8())
            guard let p = Priority.allCases.first(where: { $0.rank == i }) else { throw Malformed() }
            return p
        }
        func labels() throws(Malformed) -> [String] {
            let n = try r.count()
            var out: [String] = []
            out.reserveCapacity(n)
            for _ in 0..<n { out.append(try ref()) }
            return out
        }
        func due() throws(Malformed) -> DueDate {
            let text = try r.string()
            switch try r.u8() {
            case 1: return DueDate(text: text, date: try day(), instant: nil)
            case 2: return DueDate(text: text, date: nil, instant: try date())
            default: throw Malformed()
            }
        }
        func change<V>(_ body: () throws(Malformed) -> V) throws(Malformed) -> FieldChange<V> {
            switch try r.u8() {
            case 0: return .unchanged
            case 1: return .cleared
            case 2: return .set(try body())
            default: throw Malformed()
            }
        }
        let id = try r.string()
        let lc = try r.i64()
        let at = try date()
        let by = try ref()
        let op = try ref()
        let source = EventSource(file: file, line: try r.varint(), offset: try r.varint(), length: try r.varint())
        let hash = try r.u64()
        let payload: EventPayload
        switch try r.u8() {
        case 1:
            let task = try ref(), title = try r.string(), column = try optRef(), p = try priority(), l = try labels()
            let d = try flag() ? try due() : nil
            payload = .taskCreate(TaskCreateFields(task: task, title: title, column: column, priority: p, labels: l, due: d, notes: try optString()))
        case 2:
            var f = TaskEditFields(task: try ref())
            f.title = try change { () throws(Malformed) in try r.string() }
            f.priority = try change(priority)
            f.labels = try change(labels)
            f.due = try change(due)
            f.notes = try change { () throws(Malformed) in try r.string() }
            payload = .taskEdit(f)
        case 3: payload = .taskMove(task: try ref(), column: try ref())
        case 4: payload = .taskClaim(task: try ref())
        case 5: payload = .taskRelease(task: try ref())
        case 6: payload = .taskAssign(task: try ref(), to: try optRef())
        case 7: payload = .taskComment(task: try ref(), text: try r.string())
        case 8: payload = .taskDelete(task: try ref())
        case 9:
            let text = try r.string()
            let k = Int(try r.u8())
            guard k < StatusKind.allCases.count else { throw Malformed() }
            payload = .statusSet(text: text, kind: StatusKind.allCases[k], until: try flag() ? try date() : nil)
        case 10: payload = .statusClear
        case 11:
            let span: TimeSpan
            switch try r.u8() {
            case 1: span = .dates(try day(), try day())
            case 2: span = .instants(try date(), try date())
            default: throw Malformed()
            }
            payload = .timeoffAdd(span: span, note: try optString())
        case 12: payload = .timeoffCancel(ref: try r.string())
        case 13: payload = .oncallOverride(rotation: try ref(), member: try ref(), from: try date(), to: try date())
        case 14: payload = .oncallCancel(ref: try r.string())
        case 15: payload = .unknown(op: try ref())
        default: throw Malformed()
        }
        return JournalEvent(id: id, lc: lc, at: at, by: by, op: op, payload: payload, source: source, contentHash: hash)
    }
}
