extension DisplayWidth {
    /// The sanitized text cut to at most `width` columns, ending in `ellipsis` when something was cut.
    /// Wide graphemes are never split; the result may be one column short of `width` because of that.
    ///
    /// ```swift
    /// DisplayWidth.truncate("Timeline", toWidth: 5)              // "Time…"
    /// DisplayWidth.truncate("日本語", toWidth: 4)                 // "日…"
    /// DisplayWidth.truncate("Timeline", toWidth: 5, ellipsis: "~") // "Time~"
    /// ```
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        // Printable ASCII is already clean, and its widths are byte counts.
        let clean = isPrintableASCII(text) ? text : TextSanitizer.clean(text)
        if of(clean) <= width { return clean }
        let mark = TextSanitizer.clean(ellipsis)
        let markWidth = of(mark)
        guard markWidth <= width else { return take(clean, width) }
        return take(clean, width - markWidth) + mark
    }

    /// The sanitized text padded with spaces (or truncated) to exactly `width` columns.
    public static func pad(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        let cut = truncate(text, toWidth: width, ellipsis: ellipsis)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// The longest prefix of `text` that fits in `width` columns.
    private static func take(_ text: String, _ width: Int) -> String {
        if isPrintableASCII(text) { return String(decoding: text.utf8.prefix(width), as: UTF8.self) }
        var used = 0
        var result = ""
        for character in text {
            let w = of(character)
            if used + w > width { break }
            used += w
            result.append(character)
        }
        return result
    }
}
