/// One input event, independent of how the terminal library reported it.
public enum KeyEvent: Hashable, Sendable {
    /// A printable character (already sanitized: never a control).
    case char(Character)
    /// Ctrl plus a letter or one of `@ [ \ ] ^ _`, reported as the lowercase letter or the symbol:
    /// Ctrl-L is `.ctrl("l")`. Ctrl-I, Ctrl-M, Ctrl-H and Ctrl-[ arrive as tab, enter, backspace, escape.
    case ctrl(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace, delete, insert
    case home, end, pageUp, pageDown
    /// F1 is `.function(1)`.
    case function(Int)
    /// The terminal changed size: redraw everything.
    case resize
    case mouse(MouseEvent)
    /// A key the input layer could not name, with its raw code.
    case unknown(Int)

    /// The event for a character code read from the terminal (not a special key code):
    /// 9 → tab, 10 and 13 → enter, 27 → escape, 8 and 127 → backspace, other controls → `.ctrl`,
    /// anything else → `.char`. Nil for values that are not Unicode scalars.
    public init?(code: UInt32) {
        switch code {
        case 9: self = .tab
        case 10, 13: self = .enter
        case 27: self = .escape
        case 8, 127: self = .backspace
        case 0: self = .ctrl(" ")
        case 1...26: self = .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 28...31: self = .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x40)))
        case 0x80...0x9F: self = .unknown(Int(code))
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            if TextSanitizer.isUnsafe(scalar) { self = .unknown(Int(code)); return }
            self = .char(Character(scalar))
        }
    }
}

/// A mouse action at a cell.
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Kind: Hashable, Sendable {
        case press(MouseButton)
        case release(MouseButton)
        case scrollUp
        case scrollDown
    }

    public var x: Int
    public var y: Int
    public var kind: Kind

    public init(x: Int, y: Int, kind: Kind) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}

/// A mouse button.
public enum MouseButton: Hashable, Sendable {
    case left, middle, right
}
