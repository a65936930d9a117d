/// The members of a journal line that some op reads (SPEC §1); any other member is ignored.
enum FieldKey: UInt8, CaseIterable {
    case id, lc, at, by, op
    case task, title, column, priority, labels, due, notes, to, text, kind, until, from, note, ref, rotation, member

    /// The key these bytes spell, if it is one of them.
    init?(_ key: UnsafeBufferPointer<UInt8>) {
        guard key.count >= 2 && key.count <= 8 else { return nil }
        let eq = JournalBytes.equals
        let found: FieldKey?
        switch key[0] {
        case UInt8(ascii: "i"): found = eq(key, "id") ? .id : nil
        case UInt8(ascii: "l"): found = eq(key, "lc") ? .lc : eq(key, "labels") ? .labels : nil
        case UInt8(ascii: "a"): found = eq(key, "at") ? .at : nil
        case UInt8(ascii: "b"): found = eq(key, "by") ? .by : nil
        case UInt8(ascii: "o"): found = eq(key, "op") ? .op : nil
        case UInt8(ascii: "t"):
            found = eq(key, "task") ? .task : eq(key, "title") ? .title : eq(key, "to") ? .to : eq(key, "text") ? .text : nil
        case UInt8(ascii: "c"): found = eq(key, "column") ? .column : nil
        case UInt8(ascii: "p"): found = eq(key, "priority") ? .priority : nil
        case UInt8(ascii: "d"): found = eq(key, "due") ? .due : nil
        case UInt8(ascii: "n"): found = eq(key, "notes") ? .notes : eq(key, "note") ? .note : nil
        case UInt8(ascii: "k"): found = eq(key, "kind") ? .kind : nil
        case UInt8(ascii: "u"): found = eq(key, "until") ? .until : nil
        case UInt8(ascii: "f"): found = eq(key, "from") ? .from : nil
        case UInt8(ascii: "r"): found = eq(key, "ref") ? .ref : eq(key, "rotation") ? .rotation : nil
        case UInt8(ascii: "m"): found = eq(key, "member") ? .member : nil
        default: found = nil
        }
        guard let found else { return nil }
        self = found
    }

    /// The key's spelling.
    var name: String { String(describing: self) }

    /// `"key":` at `i` (the opening quote) with no space before the colon: the key and the
    /// bytes it takes. Read as one or two words compared whole, for the keys writers use.
    @inline(__always)
    static func match(_ base: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (FieldKey, Int)? {
        guard i + 8 <= n else { return nil }
        let raw = UnsafeRawPointer(base + i)
        let w = raw.loadUnaligned(as: UInt64.self)
        let five: UInt64 = 0xFF_FFFF_FFFF, six: UInt64 = 0xFFFF_FFFF_FFFF, seven: UInt64 = 0xFF_FFFF_FFFF_FFFF
        @inline(__always) func then(_ tail: StaticString, _ at: Int) -> Bool {
            let m = tail.utf8CodeUnitCount
            guard i + at + m <= n else { return false }
            for k in 0..<m where base[i + at + k] != tail.utf8Start[k] { return false }
            return true
        }
        // Each constant is the key's `"key":` (or its first eight bytes) read little-endian.
        switch base[i + 1] {
        case UInt8(ascii: "i"): if w & five == 0x3A_2264_6922 { return (.id, 5) }
        case UInt8(ascii: "l"):
            if w & five == 0x3A_2263_6C22 { return (.lc, 5) }
            if w == 0x2273_6C65_6261_6C22, then(":", 8) { return (.labels, 9) }
        case UInt8(ascii: "a"): if w & five == 0x3A_2274_6122 { return (.at, 5) }
        case UInt8(ascii: "b"): if w & five == 0x3A_2279_6222 { return (.by, 5) }
        case UInt8(ascii: "o"): if w & five == 0x3A_2270_6F22 { return (.op, 5) }
        case UInt8(ascii: "t"):
            if w & seven == 0x3A_226B_7361_7422 { return (.task, 7) }
            if w & seven == 0x3A_2274_7865_7422 { return (.text, 7) }
            if w & five == 0x3A_226F_7422 { return (.to, 5) }
            if w == 0x3A22_656C_7469_7422 { return (.title, 8) }
        case UInt8(ascii: "c"): if w == 0x226E_6D75_6C6F_6322, then(":", 8) { return (.column, 9) }
        case UInt8(ascii: "p"): if w == 0x7469_726F_6972_7022, then("y\":", 8) { return (.priority, 11) }
        case UInt8(ascii: "d"): if w & six == 0x3A22_6575_6422 { return (.due, 6) }
        case UInt8(ascii: "n"):
            if w == 0x3A22_7365_746F_6E22 { return (.notes, 8) }
            if w & seven == 0x3A_2265_746F_6E22 { return (.note, 7) }
        case UInt8(ascii: "k"): if w & seven == 0x3A_2264_6E69_6B22 { return (.kind, 7) }
        case UInt8(ascii: "u"): if w == 0x3A22_6C69_746E_7522 { return (.until, 8) }
        case UInt8(ascii: "f"): if w & seven == 0x3A_226D_6F72_6622 { return (.from, 7) }
        case UInt8(ascii: "r"):
            if w & six == 0x3A22_6665_7222 { return (.ref, 6) }
            if w == 0x6F69_7461_746F_7222, then("n\":", 8) { return (.rotation, 11) }
        case UInt8(ascii: "m"): if w == 0x2272_6562_6D65_6D22, then(":", 8) { return (.member, 9) }
        default: break
        }
        return nil
    }
}
