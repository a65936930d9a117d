import Foundation

/// One journal file's decoded events in compact form: fixed-size records, their strings in one
/// arena, and the fields of the larger ops in lists of their own. Nothing in it is reference
/// counted per event, and every list keeps its address while it lives unchanged, so the merge
/// and the fold read 200,000 events through an `EventLogView` of plain pointers.
struct EventLog: Sendable {
    var records = PodList<EventRecord>()
    var text = TextArena()
    var labels = PodList<TextRef>()
    var creates = PodList<CreateDetail>()
    var edits = PodList<EditDetail>()
    var statuses = PodList<StatusDetail>()
    var timeOffs = PodList<TimeOffDetail>()
    var overrides = PodList<OverrideDetail>()
    /// The `by` of the last line decoded: lines of one writer share one copy of it.
    var recentBy = TextRef.none

    init() {}

    var count: Int { records.count }
    var isEmpty: Bool { records.isEmpty }

    /// The log for reading. Valid while the log lives unchanged: keep the log alive
    /// (`withExtendedLifetime`) for as long as the view is used.
    var view: EventLogView {
        EventLogView(records: records.view, text: text.view, labels: labels.view, creates: creates.view, edits: edits.view,
                     statuses: statuses.view, timeOffs: timeOffs.view, overrides: overrides.view)
    }

    /// Event `i` as a `JournalEvent`, naming `file` as its source (`contentHash` as given).
    func event(_ i: Int, file: String, contentHash: UInt64 = 0) -> JournalEvent {
        withExtendedLifetime(self) { view.event(i, file: file, contentHash: contentHash) }
    }

    /// Every event as a `JournalEvent`; `lineHash` gives each its `contentHash`.
    func events(file: String, lineHash: (EventRecord) -> UInt64 = { _ in 0 }) -> [JournalEvent] {
        withExtendedLifetime(self) { records.view.indices.map { view.event($0, file: file, contentHash: lineHash(records[$0])) } }
    }

    // MARK: - Writing

    /// Room for the events of about `bytes` more bytes of journal (an estimate: lines of 100
    /// bytes or more, strings a fifth of them), so reading a file does not grow its lists step
    /// by step; `shrinkToFit` gives back what the estimate overshot.
    mutating func reserve(forJournalBytes bytes: Int) {
        records.reserveCapacity(records.count + bytes / 100 + 1)
        text.reserveCapacity(text.count + bytes / 5 + 16)
    }

    /// Gives back room the lists do not use.
    mutating func shrinkToFit() {
        records.shrinkToFit()
        text.shrinkToFit()
        labels.shrinkToFit()
        creates.shrinkToFit()
        edits.shrinkToFit()
        statuses.shrinkToFit()
        timeOffs.shrinkToFit()
        overrides.shrinkToFit()
    }

    /// How far the log reached, to undo a line that turned out bad halfway through.
    struct Mark {
        var records, text, labels, creates, edits, statuses, timeOffs, overrides: Int
    }

    func mark() -> Mark {
        Mark(records: records.count, text: text.count, labels: labels.count, creates: creates.count, edits: edits.count,
             statuses: statuses.count, timeOffs: timeOffs.count, overrides: overrides.count)
    }

    mutating func rollback(to m: Mark) {
        records.removeSuffix(from: m.records)
        text.truncate(to: m.text)
        if !recentBy.isNone && recentBy.offset + recentBy.count > m.text { recentBy = .none }
        labels.removeSuffix(from: m.labels)
        creates.removeSuffix(from: m.creates)
        edits.removeSuffix(from: m.edits)
        statuses.removeSuffix(from: m.statuses)
        timeOffs.removeSuffix(from: m.timeOffs)
        overrides.removeSuffix(from: m.overrides)
    }

    /// The stored form of an id: packed, or its bytes in the arena (with their hash).
    mutating func storeID(_ u: UnsafeBufferPointer<UInt8>) -> (EventID, UInt8) {
        if let p = EventID.packed(u) { return (p, 0) }
        let ref = text.append(u)
        return (EventID(hi: JournalBytes.hash(u), lo: ref.bits), EventRecord.textIDFlag)
    }

    mutating func storeLabels(_ l: [String]) -> LabelList {
        let start = UInt32(labels.count)
        for s in l { labels.append(text.append(s)) }
        return LabelList(start: start, count: UInt32(l.count))
    }

    mutating func storeDue(_ d: DueDate) -> DueValue {
        DueValue(text: text.append(d.text), date: d.date, instant: d.instant)
    }

    mutating func storeOptional(_ s: String?) -> TextRef {
        s.map { text.append($0) } ?? .none
    }

