import CNCursesW
import MeridianTerminal

/// Allocates curses colour pairs on demand for (foreground, background) and remembers them.
///
/// Colours arrive already mapped to the session's profile. Pair 0 is the terminal default. When the
/// terminal has no pairs left, a style gets the existing pair that shares its background (so that
/// selection bars stay visible), else its foreground, else pair 0.
struct ColorPairs {
    private var pairs: [Key: Int32] = [:]
    private var next: Int32 = 1
    private let limit: Int32
    private let directColor: Bool

    struct Key: Hashable {
        var fg: TermColor
        var bg: TermColor
    }

    init(pairLimit: Int32, directColor: Bool) {
        self.limit = pairLimit
        self.directColor = directColor
    }

    /// The pair for a colour combination, allocating it the first time.
    mutating func pair(fg: TermColor, bg: TermColor) -> Int32 {
        if fg == .default && bg == .default { return 0 }
        let key = Key(fg: fg, bg: bg)
        if let pair = pairs[key] { return pair }
        guard next < limit, mer_init_pair(next, colorNumber(fg), colorNumber(bg)) != ERR else {
            let fallback = pairs.first { $0.key.bg == bg }?.value ?? pairs.first { $0.key.fg == fg }?.value ?? 0
            pairs[key] = fallback
            return fallback
        }
        pairs[key] = next
        next += 1
        return next - 1
    }

    /// Curses colour number: -1 is the terminal default (after `use_default_colors`).
    func colorNumber(_ color: TermColor) -> Int32 {
        switch color {
        case .default: return -1
        case .ansi(let n): return Int32(min(n, 15))
        case .indexed(let n): return Int32(n)
        case .rgb(let r, let g, let b):
            if directColor { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
            return Int32(ColorProfile.ansi256.indexValue(of: color))
        }
    }
}

extension ColorProfile {
    /// The 256-palette index a colour maps to in this profile (0 for `.default`).
    func indexValue(of color: TermColor) -> UInt8 {
        switch map(color) {
        case .ansi(let n), .indexed(let n): return n
        default: return 0
        }
    }
}
