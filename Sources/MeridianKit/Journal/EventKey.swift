/// An event id kept for display: 32 lowercase hex digits packed in 16 bytes (no `String` until
/// someone asks), any other id as its text. One spelling, one form, so equal ids compare equal.
struct EventKey: Hashable, Sendable {
    private enum Form: Hashable, Sendable {
        case packed(EventID)
        case text(String)
    }

    private let form: Form

    init(_ id: EventID) { form = .packed(id) }

    init(_ text: String) {
        var bytes = text
        if let p = bytes.withUTF8({ EventID.packed($0) }) { form = .packed(p) } else { form = .text(text) }
    }

    /// The id as events carry it.
    var string: String {
        switch form {
        case .packed(let id): return id.hexString
        case .text(let s): return s
        }
    }
}

extension EventLogView {
    /// An event's id as an `EventKey` (no `String` made for a packed id).
    @inline(__always)
    func idKey(_ r: EventRecord) -> EventKey {
        r.hasTextID ? EventKey(string(TextRef(bits: r.id.lo))) : EventKey(r.id)
    }
}
