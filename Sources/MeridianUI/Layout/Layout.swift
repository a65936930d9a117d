import MeridianTerminal

/// Where everything goes for a terminal size: the 2×2 grid at 120×36 and above, one pane at a time
/// under a tab bar below that, and a plain note under 40×12. Pure: resizing is just a new layout.
public struct Layout: Hashable, Sendable {
    /// How the panes are arranged.
    public enum Kind: Hashable, Sendable { case grid, tabbed, tooSmall }

    public static let gridMinimum = (width: 120, height: 36)
    public static let minimum = (width: 40, height: 12)

    public var kind: Kind
    public var screen: Rect
    /// Row 0: team, viewer time, scrub state.
    public var header: Rect
    /// Tabbed only: the row of pane names.
    public var tabBar: Rect?
    /// The rectangle of each visible pane (all four in the grid, the focused one when tabbed).
    public var panes: [Pane: Rect]
    /// The notice line and the key hints, the last two rows.
    public var notice: Rect
    public var footer: Rect

    public static func compute(width: Int, height: Int, focus: Pane) -> Layout {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        guard width >= minimum.width, height >= minimum.height else {
            return Layout(kind: .tooSmall, screen: screen, header: .zero, tabBar: nil, panes: [:], notice: .zero, footer: .zero)
        }
        let rows = screen.splitRows([.fixed(1), .fill(), .fixed(1), .fixed(1)])
        let (header, body, notice, footer) = (rows[0], rows[1], rows[2], rows[3])
        if width >= gridMinimum.width && height >= gridMinimum.height {
            let halves = body.splitRows([.fill(2), .fill(3)])
            let top = halves[0].splitColumns([.fill(1), .fill(1)])
            let bottom = halves[1].splitColumns([.fill(3), .fill(2)])
            return Layout(kind: .grid, screen: screen, header: header, tabBar: nil,
                          panes: [.clocks: top[0], .timeline: top[1], .board: bottom[0], .oncall: bottom[1]],
                          notice: notice, footer: footer)
        }
        let parts = body.splitRows([.fixed(1), .fill()])
        return Layout(kind: .tabbed, screen: screen, header: header, tabBar: parts[0], panes: [focus: parts[1]],
                      notice: notice, footer: footer)
    }

    /// The tabs of the tab bar: each pane's label and its columns, left to right.
    public func tabs() -> [(pane: Pane, label: String, rect: Rect)] {
        guard let bar = tabBar else { return [] }
        var x = bar.x + 1
        var out: [(Pane, String, Rect)] = []
        for pane in Pane.allCases {
            let label = " \(pane.rawValue + 1) \(pane.title) "
            let w = DisplayWidth.of(label)
            out.append((pane, label, Rect(x: x, y: bar.y, width: w, height: 1)))
            x += w + 1
        }
        return out
    }

    /// The pane under a cell, if any.
    public func pane(at point: Point) -> Pane? {
        panes.first { $0.value.contains(point) }?.key
    }
}
