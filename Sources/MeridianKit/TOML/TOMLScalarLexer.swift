/// Bare values: booleans, integers (decimal, `0x`, `0o`, `0b`, with `_` between digits),
/// floats (fraction, exponent, `inf`, `nan`) and the four date/time forms.
extension TOMLCursor {
    /// Reads the bare value at `index` (a date may be followed by a space and a time).
    mutating func readBareValue() throws(TOMLError) -> TOMLValue {
        let start = position()
        let from = index
        while let c = peek, TOMLCursor.isBareValueByte(c) { index += 1 }
        if index == from {
            if let c = peek, c != 0x0A, c != 0x0D, c != UInt8(ascii: "#"), c != UInt8(ascii: ","), c != UInt8(ascii: "]"), c != UInt8(ascii: "}"), c != UInt8(ascii: "=") {
                throw error("\(describe(c)) cannot start a value (strings need quotes)", at: start)
            }
            throw error("a value is missing here", at: start)
        }
        // `1979-05-27 07:32:00`: a date, one space, then a time make one value.
        if index - from == 10, peek == 0x20, let d = peek(1), d >= 0x30, d <= 0x39, TOMLDateLexer.isFullDate(bytes[from..<index]) {
            index += 1
            while let c = peek, TOMLCursor.isBareValueByte(c) { index += 1 }
        }
        let token = bytes[from..<index]
        if let v = try TOMLScalarLexer.value(token, error: { error($0, at: start) }) { return v }
        throw error("'\(String(decoding: token.prefix(40), as: UTF8.self))' is not a valid value (strings need quotes)", at: start)
    }

    /// Bytes that can make up a bare value: letters, digits, `_ + - . :` and the date/time space.
    static func isBareValueByte(_ c: UInt8) -> Bool {
        switch c {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"): return true
        default: return false
        }
    }
}

/// Classifies and converts one bare token.
enum TOMLScalarLexer {
    /// The token's value; nil when it is no kind of value; throws (through `error`) when it is
    /// recognisably a number or date but broken, with a specific reason.
    static func value(_ t: ArraySlice<UInt8>, error: (String) -> TOMLError) throws(TOMLError) -> TOMLValue? {
        let s = Array(t)
        switch s {
        case Array("true".utf8): return .boolean(true)
        case Array("false".utf8): return .boolean(false)
        case Array("inf".utf8), Array("+inf".utf8): return .float(.infinity)
        case Array("-inf".utf8): return .float(-.infinity)
        case Array("nan".utf8), Array("+nan".utf8), Array("-nan".utf8): return .float(.nan)
        default: break
        }
        if TOMLDateLexer.looksLikeDateOrTime(s) {
            if let v = TOMLDateLexer.value(s) { return v }
            throw error("'\(String(decoding: s.prefix(40), as: UTF8.self))' is not a valid date or time (e.g. 2026-11-02T09:00:00, 2026-11-02, 09:00:00)")
        }
        guard let first = s.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || isDigit(first) else { return nil }
        return try number(s, error: error)
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private static func number(_ s: [UInt8], error: (String) -> TOMLError) throws(TOMLError) -> TOMLValue? {
        var i = 0
        var negative = false
        if s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-") { negative = s[0] == UInt8(ascii: "-"); i = 1 }
        let text = String(decoding: s.prefix(40), as: UTF8.self)
        // 0x, 0o, 0b: no sign, no leading underscore.
        if i + 1 < s.count, s[i] == UInt8(ascii: "0"), let radix = radix(s[i + 1]) {
            if i > 0 { throw error("'\(text)': a hexadecimal, octal or binary integer cannot have a sign") }
            guard let digits = digitRun(s, from: 2, radix: radix), digits.end == s.count else {
                throw error("'\(text)' is not a valid integer (digits with single '_' between them)")
            }
            var v: UInt64 = 0
            for c in digits.digits {
                let (m, o1) = v.multipliedReportingOverflow(by: UInt64(radix))
                let (a, o2) = m.addingReportingOverflow(UInt64(digitValue(c)))
                guard !o1, !o2, a <= UInt64(Int64.max) else { throw error("'\(text)' does not fit in a 64-bit integer") }
                v = a
            }
            return .integer(Int64(v))
        }
        guard let intPart = digitRun(s, from: i, radix: 10) else {
            throw error("'\(text)' is not a valid number (digits with single '_' between them)")
        }
        if intPart.digits.count > 1 && intPart.digits[0] == UInt8(ascii: "0") {
            throw error("'\(text)': leading zeros are not allowed")
        }
        var k = intPart.end
        var isFloat = false
        var floatText = (negative ? "-" : "") + String(decoding: intPart.digits, as: UTF8.self)
        if k < s.count && s[k] == UInt8(ascii: ".") {
            guard let frac = digitRun(s, from: k + 1, radix: 10) else {
                throw error("'\(text)': a decimal point must have digits on both sides")
            }
            isFloat = true
            floatText += "." + String(decoding: frac.digits, as: UTF8.self)
            k = frac.end
        }
        if k < s.count && (s[k] == UInt8(ascii: "e") || s[k] == UInt8(ascii: "E")) {
            var j = k + 1
            var sign = ""
            if j < s.count && (s[j] == UInt8(ascii: "+") || s[j] == UInt8(ascii: "-")) { sign = s[j] == UInt8(ascii: "-") ? "-" : ""; j += 1 }
            guard let exp = digitRun(s, from: j, radix: 10) else { throw error("'\(text)': an exponent needs digits") }
            isFloat = true
            floatText += "e" + sign + String(decoding: exp.digits, as: UTF8.self)
            k = exp.end
        }
        guard k == s.count else { throw error("'\(text)' is not a valid number") }
        if isFloat {
            guard let x = Double(floatText) else { throw error("'\(text)' is not a valid float") }
            return .float(x)
        }
        var v: Int64 = 0
        for c in intPart.digits {
            let d = Int64(c - 0x30)
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { throw error("'\(text)' does not fit in a 64-bit integer") }
            v = a
        }
        return .integer(v)
    }

    private static func radix(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "x"): return 16
        case UInt8(ascii: "o"): return 8
        case UInt8(ascii: "b"): return 2
        default: return nil
        }
    }

    private static func digitValue(_ c: UInt8) -> Int { Int(TOMLCursor.hexDigit(c) ?? 0) }

    /// One or more digits of `radix` from `from`, with single underscores only between digits;
    /// the digits without underscores and the index after the run. Nil if none or a bad `_`.
    private static func digitRun(_ s: [UInt8], from: Int, radix: Int) -> (digits: [UInt8], end: Int)? {
        var digits: [UInt8] = []
        var k = from
        var lastWasDigit = false
        while k < s.count {
            let c = s[k]
            if c == UInt8(ascii: "_") {
                guard lastWasDigit else { return nil }
                lastWasDigit = false
            } else if let d = TOMLCursor.hexDigit(c), Int(d) < radix, radix == 16 || isDigit(c) {
                digits.append(c)
                lastWasDigit = true
            } else {
                break
            }
            k += 1
        }
        guard !digits.isEmpty, lastWasDigit else { return nil }
        return (digits, k)
    }
}
