/// "Certainly unchanged" for snapshot parts, in constant time: two values whose representations
/// are bit for bit the same share all their storage, and storage shared by copy-on-write never
/// changes while a value holds it.
///
/// Sound for values made only of trivial fields and copy-on-write storage (standard library
/// collections and strings, and structs of them such as `BoardState`, `PresenceState`,
/// `OverrideState`), as long as the caller keeps `old` alive (so its storage can neither change
/// nor be freed and reused). `false` says nothing: the values may still be equal, and the caller
/// then compares them or derives afresh.
enum StorageIdentity {
    static func same<T>(_ old: T, _ new: T) -> Bool {
        withUnsafeBytes(of: old) { a in
            withUnsafeBytes(of: new) { b in a.elementsEqual(b) }
        }
    }

    /// The same for every stored property but the one at `excluded` (which the caller compares
    /// some other way); false when `excluded` is not a stored property with a known offset.
    static func same<T, V>(_ old: T, _ new: T, except excluded: KeyPath<T, V>) -> Bool {
        guard let offset = MemoryLayout<T>.offset(of: excluded) else { return false }
        let end = offset + MemoryLayout<V>.size
        return withUnsafeBytes(of: old) { a in
            withUnsafeBytes(of: new) { b in
                a[..<offset].elementsEqual(b[..<offset]) && a[end...].elementsEqual(b[end...])
            }
        }
    }
}
