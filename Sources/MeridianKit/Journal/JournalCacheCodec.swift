#if canImport(Glibc)
import Glibc
#endif

import Foundation

/// The binary form of one journal file's decoded state (`JournalFileState`) in the journal
/// cache. A fixed prefix gives the sizes and checksums of three parts: the meta part (a header
/// naming the file's identity and how far it was read, the per-op detail lists field by field,
/// problems), then the log's arena and its fixed-size records as they lie in memory. A load reads
/// the prefix and meta part, checks the header against the journal file, then reads the arena and
/// records straight into the log's own storage (no copy through a buffer) and checks every
/// reference stays in bounds. Any change to what a log holds must bump `version`; a change of the
/// records' layout changes `layout` by itself.
enum JournalCacheCodec {
    static let magic: UInt64 = 0x314E_524A_4E44_524D // "MRDNJRN1", little-endian
    static let version: UInt64 = 7

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

    /// One entry ready to write: its prefix and meta part in `head`, then the log's arena and
    /// records as they lie in memory (valid only while the state's log is alive).
    struct Pieces {
        var head: [UInt8]
        var text: UnsafeRawBufferPointer
        var records: UnsafeRawBufferPointer

        /// The entry's size in bytes.
        var size: Int { head.count + text.count + records.count }
    }

    /// The entry of `s` as one array (tests, and callers that keep it).
    static func encode(_ s: JournalFileState, header: Header) -> [UInt8] {
        withExtendedLifetime(s.log) {
            let p = pieces(s, s.log.view, header: header)
            var out = p.head
            out.reserveCapacity(p.size)
            out.append(contentsOf: p.text)
            out.append(contentsOf: p.records)
            return out
        }
    }

    /// The entry of `s` as pieces; the caller keeps `s.log` alive while it uses them.
    static func pieces(_ s: JournalFileState, header: Header) -> Pieces { pieces(s, s.log.view, header: header) }

    private static func pieces(_ s: JournalFileState, _ log: EventLogView, header: Header) -> Pieces {
        var body = CacheByteWriter()
        body.bytes.reserveCapacity(prefixSize + 256 + log.labels.count * 8 + log.creates.count * 48 + log.edits.count * 24)
        // Room for the prefix, filled in once the meta part's size and checksum are known.
        body.bytes.append(contentsOf: repeatElement(0, count: prefixSize))
        body.string(header.relative)
        body.u64(header.device)
        body.u64(header.inode)
        body.varint(header.consumed)
        body.varint(header.lines)
        body.varint(header.checkLength)
        body.u64(header.checkHash)
        body.raw(s.tail)
        body.varint(log.labels.count)
        for l in log.labels { body.u64(l.bits) }
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
            body.dateIfPresent(st.until)
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
        let text = UnsafeRawBufferPointer(log.text.bytes), records = UnsafeRawBufferPointer(log.records)
        let metaLength = body.bytes.count - prefixSize
        let metaSum = body.bytes.withUnsafeBytes { CacheChecksum.of(UnsafeRawBufferPointer(rebasing: $0[prefixSize...])) }
        var prefix = CacheByteWriter()
        prefix.u64(magic)
        prefix.u64(layout)
        prefix.u64(UInt64(metaLength))
        prefix.u64(UInt64(text.count))
        prefix.u64(UInt64(log.records.count))
        prefix.u64(metaSum)
        prefix.u64(CacheChecksum.of(text))
        prefix.u64(CacheChecksum.of(records))
        body.bytes.replaceSubrange(0..<prefixSize, with: prefix.bytes)
        return Pieces(head: body.bytes, text: text, records: records)
    }

    // MARK: - Decoding

    typealias Malformed = CacheByteReader.Malformed

    /// The fixed start of an entry: magic, layout, the three parts' sizes and their checksums.
    static let prefixSize = 64

    /// The sizes and checksums of an entry's parts, from its prefix.
    struct Prefix {
        var metaLength, textLength, recordCount: Int
        var metaSum, textSum, recordSum: UInt64

        /// The whole entry's size.
        var entrySize: Int { prefixSize + metaLength + textLength + recordCount * MemoryLayout<EventRecord>.stride }
    }

    /// The prefix of an entry of `size` bytes, after checking its magic, layout and sizes.
    static func prefix(_ buffer: UnsafeRawBufferPointer, entrySize size: Int) throws(Malformed) -> Prefix {
        var r = CacheByteReader(buffer)
        guard try r.u64() == magic, try r.u64() == layout else { throw Malformed() }
        let meta = try r.u64(), text = try r.u64(), records = try r.u64()
        // Each part fits in the entry (checked one by one, so the sum cannot overflow).
        let limit = UInt64(size)
        guard meta <= limit, text <= limit, records <= limit / UInt64(MemoryLayout<EventRecord>.stride) else { throw Malformed() }
        let p = Prefix(metaLength: Int(meta), textLength: Int(text), recordCount: Int(records), metaSum: try r.u64(), textSum: try r.u64(),
                       recordSum: try r.u64())
        guard p.entrySize == size else { throw Malformed() }
        return p
    }

