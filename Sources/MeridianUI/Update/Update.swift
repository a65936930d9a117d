import Foundation
import MeridianKit
import MeridianTerminal

/// The whole behaviour of the dashboard as one pure function: the state and an action in, the new
/// state and the effects the run loop must perform out. No clock, no files, no terminal.
///
/// ```swift
/// var state = AppState(snapshot: team.snapshot, me: "alice", fallbackZone: .utc, clock: now, width: 120, height: 40)
/// let effects = Update.update(&state, .key(.char("c")))   // [.write(task.claim …)] or a notice
/// ```
public enum Update {
    public static func update(_ state: inout AppState, _ action: Action) -> [Effect] {
        defer { state.refreshDerived() }
        switch action {
        case .key(let key):
            return handleKey(&state, key)
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            return []
        case .tick(let now):
            state.clock = now
            return []
        case .teamChanged(let snapshot):
            state.snapshot = snapshot
            announce(&state)
            reconcileBoard(&state)
            clampRows(&state)
            return []
        case .written(let event):
            state.notices.insert(Notice(event.successNotice, level: .success), at: 0)
            trimNotices(&state)
            return []
        case .writeFailed(_, let reason):
            notify(&state, reason, .danger)
            return []
        case .notice(let notice):
            notify(&state, notice.text, notice.level)
            return []
        }
    }

