/// A horizontal run of consecutive cells that changed: `cells[i]` belongs at (`x + i`, `row`).
public struct CellRun: Hashable, Sendable {
    public var row: Int
    public var x: Int
    public var cells: [Cell]

    public init(row: Int, x: Int, cells: [Cell]) {
        self.row = row
        self.x = x
        self.cells = cells
    }
}

/// Finds what a terminal must redraw to go from one frame to the next.
public enum FrameDiff {
    /// The runs of changed cells, row by row, left to right. With no old frame, or a different size,
    /// every row is one run. A run never starts on a continuation cell nor ends on the left half of a
    /// wide grapheme: it is widened so that whole glyphs are redrawn.
    public static func changes(from old: FrameBuffer?, to new: FrameBuffer) -> [CellRun] {
        guard let old, old.width == new.width, old.height == new.height else {
            return (0..<new.height).map { y in
                CellRun(row: y, x: 0, cells: Array(new.cells[(y * new.width)..<((y + 1) * new.width)]))
            }
        }
        var runs: [CellRun] = []
        let width = new.width
        for y in 0..<new.height {
            let row = y * width
            var x = 0
            while x < width {
                guard old.cells[row + x] != new.cells[row + x] else { x += 1; continue }
                var start = x
                if new.cells[row + start].isContinuation && start > 0 { start -= 1 }
                var end = x + 1
                while end < width && old.cells[row + end] != new.cells[row + end] { end += 1 }
                if end < width && new.cells[row + end].isContinuation { end += 1 }
                if let last = runs.last, last.row == y, last.x + last.cells.count >= start {
                    let from = last.x + last.cells.count
                    runs[runs.count - 1].cells += new.cells[(row + from)..<(row + end)]
                } else {
                    runs.append(CellRun(row: y, x: start, cells: Array(new.cells[(row + start)..<(row + end)])))
                }
                x = end
            }
        }
        return runs
    }
}