    /// The rest of an entry once its header is read: the meta part's reader, and the arena and
    /// records already in the log's storage (their checksums checked).
    struct Body {
        var reader: CacheByteReader
        var text: PodList<UInt8>
        var records: PodList<EventRecord>
    }

    /// The header of an entry held whole in memory, after checking its prefix and checksums.
    static func header(_ buffer: UnsafeRawBufferPointer) throws(Malformed) -> (Header, Body) {
        guard buffer.count >= prefixSize else { throw Malformed() }
        let p = try prefix(buffer, entrySize: buffer.count)
        let meta = UnsafeRawBufferPointer(rebasing: buffer[prefixSize..<(prefixSize + p.metaLength)])
        let textStart = prefixSize + p.metaLength
        let text = UnsafeRawBufferPointer(rebasing: buffer[textStart..<(textStart + p.textLength)])
        let records = UnsafeRawBufferPointer(rebasing: buffer[(textStart + p.textLength)...])
        guard CacheChecksum.of(meta) == p.metaSum, CacheChecksum.of(text) == p.textSum, CacheChecksum.of(records) == p.recordSum
        else { throw Malformed() }
        var r = CacheByteReader(meta)
        let h = try header(&r)
        return (h, Body(reader: r, text: PodList(text.bindMemory(to: UInt8.self)), records: PodList(copyingBytes: records, count: p.recordCount)))
    }

    /// The state in the entry of `size` bytes at offset `base` of the open file `fd`, when
    /// `accept` takes its header (nil when not). The prefix and meta part are read into `room`;
    /// the arena and records straight into the log's storage. Throws when the entry is malformed.
    static func read(fd: Int32, base: Int = 0, size: Int, room: JournalReadRoom, accept: (Header) -> Bool) throws(Malformed) -> JournalFileState? {
        guard size >= prefixSize else { throw Malformed() }
        let start = room.buffer(atLeast: prefixSize)
        guard readFully(fd, into: start.baseAddress!, count: prefixSize, at: base) else { throw Malformed() }
        let p = try prefix(UnsafeRawBufferPointer(rebasing: start[0..<prefixSize]), entrySize: size)
        let metaRoom = room.buffer(atLeast: max(1, p.metaLength))
        guard readFully(fd, into: metaRoom.baseAddress!, count: p.metaLength, at: base + prefixSize) else { throw Malformed() }
        let meta = UnsafeRawBufferPointer(rebasing: metaRoom[0..<p.metaLength])
        guard CacheChecksum.of(meta) == p.metaSum else { throw Malformed() }
        var r = CacheByteReader(meta)
        let h = try header(&r)
        guard accept(h) else { return nil }
        let textStart = base + prefixSize + p.metaLength
        guard let text = PodList<UInt8>(count: p.textLength, fill: { readFully(fd, into: $0.baseAddress!, count: $0.count, at: textStart) }),
              let records = PodList<EventRecord>(count: p.recordCount, fill: { readFully(fd, into: $0.baseAddress!, count: $0.count, at: textStart + p.textLength) }),
              CacheChecksum.of(UnsafeRawBufferPointer(text.view)) == p.textSum,
              CacheChecksum.of(UnsafeRawBufferPointer(records.view)) == p.recordSum
        else { throw Malformed() }
        return try state(h, Body(reader: r, text: text, records: records))
    }

    /// Reads exactly `count` bytes at `offset` of `fd` into `into`.
    static func readFully(_ fd: Int32, into: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let n = pread(fd, into + done, count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            if n == 0 { return false }
            done += n
        }
        return true
    }

    /// The header fields at the start of the meta part.
    private static func header(_ r: inout CacheByteReader) throws(Malformed) -> Header {
        let h = Header(relative: try r.string(), device: try r.u64(), inode: try r.u64(), consumed: try r.varint(), lines: try r.varint(),
                       checkLength: try r.varint(), checkHash: try r.u64())
        guard h.consumed >= 0, h.lines >= 0, h.checkLength >= 0, h.checkLength <= h.consumed else { throw Malformed() }
        return h
    }

    /// The state a cache entry holds (the caller has checked the header against the journal file).
    static func state(_ header: Header, _ body: Body) throws(Malformed) -> JournalFileState {
        var r = body.reader
        var s = JournalFileState()
        s.device = header.device
        s.inode = header.inode
        s.consumed = header.consumed
        s.lines = header.lines
        s.tail = try r.raw()
        var log = EventLog()
        log.text = TextArena(storage: body.text)
        let labelCount = try r.count(unit: 8)
        log.labels.reserveCapacity(labelCount)
        for _ in 0..<labelCount { log.labels.append(TextRef(bits: try r.u64())) }
        log.records = body.records
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
            log.statuses.append(StatusDetail(text: text, kind: StatusKind.allCases[k], until: try r.dateIfPresent()))
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

    mutating func dateIfPresent(_ d: Date?) {
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

    mutating func dateIfPresent() throws(Malformed) -> Date? { try flag() ? try date() : nil }

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
}
