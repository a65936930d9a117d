import Testing
@testable import MeridianTerminal

/// A small deterministic generator (SplitMix64) so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct RandomizedBufferTests {
    static let pool: [String] = [
        "a", "Z", " ", "~", "\u{1B}", "\u{7}", "\u{0}", "\t", "\n", "\r", "\u{7F}", "\u{85}", "\u{9B}", "\u{9F}",
        "日", "本", "한", "Ａ", "é", "e\u{301}", "\u{301}", "\u{200B}", "\u{200D}", "\u{FE0F}", "\u{202E}",
        "\u{2066}", "\u{061C}", "\u{FEFF}", "👍", "👍🏽", "🇯", "🇯🇵", "👨\u{200D}👩\u{200D}👧", "❤\u{FE0F}", "─", "\u{FFFD}",
    ]

    static func randomText(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...12, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined()
    }

    @Test func anySequenceOfWritesLeavesASafeConsistentBuffer() {
        var rng = SplitMix64(state: 20_250_101)
        for _ in 0..<300 {
            var buffer = FrameBuffer(width: Int.random(in: 1...12, using: &rng), height: 3)
            for _ in 0..<8 {
                let x = Int.random(in: -3...13, using: &rng), y = Int.random(in: -1...3, using: &rng)
                let maxWidth: Int? = Bool.random(using: &rng) ? Int.random(in: -1...8, using: &rng) : nil
                let used = buffer.put(Self.randomText(&rng), x: x, y: y, style: Style(fg: .indexed(UInt8(x & 0xFF))),
                                      maxWidth: maxWidth)
                #expect(used >= 0)
                if let maxWidth { #expect(used <= max(0, maxWidth)) }
                if Bool.random(using: &rng) {
                    buffer.setStyle(Rect(x: x, y: 0, width: 2, height: 3), Style(attrs: .reverse))
                }
                if Int.random(in: 0..<4, using: &rng) == 0 {
                    buffer.fill(Rect(x: x, y: y, width: 1, height: 1), style: .plain, char: "\u{1B}")
                }
            }
            for cell in buffer.cells { #expect(isTerminalSafe(cell.grapheme)) }
            assertWideCellsConsistent(buffer)
        }
    }

    @Test func replayingTheDiffReproducesTheNewFrame() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<200 {
            var old = FrameBuffer(width: 10, height: 2)
            for _ in 0..<4 {
                old.put(Self.randomText(&rng), x: Int.random(in: 0...9, using: &rng), y: Int.random(in: 0...1, using: &rng),
                        style: .plain)
            }
            var new = old
            for _ in 0..<3 {
                new.put(Self.randomText(&rng), x: Int.random(in: 0...9, using: &rng), y: Int.random(in: 0...1, using: &rng),
                        style: Style(attrs: .bold))
            }
            var replay = old
            for run in FrameDiff.changes(from: old, to: new) {
                #expect(run.cells.first?.isContinuation == false)
                for (i, cell) in run.cells.enumerated() where !cell.isContinuation {
                    replay.put(cell.grapheme, x: run.x + i, y: run.row, style: cell.style)
                }
            }
            #expect(replay == new)
        }
    }
}
