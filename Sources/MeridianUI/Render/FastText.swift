import MeridianTerminal

/// `DisplayWidth`'s answers (width, truncate, pad) with a shortcut for printable ASCII — most of
/// what the panes draw — where every character is one column and sanitizing changes nothing, so
/// widths are byte counts and cuts are byte prefixes. Other text goes to `DisplayWidth` itself.
enum FastText {
    /// True when every byte is printable ASCII (U+0020…U+007E).
    static func isPrintableASCII(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes where b < 0x20 || b >= 0x7F { return false }
            return true
        } ?? false
    }

    /// `DisplayWidth.of(s)`.
    static func width(_ s: String) -> Int {
        isPrintableASCII(s) ? s.utf8.count : DisplayWidth.of(s)
    }

    /// `DisplayWidth.of(s) <= width`, answered from the byte count when that settles it: no
    /// grapheme is wider than its UTF-8 bytes (a two-column one has at least three), so text of at
    /// most `width` bytes fits.
    static func fits(_ s: String, _ width: Int) -> Bool {
        s.utf8.count <= width || Self.width(s) <= width
    }

    /// `DisplayWidth.truncate(s, toWidth: width, ellipsis: ellipsis)`.
    static func truncate(_ s: String, toWidth width: Int, ellipsis: String) -> String {
        guard width > 0, isPrintableASCII(s) else { return DisplayWidth.truncate(s, toWidth: width, ellipsis: ellipsis) }
        if s.utf8.count <= width { return s }
        let mark = TextSanitizer.clean(ellipsis)
        let markWidth = DisplayWidth.of(mark)
        guard markWidth <= width else { return prefix(s, width) }
        return prefix(s, width - markWidth) + mark
    }

    /// `DisplayWidth.pad(s, toWidth: width, ellipsis: ellipsis)`.
    static func pad(_ s: String, toWidth width: Int, ellipsis: String) -> String {
        guard isPrintableASCII(s) else { return DisplayWidth.pad(s, toWidth: width, ellipsis: ellipsis) }
        let cut = truncate(s, toWidth: width, ellipsis: ellipsis)
        return cut + String(repeating: " ", count: max(0, width - Self.width(cut)))
    }

    /// The first `n` characters of printable ASCII text.
    private static func prefix(_ s: String, _ n: Int) -> String {
        String(decoding: s.utf8.prefix(n), as: UTF8.self)
    }
}
