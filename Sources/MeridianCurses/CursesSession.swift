import CNCursesW
import Foundation
import MeridianTerminal

/// The terminal, owned through ncursesw: start, present frames, read keys, stop.
///
/// ```swift
/// let session = CursesSession()
/// try session.start()
/// defer { session.stop() }
/// let charset: BoxCharset = session.isUTF8 ? .unicode : .ascii
/// var frame = FrameBuffer(width: session.size.width, height: session.size.height)
/// frame.drawBox(frame.area, title: "Clocks", style: .plain, titleStyle: .plain, charset: charset)
/// session.present(frame)
/// // poll(fd 0 and others) … then:
/// for key in session.readKeys() { … }
/// ```
///
/// Not thread-safe: use it from the thread that runs the loop. Nothing here blocks or polls;
/// input is read with `nodelay`, so the caller waits with `poll()` on fd 0 and then drains.
public final class CursesSession {
    /// True when the locale's codeset is UTF-8 (after trying `C.UTF-8`) and no ASCII override
    /// was asked for: choose `BoxCharset.unicode` then, `.ascii` otherwise.
    public private(set) var isUTF8 = false
    /// The profile the environment and terminal allow (`ColorProfile.detect`).
    public private(set) var detectedProfile: ColorProfile = .monochrome
    /// The profile frames are actually drawn in: `detectedProfile`, capped to what curses can
    /// address (24-bit colour needs a direct-colour terminfo entry such as `xterm-direct`).
    public private(set) var colorProfile: ColorProfile = .monochrome
    public private(set) var isStarted = false

    var screen: OpaquePointer?
    var window: UnsafeMutablePointer<WINDOW>?
    var previous: FrameBuffer?
    var colorPairs = ColorPairs(pairLimit: 0, directColor: false)
    var glyphCache: [String: [[wchar_t]]] = [:]
    var replacementGlyph: [wchar_t] = [wchar_t(UInt8(ascii: "?")), 0]

    public init() {}

    /// Sets up the locale and the terminal. `asciiOverride: true` forces ASCII glyphs even in a
    /// UTF-8 locale; `false` or nil follows the locale. Throws if there is no usable terminal.
    public func start(asciiOverride: Bool? = nil, mouse: Bool = true) throws {
        guard !isStarted else { return }
        isUTF8 = Self.setUpLocale() && asciiOverride != true

        guard let screen = mer_newterm() else {
            throw CursesError.terminalUnavailable(term: ProcessInfo.processInfo.environment["TERM"])
        }
        self.screen = screen
        _ = set_term(screen)
        window = mer_stdscr()
        TerminalRestore.sessionActive = true
        isStarted = true
        TerminalRestore.install()

        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = intrflush(window, false)
        _ = keypad(window, true)
        _ = nodelay(window, true)
        _ = leaveok(window, true)
        _ = mer_cursor_visibility(0)
        _ = set_escdelay(25)
        if mouse {
            let buttons = mer_button_pressed(1) | mer_button_released(1) | mer_button_pressed(2)
                | mer_button_pressed(3) | mer_button_pressed(4) | mer_button_pressed(5)
            _ = mousemask(buttons, nil)
            _ = mouseinterval(0)
        }

        var colors = 0
        if has_colors() {
            _ = start_color()
            _ = use_default_colors()
            colors = Int(mer_colors())
        }
        detectedProfile = ColorProfile.detect(environment: ProcessInfo.processInfo.environment, colors: colors)
        let direct = colors >= 1 << 24
        colorProfile = detectedProfile == .truecolor && !direct
            ? (colors >= 256 ? .ansi256 : colors >= 8 ? .ansi8 : .monochrome)
            : detectedProfile
        if colors == 0 { colorProfile = .monochrome }
        colorPairs = ColorPairs(pairLimit: min(mer_color_pairs(), 0x7FFF), directColor: direct)

        let fffd: [wchar_t] = [0xFFFD, 0]
        replacementGlyph = isUTF8 && mer_wcwidth(fffd[0]) == 1 ? fffd : [wchar_t(UInt8(ascii: "?")), 0]
        glyphCache = [:]
        previous = nil
    }

    /// Gives the terminal back (endwin, cursor shown). Safe to call more than once.
    public func stop() {
        guard isStarted else { return }
        isStarted = false
        TerminalRestore.sessionActive = false
        _ = mer_cursor_visibility(1)
        _ = endwin()
        if let screen { delscreen(screen) }
        screen = nil
        window = nil
        previous = nil
    }

    deinit { stop() }

    /// Current terminal size in cells; (0, 0) before `start`.
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        return (Int(mer_getmaxx(window)), Int(mer_getmaxy(window)))
    }

    /// Forgets what is on screen: the next `present` repaints every cell (e.g. after Ctrl-L).
    public func invalidate() {
        previous = nil
        if isStarted { if let window { _ = clearok(window, true) } }
    }

    /// `setlocale(LC_ALL, "")`, then `C.UTF-8` if that did not give UTF-8. True if UTF-8 in the end.
    static func setUpLocale() -> Bool {
        _ = setlocale(LC_ALL, "")
        if codesetIsUTF8() { return true }
        if setlocale(LC_ALL, "C.UTF-8") != nil, codesetIsUTF8() { return true }
        return false
    }

    static func codesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "")
        return name == "UTF8"
    }
}
