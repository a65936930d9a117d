import MeridianKit

/// `/` filtering: every word must appear (case-insensitively) in the task's id, title, labels,
/// priority, holder (id or name) or notes.
///
/// A word and a field that are both plain ASCII are compared byte by byte without lowercasing
/// copies (the answer `lowercased().contains` gives for such text); anything else goes through
/// `lowercased().contains`.
public struct TaskFilter: Sendable {
    let words: [String]
    /// Each word's bytes when it is ASCII without control characters, else nil.
    let asciiWords: [[UInt8]?]
    /// Member names, lowercased, by id.
    let names: [String: String]

    public init(_ text: String, snapshot: TeamSnapshot) {
        self.init(text, members: snapshot.members)
    }

    init(_ text: String, members: [MemberProfile]) {
        words = text.lowercased().split(whereSeparator: { $0 == " " }).map(String.init)
        asciiWords = words.map { word in word.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? Array(word.utf8) : nil }
        names = words.isEmpty ? [:] : Dictionary(members.map { ($0.id, $0.name.lowercased()) }, uniquingKeysWith: { a, _ in a })
    }

    public var isEmpty: Bool { words.isEmpty }

    public func matches(_ task: BoardTask) -> Bool {
        guard !words.isEmpty else { return true }
        for w in words.indices {
            var found = contains(task.id, w) || contains(task.title, w) || containsLowered(task.priority.rawValue, w)
            if !found { found = task.labels.contains { contains($0, w) } }
            if !found, let holder = task.holder {
                found = contains(holder, w) || names[holder].map { containsLowered($0, w) } ?? false
            }
            if !found, let notes = task.notes { found = contains(notes, w) }
            if !found { return false }
        }
        return true
    }

    /// Whether every task this filter matches is matched by `broader` too (each of its words lies
    /// inside one of ours): then this filter only needs to look at what `broader` showed. Only
    /// claimed for ASCII words, where "inside" means the same for words and fields.
    func narrows(_ broader: TaskFilter) -> Bool {
        guard !asciiWords.contains(where: { $0 == nil }), !broader.asciiWords.contains(where: { $0 == nil }) else { return false }
        return broader.asciiWords.allSatisfy { w in asciiWords.contains { Self.find(w!, in: $0![...]) } }
    }

    /// Word `w` in a field as written (lowercased first).
    private func contains(_ field: String, _ w: Int) -> Bool {
        if let word = asciiWords[w], let found = Self.asciiContains(field, word) { return found }
        return field.lowercased().contains(words[w])
    }

    /// Word `w` in a field that is lowercased already.
    private func containsLowered(_ field: String, _ w: Int) -> Bool {
        if let word = asciiWords[w], let found = Self.asciiContains(field, word) { return found }
        return field.contains(words[w])
    }

    /// The ASCII answer, or nil when the field is not ASCII without control characters.
    static func asciiContains(_ field: String, _ word: [UInt8]) -> Bool? {
        field.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for b in bytes where b < 0x20 || b >= 0x7F { return nil }
            return find(word, in: bytes[...])
        } ?? nil
    }

    /// Whether `word` (lowercase ASCII) occurs in `bytes` (ASCII), ignoring the case of `bytes`.
    static func find<C: RandomAccessCollection>(_ word: [UInt8], in bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
        let m = word.count
        guard m <= bytes.count else { return false }
        guard m > 0 else { return true }
        let first = word[0]
        var start = bytes.startIndex
        let last = bytes.endIndex - m
        outer: while start <= last {
            if lower(bytes[start]) == first {
                for k in 1..<m where lower(bytes[start + k]) != word[k] {
                    start += 1
                    continue outer
                }
                return true
            }
            start += 1
        }
        return false
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
}
