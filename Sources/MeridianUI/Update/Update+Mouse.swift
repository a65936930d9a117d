import MeridianKit
import MeridianTerminal

/// Clicks focus a pane or tab and select a task; the wheel moves the selection.
extension Update {
    static func handleMouse(_ state: inout AppState, _ mouse: MouseEvent) -> [Effect] {
        guard state.mode == .normal || state.mode.isOverlay else { return [] }
        let layout = Layout.compute(width: state.width, height: state.height, focus: state.focus)
        let point = Point(x: mouse.x, y: mouse.y)
        switch mouse.kind {
        case .press(.left):
            if state.mode.isOverlay { state.mode = .normal }
            if let tab = layout.tabs().first(where: { $0.rect.contains(point) }) {
                state.focus = tab.pane
                return []
            }
            guard let pane = layout.pane(at: point) else { return [] }
            state.focus = pane
            if pane == .board, let rect = layout.panes[.board],
               let hit = BoardView.hit(point, in: rect, state: state) {
                let model = state.freshBoardModel()
                state.boardColumn = hit.column
                state.boardRow = hit.row ?? clamp(state.boardRow, count: model.columns[hit.column].tasks.count)
                state.selectedTask = model.task(column: state.boardColumn, row: state.boardRow)?.id
            }
        case .scrollUp:
            if let pane = layout.pane(at: point) { state.focus = pane; moveRow(&state, by: -1) }
        case .scrollDown:
            if let pane = layout.pane(at: point) { state.focus = pane; moveRow(&state, by: 1) }
        default:
            break
        }
        return []
    }
}
