/// The value of one hexadecimal digit in either case; shared by both JSON readers' `\u` escapes.
enum HexDigit {
    /// 0–15 for `0`–`9`, `a`–`f`, `A`–`F`; nil for any other byte.
    @inline(__always)
    static func value(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - 0x30)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - 0x61 + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - 0x41 + 10)
        default: return nil
        }
    }
}