    /// Appends a `JournalEvent` (its `source.file` is not kept: a log is one file's).
    mutating func append(_ e: JournalEvent) {
        var idText = e.id
        let (id, flags) = idText.withUTF8 { storeID($0) }
        var r = EventRecord(lc: e.lc, at: e.at, id: id, offset: e.source.offset, by: text.append(e.by), task: .none, text: .none,
                            op: .unknown, flags: flags)
        r.setPlace(line: e.source.line, length: e.source.length)
        if let t = e.payload.taskID {
            r.task = text.append(t)
            r.flags |= text.withBytes(r.task, EventRecord.halfFlag)
        }
        switch e.payload {
        case .taskCreate(let f):
            r.op = .taskCreate
            r.detail = UInt32(creates.count)
            let c = CreateDetail(title: text.append(f.title), column: storeOptional(f.column), notes: storeOptional(f.notes),
                                 labels: storeLabels(f.labels), due: f.due.map { storeDue($0) }, priority: f.priority)
            creates.append(c)
        case .taskEdit(let f):
            r.op = .taskEdit
            r.detail = UInt32(edits.count)
            var d = EditDetail()
            d.title = f.title.map { text.append($0) }
            d.priority = f.priority
            d.labels = f.labels.map { storeLabels($0) }
            d.due = f.due.map { storeDue($0) }
            d.notes = f.notes.map { text.append($0) }
            edits.append(d)
        case .taskMove(_, let column): r.op = .taskMove; r.text = text.append(column)
        case .taskClaim: r.op = .taskClaim
        case .taskRelease: r.op = .taskRelease
        case .taskAssign(_, let to): r.op = .taskAssign; r.text = storeOptional(to)
        case .taskComment(_, let t): r.op = .taskComment; r.text = text.append(t)
        case .taskDelete: r.op = .taskDelete
        case .statusSet(let t, let kind, let until):
            r.op = .statusSet
            r.detail = UInt32(statuses.count)
            let d = StatusDetail(text: text.append(t), kind: kind, until: until)
            statuses.append(d)
        case .statusClear: r.op = .statusClear
        case .timeoffAdd(let span, let note):
            r.op = .timeoffAdd
            r.detail = UInt32(timeOffs.count)
            let d = TimeOffDetail(span: span, note: storeOptional(note))
            timeOffs.append(d)
        case .timeoffCancel(let ref): r.op = .timeoffCancel; r.task = text.append(ref)
        case .oncallOverride(let rotation, let member, let from, let to):
            r.op = .oncallOverride
            r.detail = UInt32(overrides.count)
            let d = OverrideDetail(rotation: text.append(rotation), member: text.append(member), from: from, to: to)
            overrides.append(d)
        case .oncallCancel(let ref): r.op = .oncallCancel; r.task = text.append(ref)
        case .unknown(let op): r.op = .unknown; r.task = text.append(op)
        }
        records.append(r)
    }
}

/// An `EventLog` read in place through plain pointers (no reference counting): what the merge
/// and the fold pass around. Valid only while its log lives unchanged; read-only, so threads
/// may share it.
struct EventLogView: @unchecked Sendable {
    let records: UnsafeBufferPointer<EventRecord>
    let text: TextView
    let labels: UnsafeBufferPointer<TextRef>
    let creates: UnsafeBufferPointer<CreateDetail>
    let edits: UnsafeBufferPointer<EditDetail>
    let statuses: UnsafeBufferPointer<StatusDetail>
    let timeOffs: UnsafeBufferPointer<TimeOffDetail>
    let overrides: UnsafeBufferPointer<OverrideDetail>

    @inline(__always) func string(_ ref: TextRef) -> String { text.string(ref) }
    @inline(__always) func optionalString(_ ref: TextRef) -> String? { text.optionalString(ref) }

    /// The bytes of an event's id (32 hex digits for a packed one).
    func withIDBytes<R>(_ r: EventRecord, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if r.hasTextID { return body(text[TextRef(bits: r.id.lo)]) }
        return r.id.withHexDigits(body)
    }

    func idString(_ r: EventRecord) -> String {
        if r.hasTextID { return string(TextRef(bits: r.id.lo)) }
        return r.id.hexString
    }

    /// A 64-bit fingerprint of an event's id: equal ids, equal fingerprints.
    @inline(__always)
    func idFingerprint(_ r: EventRecord) -> UInt64 {
        r.hasTextID ? r.id.hi : r.id.packedFingerprint
    }

