/// The xterm palette and nearest-colour searches used by `ColorProfile`.
enum Palette {
    /// Channel levels of the 6×6×6 colour cube (indices 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// xterm's default RGB for the 16 ANSI colours.
    static let ansi16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB value xterm shows for a 256-palette index.
    static func rgb(ofIndex index: UInt8) -> (Int, Int, Int) {
        let i = Int(index)
        switch i {
        case 0..<16:
            return ansi16[i]
        case 16..<232:
            let c = i - 16
            return (cubeLevels[c / 36], cubeLevels[(c / 6) % 6], cubeLevels[c % 6])
        default:
            let level = 8 + 10 * (i - 232)
            return (level, level, level)
        }
    }

    static func distanceSquared(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }

    /// Index of the cube level nearest to a channel value.
    static func nearestCubeLevel(_ v: Int) -> Int {
        var best = 0
        for (i, level) in cubeLevels.enumerated() where abs(level - v) < abs(cubeLevels[best] - v) {
            best = i
        }
        return best
    }

    /// Nearest of the 256-palette entries 16–255: the best cube colour or the best grey, whichever is nearer.
    static func nearest256(_ r: Int, _ g: Int, _ b: Int) -> UInt8 {
        let target = (r, g, b)
        let qr = nearestCubeLevel(target.0), qg = nearestCubeLevel(target.1), qb = nearestCubeLevel(target.2)
        let cube = (cubeLevels[qr], cubeLevels[qg], cubeLevels[qb])
        let cubeIndex = 16 + 36 * qr + 6 * qg + qb

        let average = (target.0 + target.1 + target.2) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let greyLevel = 8 + 10 * greyStep
        let grey = (greyLevel, greyLevel, greyLevel)

        if distanceSquared(grey, target) < distanceSquared(cube, target) {
            return UInt8(232 + greyStep)
        }
        return UInt8(cubeIndex)
    }

    /// The basic ANSI colour (0–7) closest in hue. Euclidean distance to xterm's palette sends mid
    /// greys to yellow, so greys (low chroma) go to black or white by lightness, and other colours
    /// keep the channels that are above the midpoint of their brightest and darkest channel.
    static func nearest8(_ r: Int, _ g: Int, _ b: Int) -> UInt8 {
        let high = max(r, g, b), low = min(r, g, b)
        if high - low < 32 {
            return high >= 128 ? 7 : 0
        }
        let middle = (high + low) / 2
        let red = r > middle ? 1 : 0, green = g > middle ? 2 : 0, blue = b > middle ? 4 : 0
        return UInt8(red | green | blue)
    }
}
