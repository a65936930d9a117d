extension FrameBuffer {
    /// A text picture of text and styles for snapshot tests: each row's text, then a line of the
    /// same width where every column shows a letter naming its style (`.` for `Style.plain`), then
    /// a legend. Letters are given in order of first appearance, so the dump is deterministic.
    ///
    /// ```
    /// ┌ Board ─┐
    /// aabbbbbaaa
    /// a = fg:ansi(6) bg:default attrs:[]
    /// b = fg:default bg:default attrs:[bold]
    /// ```
    public func styledDump() -> String {
        var letters: [Style: Character] = [.plain: "."]
        var legend: [String] = []
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var output: [String] = []
        for (y, line) in lines().enumerated() {
            var marks = ""
            for x in 0..<width {
                let style = cells[y * width + x].style
                if letters[style] == nil {
                    let letter = legend.count < alphabet.count ? alphabet[legend.count] : "?"
                    letters[style] = letter
                    legend.append("\(letter) = \(Self.describe(style))")
                }
                marks.append(letters[style]!)
            }
            output.append(line)
            output.append(marks)
        }
        return (output + legend).joined(separator: "\n")
    }

    private static func describe(_ style: Style) -> String {
        let names: [(TextAttributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.underline, "underline"),
                                                 (.reverse, "reverse"), (.italic, "italic")]
        let attrs = names.filter { style.attrs.contains($0.0) }.map(\.1).joined(separator: ",")
        return "fg:\(describe(style.fg)) bg:\(describe(style.bg)) attrs:[\(attrs)]"
    }

    private static func describe(_ color: TermColor) -> String {
        switch color {
        case .default: "default"
        case .ansi(let n): "ansi(\(n))"
        case .indexed(let n): "indexed(\(n))"
        case .rgb(let r, let g, let b): "rgb(\(r),\(g),\(b))"
        }
    }
}
