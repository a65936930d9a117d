/// A rectangle of cells: origin (`x`, `y`) at its top left, `width` columns by `height` rows.
///
/// ```swift
/// let screen = Rect(x: 0, y: 0, width: 80, height: 24)
/// let (body, footer) = (screen.inset(bottom: 1), screen.splitRows([.fill(), .fixed(1)])[1])
/// let panes = body.splitColumns(count: 2)
/// ```
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Negative sizes are stored as 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// One past the last column.
    public var maxX: Int { x + width }
    /// One past the last row.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var area: Int { width * height }

    public func contains(_ point: Point) -> Bool { contains(x: point.x, y: point.y) }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The overlap of two rectangles; an empty rectangle when they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: left, y: top, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `amount` on every side (never below zero size).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// The rectangle shrunk by the given amounts (never below zero size).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = max(0, width - left - right)
        let newHeight = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: newWidth, height: newHeight)
    }

    /// `count` side-by-side parts of equal width (the first parts get the spare columns).
    public func splitColumns(count: Int, spacing: Int = 0) -> [Rect] {
        splitColumns(Array(repeating: .fill(), count: max(0, count)), spacing: spacing)
    }

    /// `count` stacked parts of equal height (the first parts get the spare rows).
    public func splitRows(count: Int, spacing: Int = 0) -> [Rect] {
        splitRows(Array(repeating: .fill(), count: max(0, count)), spacing: spacing)
    }

    /// Side-by-side parts sized by `extents`, left to right.
    public func splitColumns(_ extents: [Extent], spacing: Int = 0) -> [Rect] {
        Extent.resolve(extents, total: width, spacing: spacing).map { offset, size in
            Rect(x: x + offset, y: y, width: size, height: height)
        }
    }

    /// Stacked parts sized by `extents`, top to bottom.
    public func splitRows(_ extents: [Extent], spacing: Int = 0) -> [Rect] {
        Extent.resolve(extents, total: height, spacing: spacing).map { offset, size in
            Rect(x: x, y: y + offset, width: width, height: size)
        }
    }
}
