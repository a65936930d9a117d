import Testing
import MeridianKit

/// Documents that break TOML v1.0.0: each must be refused with an error on the right line.
@Suite("TOML: invalid documents")
struct TOMLInvalidDocumentTests {
    static let cases: [(String, String, Int)] = [
        // Keys and statements
        ("value missing", "key = # INVALID\n", 1),
        ("value missing at the end", "a = 1\nb =", 2),
        ("two pairs on a line", "first = \"Tom\" last = \"Preston-Werner\"\n", 1),
        ("key missing", "a = 1\n= \"no key name\"\n", 2),
        ("multi-line string as key", "\"\"\"key\"\"\" = \"not allowed\"\n", 1),
        ("key without value", "a = 1\nb\n", 2),
        ("non-ASCII bare key", "ʎ = 1\n", 1),
        ("empty dotted part", "a..b = 1\n", 1),
        ("trailing dot", "a. = 1\n", 1),
        ("newline inside a key", "a\n.b = 1\n", 1),
        ("bare word value", "a = hello\n", 1),
        ("second equals", "a = 1 = 2\n", 1),
        // Redefinitions
        ("duplicate key", "name = \"Tom\"\nname = \"Pradyun\"\n", 2),
        ("duplicate key, quoted", "spelling = \"favorite\"\n\"spelling\" = \"favourite\"\n", 2),
        ("value turned table by dotted key", "fruit.apple = 1\nfruit.apple.smooth = true\n", 2),
        ("table defined twice", "[fruit]\napple = \"red\"\n\n[fruit]\norange = \"orange\"\n", 4),
        ("table over a value", "[fruit]\napple = \"red\"\n\n[fruit.apple]\ntexture = \"smooth\"\n", 4),
        ("header over a dotted-key table", "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple]\n", 4),
        ("header over a nested dotted-key table", "[fruit]\napple.taste.sweet = true\n\n[fruit.apple.taste]\n", 4),
        ("dotted key into an inline table", "[product]\ntype = { name = \"Nail\" }\ntype.edible = false\n", 3),
        ("inline table over a dotted-key table", "[product]\ntype.name = \"Nail\"\ntype = { edible = false }\n", 3),
        ("dotted key into a header table", "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n", 4),
        ("header into an inline table", "a = { b = 1 }\n[a.c]\n", 2),
        ("array of tables over an implicit table", "[fruit.physical]\ncolor = \"red\"\nshape = \"round\"\n\n[[fruit]]\nname = \"apple\"\n", 5),
        ("appending to a static array", "fruits = []\n\n[[fruits]]\n", 3),
        ("table over an array of tables", "[[fruits]]\nname = \"apple\"\n[[fruits.varieties]]\nname = \"red delicious\"\n[fruits.varieties]\nname = \"granny smith\"\n", 5),
        ("array of tables over a table", "[[fruits]]\n[fruits.physical]\ncolor = \"red\"\n[[fruits.physical]]\ncolor = \"green\"\n", 4),
        ("header through a static array", "a = [1]\n[a.b]\n", 2),
        ("header through a value", "a = 1\n[a.b]\n", 2),
        ("root-level duplicate via header", "a = {}\n[a]\n", 2),
        // Headers
        ("unclosed header", "[a\nb = 1\n", 1),
        ("empty header", "[]\n", 1),
        ("header with trailing dot", "[a.]\n", 1),
        ("header with leading dot", "[.a]\n", 1),
        ("header with a bracket key", "[(ours]\n", 1),
        ("spaced array-of-tables brackets", "[ [a] ]\n", 1),
        ("half-closed array of tables", "[[a]\n", 1),
        ("text after a header", "[a] b = 1\n", 1),
        ("extra bracket after a header", "[a]]\n", 1),
        // Strings
        ("unterminated string", "a = 1\nstr = \"unterminated\n", 2),
        ("unterminated multi-line string", "a = 1\nb = \"\"\"\nabc\n", 2),
        ("unterminated literal", "a = 'abc\n", 1),
        ("unterminated multi-line literal", "a = '''\nabc\n", 1),
        ("unknown escape", "a = 1\ns = \"bad \\x escape\"\n", 2),
        ("short \\u escape", "s = \"\\u00\"\n", 1),
        ("surrogate escape", "s = \"\\uD800\"\n", 1),
        ("escape above U+10FFFF", "s = \"\\U00110000\"\n", 1),
        ("backslash then a blank then text in a multi-line string", "s = \"\"\"a\\ b\"\"\"\n", 1),
        ("raw control character in a string", "a = 1\ns = \"a\u{01}b\"\n", 2),
        ("raw DEL in a string", "s = \"a\u{7F}b\"\n", 1),
        ("raw control in a literal", "s = 'a\u{1F}b'\n", 1),
        ("raw control in a multi-line string", "s = \"\"\"\nok\n\u{08}\"\"\"\n", 3),
        ("raw NUL in a string", "s = \"a\u{0}b\"\n", 1),
        ("raw control in a comment", "a = 1 # bell \u{07}\n", 1),
        ("raw DEL in a comment", "# x\n# \u{7F}\n", 2),
        ("six quotes in a row", "a = \"\"\"x\"\"\"\"\"\"\n", 1),
        ("string continues after close", "a = \"x\"y\n", 1),
        // Line ends
        ("lone carriage return", "a = 1\rb = 2\n", 1),
        ("lone carriage return in a multi-line string", "a = \"\"\"x\ry\"\"\"\n", 1),
        // Integers
        ("leading zero", "a = 01\n", 1), ("leading zeros, negative", "a = -012\n", 1),
        ("double underscore", "a = 1__0\n", 1), ("leading underscore", "a = _1\n", 1), ("trailing underscore", "a = 1_\n", 1),
        ("signed hex", "a = +0x1\n", 1), ("capital X", "a = 0X1\n", 1), ("hex underscore first", "a = 0x_1\n", 1),
        ("octal digit 8", "a = 0o8\n", 1), ("binary digit 2", "a = 0b2\n", 1),
        ("over Int64.max", "a = 9223372036854775808\n", 1), ("under Int64.min", "a = -9223372036854775809\n", 1),
        ("hex over Int64.max", "a = 0x8000000000000000\n", 1), ("huge", "a = 99999999999999999999999\n", 1),
        ("double sign", "a = +-1\n", 1), ("sign alone", "a = +\n", 1),
        // Floats
        ("dot at the end", "a = 1.\n", 1), ("dot at the start", "a = .1\n", 1), ("empty exponent", "a = 1e\n", 1),
        ("dot before exponent", "a = 1.e5\n", 1), ("dot before exponent 2", "a = 3.e+20\n", 1),
        ("underscore before dot", "a = 1_.0\n", 1), ("underscore after dot", "a = 1._0\n", 1), ("leading zero float", "a = 01.0\n", 1),
        ("infinity spelled out", "a = infinity\n", 1), ("NaN capitalised", "a = NaN\n", 1), ("Inf capitalised", "a = Inf\n", 1),
        ("two dots", "a = 1.2.3\n", 1),
        // Booleans
        ("True capitalised", "a = True\n", 1), ("truncated true", "a = tru\n", 1),
        // Dates and times
        ("no Feb 29 in 1979", "a = 1979-02-29\n", 1), ("no Feb 29 in 1900", "a = 1900-02-29\n", 1), ("month 13", "a = 1979-13-01\n", 1),
        ("day 32", "a = 1979-01-32\n", 1), ("hour 24", "a = 1979-05-27T24:00:00\n", 1), ("minute 60", "a = 07:60:00\n", 1),
        ("second 60", "a = 07:00:60\n", 1), ("no seconds", "a = 07:32\n", 1), ("date-time without seconds", "a = 1979-05-27T07:32\n", 1),
        ("offset hour 25", "a = 1979-05-27T07:32:00+25:00\n", 1), ("short month", "a = 1979-5-27\n", 1), ("empty fraction", "a = 07:32:00.\n", 1),
        ("two spaces before the time", "a = 1979-05-27  07:32:00\n", 1), ("bad T time", "strt = 2026-11-02T-09:00\n", 1),
        ("offset without minutes", "a = 1979-05-27T07:32:00+07\n", 1), ("time with offset", "a = 07:32:00Z\n", 1),
        // Arrays
        ("double comma", "a = [1,,2]\n", 1), ("only a comma", "a = [,]\n", 1), ("missing comma", "a = [1 2]\n", 1),
        ("unclosed array", "a = [1,\n2\n", 3), ("array closed by a brace", "a = [1}\n", 1), ("comma on its own line", "a = [1,\n ,]\n", 2),
        // Inline tables
        ("trailing comma in an inline table", "a = {x = 1,}\n", 1), ("newline in an inline table", "a = {x = 1\n}\n", 1),
        ("duplicate key in an inline table", "a = {x = 1, x = 2}\n", 1), ("dotted duplicate in an inline table", "a = {x.y = 1, x = 2}\n", 1),
        ("comma only", "a = { , }\n", 1), ("unclosed inline table", "a = {x = 1", 1),
    ]

