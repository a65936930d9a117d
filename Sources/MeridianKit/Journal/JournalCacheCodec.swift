import Foundation

/// The binary form of one journal file's decoded state (`JournalFileState`) in the journal
/// cache: a header naming the file's identity and how far it was read, then its `EventLog` and
/// problems. The log's arena and its fixed-size records are written as they lie in memory, so
/// reading an entry back is a few copies plus a check that every reference stays in bounds;
/// the per-op detail lists are written field by field. Any change to what a log holds must
/// bump `version`; a change of the records' layout changes `layout` by itself.
enum JournalCacheCodec {
    static let magic: UInt64 = 0x314E_524A_4E44_524D // "MRDNJRN1", little-endian
    static let version: UInt64 = 6

    /// The version word: `version`, and the size and field offsets of `EventRecord`, so an entry
    /// written by a build that lays records out differently is never read as records.
    static let layout: UInt64 = {
        let l = MemoryLayout<EventRecord>.self
        var h = version
        for v in [l.stride, l.offset(of: \.lc) ?? 0, l.offset(of: \.at) ?? 0, l.offset(of: \.id) ?? 0, l.offset(of: \.offset) ?? 0,
                  l.offset(of: \.meta) ?? 0, l.offset(of: \.by) ?? 0, l.offset(of: \.task) ?? 0, l.offset(of: \.text) ?? 0] {
            h = h &* 31 &+ UInt64(v)
        }
        return h
    }()

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
        withExtendedLifetime(s.log) { encode(s, s.log.view, header: header) }
    }

    private static func encode(_ s: JournalFileState, _ log: EventLogView, header: Header) -> [UInt8] {
        var body = CacheByteWriter()
        body.bytes.reserveCapacity(256 + log.text.bytes.count + log.records.count * MemoryLayout<EventRecord>.stride + log.edits.count * 24)
        body.string(header.relative)
        body.u64(header.device)
        body.u64(header.inode)
        body.varint(header.consumed)
        body.varint(header.lines)
        body.varint(header.checkLength)
        body.u64(header.checkHash)
        body.raw(s.tail)
        body.raw(log.text.bytes)
        body.varint(log.labels.count)
        for l in log.labels { body.u64(l.bits) }
        body.varint(log.records.count)
        body.bytes.append(contentsOf: UnsafeRawBufferPointer(log.records))
        body.varint(log.creates.count)
        for c in log.creates {
            body.ref(c.title); body.ref(c.column); body.ref(c.notes); body.labels(c.labels)
            body.optionalDue(c.due)
            body.u8(UInt8(c.priority.rank))
        }
        body.varint(log.edits.count)
        for e in log.edits {
            body.change(e.title) { $0.ref($1) }
            body.change(e.priority) { $0.u8(UInt8($1.rank)) }
            body.change(e.labels) { $0.labels($1) }
            body.change(e.due) { $0.due($1) }
            body.change(e.notes) { $0.ref($1) }
        }
        body.varint(log.statuses.count)
        for st in log.statuses {
            body.ref(st.text)
            body.u8(UInt8(StatusKind.allCases.firstIndex(of: st.kind)!))
            body.optionalDate(st.until)
        }
        body.varint(log.timeOffs.count)
        for t in log.timeOffs {
            switch t.span {
            case .dates(let a, let b): body.u8(1); body.varint(a.daysSinceEpoch); body.varint(b.daysSinceEpoch)
            case .instants(let a, let b): body.u8(2); body.double(a.timeIntervalSince1970); body.double(b.timeIntervalSince1970)
            }
            body.ref(t.note)
        }
        body.varint(log.overrides.count)
        for o in log.overrides {
            body.ref(o.rotation); body.ref(o.member); body.double(o.from.timeIntervalSince1970); body.double(o.to.timeIntervalSince1970)
        }
        body.varint(s.problems.count)
        for p in s.problems {
            body.varint(p.line ?? -1)
            body.string(p.message)
        }
        var out = CacheByteWriter()
        out.bytes.reserveCapacity(body.bytes.count + 24)
        out.u64(magic)
        out.u64(layout)
        out.u64(body.bytes.withUnsafeBufferPointer { JournalBytes.hash($0) })
        out.bytes.append(contentsOf: body.bytes)
        return out.bytes
    }

    // MARK: - Decoding

    typealias Malformed = CacheByteReader.Malformed

    /// The header of a cache file, after checking its magic, version and checksum.
    static func header(_ buffer: UnsafeRawBufferPointer) throws(Malformed) -> (Header, CacheByteReader) {
        var r = CacheByteReader(buffer)
        guard try r.u64() == magic, try r.u64() == layout else { throw Malformed() }
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
        var log = EventLog()
        log.text = TextArena(bytes: try r.slice(try r.count()).bindMemory(to: UInt8.self))
        let labelCount = try r.count(unit: 8)
        log.labels.reserveCapacity(labelCount)
        for _ in 0..<labelCount { log.labels.append(TextRef(bits: try r.u64())) }
        log.records = try r.records()
        let createCount = try r.count()
        log.creates.reserveCapacity(createCount)
        for _ in 0..<createCount {
            log.creates.append(CreateDetail(title: try r.ref(), column: try r.ref(), notes: try r.ref(), labels: try r.labels(),
                                            due: try r.optionalDue(), priority: try r.priority()))
        }
        let editCount = try r.count()
        log.edits.reserveCapacity(editCount)
        for _ in 0..<editCount {
            var e = EditDetail()
            e.title = try r.change { (r: inout CacheByteReader) throws(Malformed) in try r.ref() }
            e.priority = try r.change { (r: inout CacheByteReader) throws(Malformed) in try r.priority() }
            e.labels = try r.change { (r: inout CacheByteReader) throws(Malformed) in try r.labels() }
            e.due = try r.change { (r: inout CacheByteReader) throws(Malformed) in try r.due() }
            e.notes = try r.change { (r: inout CacheByteReader) throws(Malformed) in try r.ref() }
            log.edits.append(e)
        }
        let statusCount = try r.count()
        for _ in 0..<statusCount {
            let text = try r.ref()
            let k = Int(try r.u8())
            guard k < StatusKind.allCases.count else { throw Malformed() }
            log.statuses.append(StatusDetail(text: text, kind: StatusKind.allCases[k], until: try r.optionalDate()))
        }
        let timeOffCount = try r.count()
        for _ in 0..<timeOffCount {
            let span: TimeSpan
            switch try r.u8() {
            case 1: span = .dates(try r.day(), try r.day())
            case 2: span = .instants(try r.date(), try r.date())
            default: throw Malformed()
            }
            log.timeOffs.append(TimeOffDetail(span: span, note: try r.ref()))
        }
        let overrideCount = try r.count()
        for _ in 0..<overrideCount {
            log.overrides.append(OverrideDetail(rotation: try r.ref(), member: try r.ref(), from: try r.date(), to: try r.date()))
        }
        let problemCount = try r.count()
        for _ in 0..<problemCount {
            let line = try r.varint()
            s.problems.append(Problem(file: header.relative, line: line < 0 ? nil : line, message: try r.string()))
        }
        guard r.isAtEnd, withExtendedLifetime(log, { log.view.referencesAreInBounds }) else { throw Malformed() }
        s.log = log
        return s
    }
}

