/// The characters used to draw boxes, and the ellipsis that goes with them.
public struct BoxCharset: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// `├`: a horizontal rule meeting a left border.
    public var teeLeft: Character
    /// `┤`: a horizontal rule meeting a right border.
    public var teeRight: Character
    /// Marks text cut by `DisplayWidth.truncate`.
    public var ellipsis: String

    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                bottomLeft: Character, bottomRight: Character, teeLeft: Character, teeRight: Character,
                ellipsis: String) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeLeft = teeLeft
        self.teeRight = teeRight
        self.ellipsis = ellipsis
    }

    /// Light box drawing: `┌─┐ │ └─┘ ├ ┤`.
    public static let unicode = BoxCharset(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                           bottomLeft: "└", bottomRight: "┘", teeLeft: "├", teeRight: "┤",
                                           ellipsis: "…")
    /// Rounded corners, e.g. for a focused pane: `╭─╮ │ ╰─╯`.
    public static let rounded = BoxCharset(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
                                           bottomLeft: "╰", bottomRight: "╯", teeLeft: "├", teeRight: "┤",
                                           ellipsis: "…")
    /// Heavy lines, e.g. for a focused pane: `┏━┓ ┃ ┗━┛ ┣ ┫`.
    public static let heavy = BoxCharset(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
                                         bottomLeft: "┗", bottomRight: "┛", teeLeft: "┣", teeRight: "┫",
                                         ellipsis: "…")
    /// For terminals or locales without UTF-8: `+-+ | +-+`, ellipsis `~`.
    public static let ascii = BoxCharset(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                         bottomLeft: "+", bottomRight: "+", teeLeft: "+", teeRight: "+",
                                         ellipsis: "~")
    /// ASCII for a focused pane: `#=# # #=#`.
    public static let asciiHeavy = BoxCharset(horizontal: "=", vertical: "#", topLeft: "#", topRight: "#",
                                              bottomLeft: "#", bottomRight: "#", teeLeft: "#", teeRight: "#",
                                              ellipsis: "~")
}
