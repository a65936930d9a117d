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
    /// For each word, the members whose name (lowercased) holds it: a holder's name is searched
    /// once per member, not once per task.
    let namedBy: [Set<String>]

    public init(_ text: String, snapshot: TeamSnapshot) {
        self.init(text, members: snapshot.members)
    }

    init(_ text: String, members: [MemberProfile]) {
        words = text.lowercased().split(whereSeparator: { $0 == " " }).map(String.init)
        asciiWords = words.map { word in word.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? Array(word.utf8) : nil }
        let names = words.isEmpty ? [:] : Dictionary(members.map { ($0.id, $0.name.lowercased()) }, uniquingKeysWith: { a, _ in a })
        namedBy = zip(words, asciiWords).map { word, ascii in
            Set(names.filter { Self.contains($0.value, word, ascii, lowered: true) }.keys)
        }
    }

    public var isEmpty: Bool { words.isEmpty }

    public func matches(_ task: BoardTask) -> Bool {
        matches(id: task.id, title: task.title, priority: task.priority, labels: task.labels, holder: task.holder, notes: task.notes)
    }

    /// `matches` for a task's searched fields (the board reads them without copying the whole task).
    @inline(__always)
    func matches(id: String, title: String, priority: Priority, labels: [String], holder: String?, notes: String?) -> Bool {
        guard !words.isEmpty else { return true }
        for w in words.indices {
            var found = contains(id, w) || contains(title, w) || containsLowered(priority.rawValue, w)
            if !found { found = labels.contains { contains($0, w) } }
            if !found, let holder {
                found = contains(holder, w) || namedBy[w].contains(holder)
            }
            if !found, let notes { found = contains(notes, w) }
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
    private func contains(_ field: String, _ w: Int) -> Bool { Self.contains(field, words[w], asciiWords[w], lowered: false) }

    /// Word `w` in a field that is lowercased already.
    private func containsLowered(_ field: String, _ w: Int) -> Bool { Self.contains(field, words[w], asciiWords[w], lowered: true) }

    /// `word` in `field` (lowercased first unless `lowered`), through the ASCII shortcut when it applies.
    static func contains(_ field: String, _ word: String, _ ascii: [UInt8]?, lowered: Bool) -> Bool {
        if let ascii, let found = asciiContains(field, ascii) { return found }
        return (lowered ? field : field.lowercased()).contains(word)
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
