/// Short, readable task ids that are unique without coordination: lowercase Crockford base32
/// (`0-9 a-z` without `i l o u`), re-drawn on collision with every id already read.
public enum TaskIDGenerator {
    /// The 32 symbols of Crockford's base32, lowercase.
    public static let alphabet: [Character] = Array("0123456789abcdefghjkmnpqrstvwxyz")
    /// Five symbols: 33 million ids, so two people creating tasks offline almost never meet.
    public static let length = 5

    /// A fresh id not equal (ignoring case) to any of `known`. When the short space is crowded
    /// the id grows by one symbol, so this always ends.
    public static func next<R: RandomNumberGenerator>(avoiding known: Set<String>, using rng: inout R) -> String {
        let folded = Set(known.map { $0.lowercased() })
        var size = length
        while true {
            for _ in 0..<32 {
                let id = String((0..<size).map { _ in alphabet[Int(rng.next(upperBound: UInt32(alphabet.count)))] })
                if !folded.contains(id) { return id }
            }
            size += 1
        }
    }

    /// A fresh id drawn from the system's random source.
    public static func next(avoiding known: Set<String>) -> String {
        var g = SystemRandomNumberGenerator()
        return next(avoiding: known, using: &g)
    }
}
