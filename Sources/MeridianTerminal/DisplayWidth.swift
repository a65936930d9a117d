/// Terminal columns taken by a character or a string, computed in Swift so that the answer does not
/// depend on the process locale (under the C locale `wcwidth` returns -1 for 日 and é).
///
/// The unit is the grapheme cluster (a Swift `Character`):
/// - 0 for clusters made only of combining marks, joiners, variation selectors and format characters;
/// - 2 for East Asian Wide and Fullwidth characters (CJK, Hangul, fullwidth forms) and for emoji shown
///   as emoji: emoji presentation characters, anything followed by U+FE0F, skin-tone and ZWJ
///   sequences, and regional-indicator flags (one cluster, 2 columns);
/// - 1 otherwise.
///
/// ```swift
/// DisplayWidth.of("日本語")   // 6
/// DisplayWidth.of("👨‍👩‍👧")    // 2
/// ```
public enum DisplayWidth {
    /// Columns of one grapheme cluster (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        if iterator.next() == nil {
            // One scalar, the common case: printable ASCII, Latin-1 to Latin Extended-B and IPA
            // (below the combining marks at U+0300), box drawing and block elements are one column.
            let v = first.value
            if (0x20..<0x7F).contains(v) || (0xA0...0x2FF).contains(v) || (0x2500...0x259F).contains(v) { return 1 }
        }

        var base: Unicode.Scalar?
        var emojiSequence = false
        var sawTextSelector = false
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0F: emojiSequence = true
            case 0xFE0E: sawTextSelector = true
            case 0x200D: if base?.properties.isEmoji == true { emojiSequence = true }
            case 0x1F3FB...0x1F3FF: if base != nil { emojiSequence = true }
            case 0x1F1E6...0x1F1FF: emojiSequence = true
            default: break
            }
            if base == nil && width(of: scalar) > 0 { base = scalar }
        }
        guard let base else { return 0 }
        if emojiSequence && !sawTextSelector && base.properties.isEmoji { return 2 }
        return width(of: base)
    }

    /// Columns of a string: the sum over its grapheme clusters (for printable ASCII, most of what
    /// is drawn, that is its byte count).
    public static func of(_ string: some StringProtocol) -> Int {
        if isPrintableASCII(string) { return string.utf8.count }
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    /// Whether `of(text) <= width`, answered from the byte count when that settles it: no
    /// grapheme is wider than its UTF-8 bytes (a two-column one has at least three).
    public static func fits(_ text: some StringProtocol, _ width: Int) -> Bool {
        text.utf8.count <= width || of(text) <= width
    }

    /// True when every byte is printable ASCII (U+0020…U+007E): one column a character, and
    /// `TextSanitizer` leaves it as it is.
    static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes where b < 0x20 || b >= 0x7F { return false }
            return true
        } ?? false
    }

    /// Columns of a single scalar, as it would show at the start of a cluster.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }
        if isZeroWidth(scalar) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x00AD { return false }  // soft hyphen: a Cf that terminals show
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }  // Hangul vowels/finals
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .surrogate: return true
        default: return false
        }
    }

    /// East Asian Width W or F (Unicode 15), outside the emoji handled by `isEmojiPresentation`.
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound { high = mid - 1 } else if v > range.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFF, 0x3000...0x303E,
        0x3041...0x3096, 0x3099...0x30FF, 0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E3,
        0x31EF...0x321E, 0x3220...0x3247, 0x3250...0x4DBF, 0x4E00...0xA48C, 0xA490...0xA4C6,
        0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE52,
        0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08,
        0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132,
        0x1B150...0x1B152, 0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
        0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
        0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
        0x1FA70...0x1FA7C, 0x1FA80...0x1FA88, 0x1FA90...0x1FABD, 0x1FABF...0x1FAC5, 0x1FACE...0x1FADB,
        0x1FAE0...0x1FAE8, 0x1FAF0...0x1FAF8, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
