/// Whether every reference inside a log points inside it: arena strings, label lists and detail
/// indices. A log read from the cache is used only when this holds, so a damaged entry can never
/// make a read go out of bounds.
extension EventLogView {
    var referencesAreInBounds: Bool {
        let size = text.bytes.count
        func inside(_ r: TextRef) -> Bool { r.offset + r.count <= size }
        func optional(_ r: TextRef) -> Bool { r.isNone || inside(r) }
        func list(_ l: LabelList) -> Bool { Int(l.start) + Int(l.count) <= labels.count }
        func due(_ d: DueValue) -> Bool { inside(d.text) }
        func change<V>(_ c: FieldChange<V>, _ ok: (V) -> Bool) -> Bool {
            if case .set(let v) = c { return ok(v) }
            return true
        }
        guard labels.allSatisfy(inside) else { return false }
        for r in records {
            // Every op byte must name an op (one pass over the records checks both).
            guard EventRecord.opCode(ofMeta: r.meta) != 0, inside(r.by), !r.hasTextID || inside(TextRef(bits: r.id.lo)) else { return false }
            let d = Int(r.detail)
            switch r.op {
            case .taskCreate: guard inside(r.task), d < creates.count else { return false }
            case .taskEdit: guard inside(r.task), d < edits.count else { return false }
            case .taskMove, .taskComment: guard inside(r.task), inside(r.text) else { return false }
            case .taskAssign: guard inside(r.task), optional(r.text) else { return false }
            case .taskClaim, .taskRelease, .taskDelete, .timeoffCancel, .oncallCancel, .unknown: guard inside(r.task) else { return false }
            case .statusSet: guard d < statuses.count else { return false }
            case .timeoffAdd: guard d < timeOffs.count else { return false }
            case .oncallOverride: guard d < overrides.count else { return false }
            case .statusClear: break
            }
        }
        for c in creates {
            guard inside(c.title), optional(c.column), optional(c.notes), list(c.labels), c.due.map(due) ?? true else { return false }
        }
        for e in edits {
            guard change(e.title, inside), change(e.labels, list), change(e.due, due), change(e.notes, inside) else { return false }
        }
        return statuses.allSatisfy { inside($0.text) } && timeOffs.allSatisfy { optional($0.note) }
            && overrides.allSatisfy { inside($0.rotation) && inside($0.member) }
    }
}
