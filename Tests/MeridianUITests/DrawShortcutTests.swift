import MeridianTerminal
@testable import MeridianUI
import Testing

/// The drawing shortcuts write exactly the cells of the general calls they stand for, whatever the
/// buffer held before (wide characters cut in half, text under the border) and wherever the
/// rectangle lies (partly or wholly outside the buffer).
@Suite struct DrawShortcutTests {
    /// A buffer scattered with wide and narrow characters in several styles.
    static func cluttered(width: Int = 24, height: Int = 8) -> FrameBuffer {
        var b = FrameBuffer(width: width, height: height)
        for y in 0..<height {
            b.put(y % 2 == 0 ? "東京 ab 日本語 c 👍 d" : "x 字 yz 한국 w", x: y % 3 - 1, y: y, style: Style(fg: .indexed(UInt8(y)), attrs: .bold))
        }
        return b
    }

    static let rects = [
        Rect(x: 0, y: 0, width: 24, height: 8), Rect(x: 3, y: 1, width: 10, height: 5), Rect(x: 1, y: 2, width: 2, height: 2),
        Rect(x: 5, y: 3, width: 2, height: 4), Rect(x: 18, y: 5, width: 10, height: 6), Rect(x: -3, y: -2, width: 8, height: 5),
        Rect(x: 4, y: 4, width: 1, height: 3), Rect(x: 30, y: 1, width: 4, height: 4),
    ]

    @Test func drawFrameDrawsWhatDrawBoxDraws() {
        for charset in [BoxCharset.unicode, .rounded, .heavy, .ascii, .asciiHeavy] {
            for rect in Self.rects {
                var fast = Self.cluttered(), slow = Self.cluttered()
                let style = Style(fg: .indexed(3))
                let a = fast.drawFrame(rect, style: style, charset: charset)
                let b = slow.drawBox(rect, title: nil, style: style, titleStyle: style, charset: charset)
                #expect(a == b)
                #expect(fast == slow, "\(charset) \(rect):\n\(fast.lines().joined(separator: "\n"))\n--\n\(slow.lines().joined(separator: "\n"))")
            }
        }
    }

    @Test func timelineRunsWriteWhatPuttingTheTextWrites() {
        for glyph in ["█", "░", "·", "▆", "%", ".", "x", "字", "e\u{301}"] {
            let single = glyph.count == 1 && DisplayWidth.of(glyph) == 1
            for (x, count) in [(0, 5), (3, 1), (20, 9), (-2, 4), (10, 0)] {
                var fast = Self.cluttered(), slow = Self.cluttered()
                TimelineView.putRun(&fast, glyph, count: count, x: x, y: 2, style: .plain, singleWidth: single)
                slow.put(String(repeating: glyph, count: count), x: x, y: 2, style: .plain)
                #expect(fast == slow, "\(glyph) at \(x) × \(count)")
            }
        }
    }
}
