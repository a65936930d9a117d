import Testing
@testable import MeridianTerminal

@Suite struct ColorProfileTests {
    @Test func rgbMapsToTheCubeOrTheGreyRamp() {
        let p = ColorProfile.ansi256
        #expect(p.map(.rgb(255, 0, 0)) == .indexed(196))
        #expect(p.map(.rgb(0, 0, 0)) == .indexed(16))
        #expect(p.map(.rgb(255, 255, 255)) == .indexed(231))
        #expect(p.map(.rgb(0, 95, 135)) == .indexed(24))
        #expect(p.map(.rgb(128, 128, 128)) == .indexed(244))   // grey ramp: 8 + 10·12
        #expect(p.map(.rgb(30, 30, 30)) == .indexed(234))      // grey ramp beats the cube's 16 (0,0,0)
        #expect(p.map(.rgb(250, 128, 10)) == .indexed(208))    // orange: cube (255,135,0)
        #expect(p.map(.indexed(42)) == .indexed(42))
        #expect(p.map(.ansi(9)) == .ansi(9))
        #expect(p.map(.default) == .default)
    }

    @Test func eightColoursPickTheNearestBasicColour() {
        let p = ColorProfile.ansi8
        #expect(p.map(.rgb(255, 0, 0)) == .ansi(1))
        #expect(p.map(.rgb(10, 20, 240)) == .ansi(4))
        #expect(p.map(.rgb(250, 250, 250)) == .ansi(7))
        #expect(p.map(.rgb(20, 20, 20)) == .ansi(0))
        #expect(p.map(.rgb(128, 128, 128)) == .ansi(7))   // a grey stays a grey, not yellow
        #expect(p.map(.rgb(70, 70, 80)) == .ansi(0))
        #expect(p.map(.rgb(255, 135, 0)) == .ansi(3))     // orange → yellow
        #expect(p.map(.rgb(0, 175, 175)) == .ansi(6))
        #expect(p.map(.rgb(120, 0, 160)) == .ansi(5))
        #expect(p.map(.rgb(95, 0, 0)) == .ansi(1))        // dark red is still red
        #expect(p.map(.indexed(196)) == .ansi(1))
        #expect(p.map(.indexed(46)) == .ansi(2))
        #expect(p.map(.ansi(9)) == .ansi(1))
        #expect(p.map(.indexed(12)) == .ansi(4))
    }

    @Test func monochromeDropsColoursButKeepsAttributes() {
        let selected = Style(fg: .black, bg: .rgb(0, 200, 200), attrs: [.reverse, .bold])
        let mapped = ColorProfile.monochrome.map(selected)
        #expect(mapped == Style(fg: .default, bg: .default, attrs: [.reverse, .bold]))
    }

    @Test func truecolorKeepsEverything() {
        let style = Style(fg: .rgb(1, 2, 3), bg: .indexed(7), attrs: .italic)
        #expect(ColorProfile.truecolor.map(style) == style)
    }

    @Test func detection() {
        #expect(ColorProfile.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"], colors: 256) == .monochrome)
        #expect(ColorProfile.detect(environment: ["NO_COLOR": ""], colors: 256) == .ansi256)
        #expect(ColorProfile.detect(environment: ["COLORTERM": "truecolor"], colors: 8) == .truecolor)
        #expect(ColorProfile.detect(environment: ["COLORTERM": "24bit"], colors: 256) == .truecolor)
        #expect(ColorProfile.detect(environment: [:], colors: 256) == .ansi256)
        #expect(ColorProfile.detect(environment: [:], colors: 16) == .ansi8)
        #expect(ColorProfile.detect(environment: [:], colors: 8) == .ansi8)
        #expect(ColorProfile.detect(environment: [:], colors: 0) == .monochrome)
        #expect(ColorProfile.detect(environment: [:], colors: -1) == .monochrome)
    }

    @Test func hexParsing() {
        #expect(TermColor(hex: "#FF8700") == .rgb(255, 135, 0))
        #expect(TermColor(hex: "00ff00") == .rgb(0, 255, 0))
        #expect(TermColor(hex: "#fff") == nil)
        #expect(TermColor(hex: "#gg0000") == nil)
    }
}