    @Test("invalid documents are refused with an error on the right line", arguments: cases)
    func invalid(_ name: String, _ text: String, _ line: Int) {
        do {
            let doc = try TOMLDocument(parsing: text)
            Issue.record("\(name): accepted as \(TOMLRender.render(doc.root))")
        } catch {
            #expect(error.line == line, "\(name): \(error)")
            #expect(!error.message.isEmpty && error.column >= 1)
        }
    }

    @Test("bytes that are not UTF-8 are an error at their line")
    func invalidUTF8() {
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]] {
            let bytes = Array("a = 1\nb = \"".utf8) + bad + Array("\"\n".utf8)
            #expect(throws: TOMLError.self) { try TOMLDocument(parsing: bytes) }
            do { _ = try TOMLDocument(parsing: bytes) } catch { #expect(error.line == 2) }
        }
    }

    @Test("arrays and inline tables 64 deep are fine; 65 deep is an error, not a stack overflow")
    func valueDepth() throws {
        _ = try TOMLDocument(parsing: "a = " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n")
        _ = try TOMLDocument(parsing: "a = " + String(repeating: "{b = ", count: 63) + "[]" + String(repeating: "}", count: 63) + "\n")
        for text in ["a = " + String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "\n",
                     "a = " + String(repeating: "[", count: 100_000) + "\n",
                     "a = " + String(repeating: "{b = ", count: 100_000) + "\n",
                     "a = " + String(repeating: "[{b = ", count: 50_000) + "\n"] {
            #expect(throws: TOMLError.self) { try TOMLDocument(parsing: text) }
        }
    }

    @Test("tables 64 deep are fine; deeper ones (by header, dotted key or inline table) are errors")
    func tableDepth() throws {
        let ok = (1...64).map { "k\($0)" }.joined(separator: ".")
        _ = try TOMLDocument(parsing: "[\(ok)]\nx = 1\n")
        _ = try TOMLDocument(parsing: "\(ok) = 1\n")
        let deep = (1...20_000).map { _ in "a" }.joined(separator: ".")
        for text in ["[\(ok).k65]\n", "\(ok).k65.k66 = 1\n", "[\(deep)]\n", "\(deep) = 1\n", "x = {\(deep) = 1}\n", "[[\(deep)]]\n"] {
            #expect(throws: TOMLError.self) { try TOMLDocument(parsing: text) }
        }
    }
}
