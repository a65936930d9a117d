import CNCursesW
import MeridianTerminal

extension CursesSession {
    /// Every key and mouse event waiting now, oldest first; empty when there is none.
    /// Never blocks (the window is in `nodelay` mode). A `.resize` also makes the next
    /// `present` repaint everything.
    public func readKeys() -> [KeyEvent] {
        guard isStarted, let window else { return [] }
        var events: [KeyEvent] = []
        var value: wint_t = 0
        while true {
            let status = wget_wch(window, &value)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                if let event = keyEvent(forKeyCode: Int32(bitPattern: value)) {
                    if event == .resize { previous = nil }
                    events.append(event)
                }
            } else if let event = KeyEvent(code: UInt32(value)) {
                events.append(event)
            }
        }
        return events
    }

    /// The event for a curses `KEY_*` code; nil for mouse reports that mean nothing to us.
    func keyEvent(forKeyCode code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return mouseEvent()
        case mer_key_f(1)...mer_key_f(63): return .function(Int(code - mer_key_f(0)))
        default: return .unknown(Int(code))
        }
    }

    private func mouseEvent() -> KeyEvent? {
        var event = MEVENT()
        guard getmouse(&event) != ERR else { return nil }
        let state = event.bstate
        let kind: MouseEvent.Kind
        if state & mer_button_pressed(4) != 0 {
            kind = .scrollUp
        } else if state & mer_button_pressed(5) != 0 {
            kind = .scrollDown
        } else if state & (mer_button_pressed(1) | mer_button_clicked(1)) != 0 {
            kind = .press(.left)
        } else if state & (mer_button_pressed(2) | mer_button_clicked(2)) != 0 {
            kind = .press(.middle)
        } else if state & (mer_button_pressed(3) | mer_button_clicked(3)) != 0 {
            kind = .press(.right)
        } else if state & mer_button_released(1) != 0 {
            kind = .release(.left)
        } else {
            return nil
        }
        return .mouse(MouseEvent(x: Int(event.x), y: Int(event.y), kind: kind))
    }
}
