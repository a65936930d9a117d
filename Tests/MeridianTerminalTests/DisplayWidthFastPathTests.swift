import MeridianTerminal
import Testing

/// The one-scalar fast path of `DisplayWidth.of(Character)` answers exactly what the general rule
/// (`DisplayWidth.width(of:)`: zero-width categories, emoji presentation, East Asian Wide) answers.
@Suite struct DisplayWidthFastPathTests {
    @Test(arguments: [0x20...0x7E, 0xA0...0x2FF, 0x2500...0x259F] as [ClosedRange<UInt32>])
    func fastRangesMatchTheGeneralRule(range: ClosedRange<UInt32>) {
        for v in range {
            let scalar = Unicode.Scalar(v)!
            #expect(DisplayWidth.of(Character(scalar)) == DisplayWidth.width(of: scalar), "U+\(String(v, radix: 16, uppercase: true))")
            #expect(DisplayWidth.of(Character(scalar)) == 1)
        }
    }

    @Test func clustersStartingInTheFastRangesStillTakeTheGeneralPath() {
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("\u{2500}\u{FE0F}" as Character) == 1)
        #expect(DisplayWidth.of("\u{25FD}" as Character) == 2)   // ◽ just past the block elements: emoji presentation
        #expect(DisplayWidth.of("\u{300}" as Character) == 0)    // a lone combining mark just past Latin
    }
}