    // MARK: keys by mode

    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        if case .mouse(let mouse) = key { return handleMouse(&state, mouse) }
        if key == .resize { return [] }
        switch state.mode {
        case .normal:
            guard let command = KeyMap.command(for: key) else { return [] }
            return apply(&state, command)
        case .filterPrompt(let text):
            switch key {
            case .enter:
                state.filter = text.trimmingCharacters(in: .whitespaces)
                state.mode = .normal
                selectFirstMatch(&state)
            case .escape:
                state.filter = ""
                state.mode = .normal
                reconcileBoard(&state)
            default:
                if let edited = edit(text, key) {
                    state.mode = .filterPrompt(edited)
                    selectFirstMatch(&state)
                }
            }
            return []
        case .newTaskPrompt(let text):
            switch key {
            case .enter:
                state.mode = .normal
                return createTask(&state, title: text)
            case .escape:
                state.mode = .normal
            default:
                if let edited = edit(text, key) { state.mode = .newTaskPrompt(edited) }
            }
            return []
        case .details(let task, let scroll):
            switch KeyMap.command(for: key) {
            case .quit: return [.quit]
            case .moveDown: state.mode = .details(task: task, scroll: scroll + 1)
            case .moveUp: state.mode = .details(task: task, scroll: max(0, scroll - 1))
            case .help: state.mode = .help(scroll: 0)
            case .clear, .details: state.mode = .normal
            default: break
            }
            return []
        case .help(let scroll):
            switch KeyMap.command(for: key) {
            case .quit: return [.quit]
            case .moveDown: state.mode = .help(scroll: scroll + 1)
            case .moveUp: state.mode = .help(scroll: max(0, scroll - 1))
            case .clear, .help, .details: state.mode = .normal
            default: break
            }
            return []
        }
    }

    /// Line editing in a prompt: printable characters append, Backspace deletes, Ctrl-U clears.
    /// Nil for keys a prompt ignores.
    static func edit(_ text: String, _ key: KeyEvent) -> String? {
        switch key {
        case .char(let c):
            guard text.count < 200 else { return text }
            return text + String(c)
        case .backspace, .delete: return String(text.dropLast())
        case .ctrl("u"): return ""
        case .ctrl("w"):
            var t = text
            while t.last == " " { t.removeLast() }
            while let last = t.last, last != " " { t.removeLast() }
            return t
        default: return nil
        }
    }

    // MARK: commands

    static func apply(_ state: inout AppState, _ command: Command) -> [Effect] {
        switch command {
        case .focusNext: state.focus = state.focus.next
        case .focusPrevious: state.focus = state.focus.previous
        case .focus(let pane): state.focus = pane
        case .moveUp: moveRow(&state, by: -1)
        case .moveDown: moveRow(&state, by: 1)
        case .moveLeft: moveColumn(&state, by: -1)
        case .moveRight: moveColumn(&state, by: 1)
        case .filter:
            state.focus = .board
            state.mode = .filterPrompt(state.filter)
        case .claim: return claim(&state)
        case .release: return release(&state)
        case .moveTaskLeft: return moveTask(&state, by: -1)
        case .moveTaskRight: return moveTask(&state, by: 1)
        case .newTask:
            state.focus = .board
            state.mode = .newTaskPrompt("")
        case .details:
            guard state.focus == .board else {
                notify(&state, "Enter shows a task's details: focus the Board (3) first.", .info)
                return []
            }
            guard let task = selectedTask(state) else {
                notify(&state, "No task selected.", .info)
                return []
            }
            state.mode = .details(task: task.id, scroll: 0)
        case .scrubBack: state.scrubHours = max(-24 * 14, state.scrubHours - 1)
        case .scrubForward: state.scrubHours = min(24 * 14, state.scrubHours + 1)
        case .scrubNow: state.scrubHours = 0
        case .help: state.mode = .help(scroll: 0)
        case .quit: return [.quit]
        case .clear:
            if !state.filter.isEmpty {
                state.filter = ""
                reconcileBoard(&state)
            }
            state.notices.removeAll()
        case .redraw: return [.repaint]
        }
        return []
    }

    static func moveRow(_ state: inout AppState, by delta: Int) {
        switch state.focus {
        case .clocks: state.clocksRow = clamp(state.clocksRow + delta, count: state.snapshot.members.count)
        case .timeline: state.timelineRow = clamp(state.timelineRow + delta, count: state.snapshot.members.count)
        case .oncall: state.oncallRow = clamp(state.oncallRow + delta, count: state.snapshot.rotations.count)
        case .board:
            let model = state.freshBoardModel()
            guard model.columns.indices.contains(state.boardColumn) else { return }
            state.boardRow = clamp(state.boardRow + delta, count: model.columns[state.boardColumn].tasks.count)
            state.selectedTask = model.task(column: state.boardColumn, row: state.boardRow)?.id
        }
    }

    static func moveColumn(_ state: inout AppState, by delta: Int) {
        guard state.focus == .board else { return }
        let model = state.freshBoardModel()
        state.boardColumn = clamp(state.boardColumn + delta, count: model.columns.count)
        state.boardRow = clamp(state.boardRow, count: model.columns[state.boardColumn].tasks.count)
        state.selectedTask = model.task(column: state.boardColumn, row: state.boardRow)?.id
    }

    static func clamp(_ value: Int, count: Int) -> Int { max(0, min(value, count - 1)) }

    // MARK: selection

    /// After the filter or the board changed: keep the selected task selected where it is shown,
    /// else keep the position, clamped.
    static func reconcileBoard(_ state: inout AppState) {
        let model = state.freshBoardModel()
        if let id = state.selectedTask, let (c, r) = model.locate(id) {
            state.boardColumn = c
            state.boardRow = r
            return
        }
        state.boardColumn = clamp(state.boardColumn, count: model.columns.count)
        state.boardRow = clamp(state.boardRow, count: model.columns[state.boardColumn].tasks.count)
        state.selectedTask = model.task(column: state.boardColumn, row: state.boardRow)?.id
    }

    static func selectFirstMatch(_ state: inout AppState) {
        let model = state.freshBoardModel()
        if let (c, r) = model.firstMatch {
            state.boardColumn = c
            state.boardRow = r
            state.selectedTask = model.task(column: c, row: r)?.id
        } else {
            state.boardRow = 0
            state.selectedTask = nil
        }
    }

    static func clampRows(_ state: inout AppState) {
        state.clocksRow = clamp(state.clocksRow, count: state.snapshot.members.count)
        state.timelineRow = clamp(state.timelineRow, count: state.snapshot.members.count)
        state.oncallRow = clamp(state.oncallRow, count: state.snapshot.rotations.count)
    }
}

extension Mode {
    /// Help or details: drawn over the panes.
    public var isOverlay: Bool {
        switch self {
        case .help, .details: return true
        default: return false
        }
    }
}