    /// Whether two events (of this log and `other`) have the same id.
    @inline(__always)
    func sameID(_ a: EventRecord, _ other: EventLogView, _ b: EventRecord) -> Bool {
        guard a.id.hi == b.id.hi, a.flags & EventRecord.textIDFlag == b.flags & EventRecord.textIDFlag else { return false }
        if !a.hasTextID { return a.id.lo == b.id.lo }
        return text.same(TextRef(bits: a.id.lo), other.text, TextRef(bits: b.id.lo))
    }

    /// Byte-wise order of two events' ids: -1, 0 or 1.
    func compareIDs(_ a: EventRecord, _ other: EventLogView, _ b: EventRecord) -> Int {
        if !a.hasTextID && !b.hasTextID {
            if a.id.hi != b.id.hi { return a.id.hi < b.id.hi ? -1 : 1 }
            if a.id.lo != b.id.lo { return a.id.lo < b.id.lo ? -1 : 1 }
            return 0
        }
        return withIDBytes(a) { x in other.withIDBytes(b) { y in TextView.compare(x, y) } }
    }

    func labelStrings(_ l: LabelList) -> [String] {
        var strings = StringInterner()
        return labelStrings(l, &strings)
    }

    func labelStrings(_ l: LabelList, _ strings: inout StringInterner) -> [String] {
        var out: [String] = []
        out.reserveCapacity(Int(l.count))
        for k in Int(l.start)..<Int(l.start + l.count) { out.append(strings.string(text[labels[k]])) }
        return out
    }

    func dueDate(_ d: DueValue) -> DueDate {
        DueDate(text: text.string(d.text), date: d.date, instant: d.instant)
    }

    /// The payload of an event as `EventPayload`.
    func payload(_ r: EventRecord) -> EventPayload {
        let d = Int(r.detail)
        switch r.op {
        case .taskCreate:
            let c = creates[d]
            return .taskCreate(TaskCreateFields(task: string(r.task), title: string(c.title), column: optionalString(c.column),
                                                priority: c.priority, labels: labelStrings(c.labels), due: c.due.map(dueDate),
                                                notes: optionalString(c.notes)))
        case .taskEdit:
            let e = edits[d]
            var f = TaskEditFields(task: string(r.task))
            f.title = e.title.map(string)
            f.priority = e.priority
            f.labels = e.labels.map(labelStrings)
            f.due = e.due.map(dueDate)
            f.notes = e.notes.map(string)
            return .taskEdit(f)
        case .taskMove: return .taskMove(task: string(r.task), column: string(r.text))
        case .taskClaim: return .taskClaim(task: string(r.task))
        case .taskRelease: return .taskRelease(task: string(r.task))
        case .taskAssign: return .taskAssign(task: string(r.task), to: optionalString(r.text))
        case .taskComment: return .taskComment(task: string(r.task), text: string(r.text))
        case .taskDelete: return .taskDelete(task: string(r.task))
        case .statusSet:
            let s = statuses[d]
            return .statusSet(text: string(s.text), kind: s.kind, until: s.until)
        case .statusClear: return .statusClear
        case .timeoffAdd:
            let t = timeOffs[d]
            return .timeoffAdd(span: t.span, note: optionalString(t.note))
        case .timeoffCancel: return .timeoffCancel(ref: string(r.task))
        case .oncallOverride:
            let o = overrides[d]
            return .oncallOverride(rotation: string(o.rotation), member: string(o.member), from: o.from, to: o.to)
        case .oncallCancel: return .oncallCancel(ref: string(r.task))
        case .unknown: return .unknown(op: string(r.task))
        }
    }

    /// The op's text.
    func opName(_ r: EventRecord) -> String { r.op.name ?? string(r.task) }

    /// Where an event's line is.
    func source(_ r: EventRecord, file: String) -> EventSource {
        EventSource(file: file, line: r.line, offset: r.offset, length: r.length)
    }

    /// Event `i` as a `JournalEvent`, naming `file` as its source. A log does not keep its
    /// lines, so `contentHash` is the caller's to give (`JournalStore` reads the line for it).
    func event(_ i: Int, file: String, contentHash: UInt64 = 0) -> JournalEvent {
        let r = records[i]
        return JournalEvent(id: idString(r), lc: r.lc, at: r.at, by: string(r.by), op: opName(r), payload: payload(r),
                            source: source(r, file: file), contentHash: contentHash)
    }
}

extension FieldChange {
    /// The change with its value transformed.
    func map<T: Hashable & Sendable>(_ transform: (Value) -> T) -> FieldChange<T> {
        switch self {
        case .unchanged: return .unchanged
        case .cleared: return .cleared
        case .set(let v): return .set(transform(v))
        }
    }
}