private extension CacheByteWriter {
    mutating func ref(_ t: TextRef) { u64(t.bits) }

    mutating func labels(_ l: LabelList) {
        varint(Int(l.start))
        varint(Int(l.count))
    }

    mutating func due(_ d: DueValue) {
        ref(d.text)
        if let date = d.date { u8(1); varint(date.daysSinceEpoch) } else if let i = d.instant { u8(2); double(i.timeIntervalSince1970) } else { u8(0) }
    }

    mutating func optionalDue(_ d: DueValue?) {
        if let d { u8(1); due(d) } else { u8(0) }
    }

    mutating func optionalDate(_ d: Date?) {
        if let d { u8(1); double(d.timeIntervalSince1970) } else { u8(0) }
    }

    mutating func change<V>(_ c: FieldChange<V>, _ body: (inout CacheByteWriter, V) -> Void) {
        switch c {
        case .unchanged: u8(0)
        case .cleared: u8(1)
        case .set(let v): u8(2); body(&self, v)
        }
    }
}

private extension CacheByteReader {
    mutating func ref() throws(Malformed) -> TextRef { TextRef(bits: try u64()) }

    mutating func labels() throws(Malformed) -> LabelList {
        let start = try varint(), count = try varint()
        guard start >= 0, count >= 0, start <= Int(UInt32.max), count <= Int(UInt32.max) else { throw Malformed() }
        return LabelList(start: UInt32(start), count: UInt32(count))
    }

    mutating func flag() throws(Malformed) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func date() throws(Malformed) -> Date { Date(timeIntervalSince1970: try double()) }

    mutating func day() throws(Malformed) -> LocalDate {
        let d = try varint()
        guard abs(d) < 10_000_000 else { throw Malformed() }
        return LocalDate(daysSinceEpoch: d)
    }

    mutating func optionalDate() throws(Malformed) -> Date? { try flag() ? try date() : nil }

    mutating func priority() throws(Malformed) -> Priority {
        let i = Int(try u8())
        guard let p = Priority.allCases.first(where: { $0.rank == i }) else { throw Malformed() }
        return p
    }

    mutating func due() throws(Malformed) -> DueValue {
        let text = try ref()
        switch try u8() {
        case 1: return DueValue(text: text, date: try day(), instant: nil)
        case 2: return DueValue(text: text, date: nil, instant: try date())
        default: throw Malformed()
        }
    }

    mutating func optionalDue() throws(Malformed) -> DueValue? { try flag() ? try due() : nil }

    mutating func change<V>(_ body: (inout CacheByteReader) throws(Malformed) -> V) throws(Malformed) -> FieldChange<V> {
        switch try u8() {
        case 0: return .unchanged
        case 1: return .cleared
        case 2: return .set(try body(&self))
        default: throw Malformed()
        }
    }

    /// Records as they lay in memory, after checking every op byte names an op.
    mutating func records() throws(Malformed) -> PodList<EventRecord> {
        let stride = MemoryLayout<EventRecord>.stride
        let n = try count(unit: stride)
        let bytes = try slice(n * stride)
        let metaAt = MemoryLayout<EventRecord>.offset(of: \.meta)!
        for k in 0..<n {
            let meta = bytes.loadUnaligned(fromByteOffset: k * stride + metaAt, as: UInt64.self)
            guard EventOp(rawValue: EventRecord.opCode(ofMeta: meta)) != nil else { throw Malformed() }
        }
        return PodList(copyingBytes: bytes, count: n)
    }
}
