import Testing
import MeridianKit

/// Valid TOML v1.0.0 documents, mostly the examples of the TOML 1.0 specification, each with the
/// values it must give (rendered by `TOMLRender`).
@Suite("TOML: valid documents")
struct TOMLValidDocumentTests {
    static let cases: [(String, String, String)] = [
        // Comments and keys
        ("comments", "# This is a full-line comment\nkey = \"value\"  # This is a comment at the end of a line\nanother = \"# This is not a comment\"\n",
         ##"{key: "value", another: "# This is not a comment"}"##),
        ("bare keys", "key = \"v\"\nbare_key = \"v\"\nbare-key = \"v\"\n1234 = \"v\"\n", #"{key: "v", bare_key: "v", bare-key: "v", 1234: "v"}"#),
        ("quoted keys", "\"127.0.0.1\" = \"a\"\n\"character encoding\" = \"b\"\n\"ʎǝʞ\" = \"c\"\n'key2' = \"d\"\n'quoted \"value\"' = \"e\"\n",
         #"{"127.0.0.1": "a", "character encoding": "b", "ʎǝʞ": "c", key2: "d", "quoted \"value\"": "e"}"#),
        ("empty quoted keys", "\"\" = \"blank\"\n", #"{"": "blank"}"#),
        ("empty literal key", "'' = 'blank'\n", #"{"": "blank"}"#),
        ("dotted keys", "name = \"Orange\"\nphysical.color = \"orange\"\nphysical.shape = \"round\"\nsite.\"google.com\" = true\n",
         #"{name: "Orange", physical: {color: "orange", shape: "round"}, site: {"google.com": true}}"#),
        ("blanks around dots", "fruit.name = \"banana\"\nfruit. color = \"yellow\"\nfruit . flavor = \"banana\"\n", #"{fruit: {name: "banana", color: "yellow", flavor: "banana"}}"#),
        ("a float-like key is two keys", "3.14159 = \"pi\"\n", #"{3: {14159: "pi"}}"#),
        ("dotted keys out of order", "apple.type = \"fruit\"\norange.type = \"fruit\"\napple.skin = \"thin\"\n", #"{apple: {type: "fruit", skin: "thin"}, orange: {type: "fruit"}}"#),
        ("keys that look like values", "true = 1\ninf = 2\n2026-11-02 = 3\n1-2 = 4\n", "{true: 1, inf: 2, 2026-11-02: 3, 1-2: 4}"),
        ("blank lines, tabs and no final newline", "\n\t a\t=\t1\t\n\n  b = 2", "{a: 1, b: 2}"),
        ("an empty document", "", "{}"),
        ("only comments", "# a\n  # b\n", "{}"),

        // Strings
        ("basic string escapes", #"str = "I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF.""# + "\n",
         #"{str: "I'm a string. \"You can quote me\". Name\tJosé\nLocation\tSF."}"#),
        ("every escape", #"s = "\b\t\n\f\r\"\\\u00e9\U0001F600\u0000""# + "\n", #"{s: "\u{8}\t\n\u{C}\r\"\\é😀\u{0}"}"#),
        ("multi-line basic", "str1 = \"\"\"\nRoses are red\nViolets are blue\"\"\"\n", #"{str1: "Roses are red\nViolets are blue"}"#),
        ("line-ending backslash", "str2 = \"\"\"\nThe quick brown \\\n\n\n  fox jumps over \\\n    the lazy dog.\"\"\"\n",
         #"{str2: "The quick brown fox jumps over the lazy dog."}"#),
        ("line-ending backslash with blanks after it", "str3 = \"\"\"\\  \t\n       The quick brown \\\n       fox jumps over \\\n       the lazy dog.\\\n       \"\"\"\n",
         #"{str3: "The quick brown fox jumps over the lazy dog."}"#),
        ("quotes in multi-line basic", "str4 = \"\"\"Here are two quotation marks: \"\". Simple enough.\"\"\"\nstr5 = \"\"\"Here are three quotation marks: \"\"\\\".\"\"\"\nstr7 = \"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\"\n",
         #"{str4: "Here are two quotation marks: \"\". Simple enough.", str5: "Here are three quotation marks: \"\"\".", str7: "\"This,\" she said, \"is just a pointless statement.\""}"#),
        ("literal strings", #"winpath = 'C:\Users\nodejs\templates'"# + "\n" + #"quoted = 'Tom "Dubs" Preston-Werner'"# + "\n" + #"regex = '<\i\c*\s*>'"# + "\n",
         #"{winpath: "C:\\Users\\nodejs\\templates", quoted: "Tom \"Dubs\" Preston-Werner", regex: "<\\i\\c*\\s*>"}"#),
        ("multi-line literal", "regex2 = '''I [dw]on't need \\d{2} apples'''\nlines = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''\n",
         #"{regex2: "I [dw]on't need \\d{2} apples", lines: "The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n"}"#),
        ("quotes in multi-line literal", "quot15 = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''\nstr = ''''That,' she said, 'is still pointless.''''\n",
         #"{quot15: "Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"", str: "'That,' she said, 'is still pointless.'"}"#),
        ("tabs and non-ASCII in strings", "a = \"x\ty 日本\"\nb = 'x\ty é'\n", #"{a: "x\ty 日本", b: "x\ty é"}"#),
        ("empty strings", "a = \"\"\nb = ''\nc = \"\"\"\"\"\"\nd = ''''''\n", #"{a: "", b: "", c: "", d: ""}"#),
        ("CRLF inside a multi-line string is a line end", "a = \"\"\"\r\nx\r\ny\"\"\"\r\n", #"{a: "x\ny"}"#),

        // Integers
        ("decimal integers", "int1 = +99\nint2 = 42\nint3 = 0\nint4 = -17\nint5 = 1_000\nint6 = 5_349_221\nint7 = 53_49_221\nint8 = 1_2_3_4_5\nz1 = -0\nz2 = +0\n",
         "{int1: 99, int2: 42, int3: 0, int4: -17, int5: 1000, int6: 5349221, int7: 5349221, int8: 12345, z1: 0, z2: 0}"),
        ("hex, octal and binary", "hex1 = 0xDEADBEEF\nhex2 = 0xdeadbeef\nhex3 = 0xdead_beef\noct1 = 0o01234567\noct2 = 0o755\nbin1 = 0b11010110\nz = 0x00\n",
         "{hex1: 3735928559, hex2: 3735928559, hex3: 3735928559, oct1: 342391, oct2: 493, bin1: 214, z: 0}"),
        ("64-bit limits", "max = 9223372036854775807\nmin = -9223372036854775808\nhex = 0x7FFFFFFFFFFFFFFF\nbin = 0b111111111111111111111111111111111111111111111111111111111111111\n",
         "{max: 9223372036854775807, min: -9223372036854775808, hex: 9223372036854775807, bin: 9223372036854775807}"),

        // Floats
        ("floats", "flt1 = +1.0\nflt2 = 3.1415\nflt3 = -0.01\nflt4 = 5e+22\nflt5 = 1e06\nflt6 = -2E-2\nflt7 = 6.626e-34\nflt8 = 224_617.445_991_228\nflt9 = 0e0\nflt10 = 1e1_0\n",
         "{flt1: 1.0, flt2: 3.1415, flt3: -0.01, flt4: 5e+22, flt5: 1000000.0, flt6: -0.02, flt7: 6.626e-34, flt8: 224617.445991228, flt9: 0.0, flt10: 10000000000.0}"),
        ("special floats", "sf1 = inf\nsf2 = +inf\nsf3 = -inf\nsf4 = nan\nsf5 = +nan\nsf6 = -nan\nz1 = -0.0\nz2 = +0.0\n",
         "{sf1: inf, sf2: inf, sf3: -inf, sf4: nan, sf5: nan, sf6: nan, z1: -0.0, z2: 0.0}"),

        // Booleans
        ("booleans", "bool1 = true\nbool2 = false\n", "{bool1: true, bool2: false}"),

        // Dates and times
        ("offset date-times", "odt1 = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00-07:00\nodt3 = 1979-05-27T00:32:00.999999-07:00\nodt4 = 1979-05-27 07:32:00Z\nodt5 = 1979-05-27t07:32:00z\nodt6 = 2026-11-02T09:00:00+05:45\n",
         "{odt1: 1979-05-27T07:32:00+00:00, odt2: 1979-05-27T00:32:00-07:00, odt3: 1979-05-27T00:32:00.999999-07:00, odt4: 1979-05-27T07:32:00+00:00, odt5: 1979-05-27T07:32:00+00:00, odt6: 2026-11-02T09:00:00+05:45}"),
        ("local date-times", "ldt1 = 1979-05-27T07:32:00\nldt2 = 1979-05-27T00:32:00.999999\nldt3 = 2026-11-02 09:00:00\n",
         "{ldt1: 1979-05-27T07:32:00, ldt2: 1979-05-27T00:32:00.999999, ldt3: 2026-11-02T09:00:00}"),
        ("local dates, leap days", "ld1 = 1979-05-27\nleap = 2024-02-29\nleap400 = 2000-02-29\nend = 9999-12-31\n", "{ld1: 1979-05-27, leap: 2024-02-29, leap400: 2000-02-29, end: 9999-12-31}"),
        ("local times, fractions truncated to nanoseconds", "lt1 = 07:32:00\nlt2 = 00:32:00.999999\nlt3 = 23:59:59.1234567891\n",
         "{lt1: 07:32:00, lt2: 00:32:00.999999, lt3: 23:59:59.123456789}"),
        ("a date then a comment", "d = 1979-05-27 # a date\n", "{d: 1979-05-27}"),

        // Arrays
        ("arrays", "integers = [ 1, 2, 3 ]\ncolors = [ \"red\", \"yellow\", \"green\" ]\nnested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]\nnested_mixed_array = [ [ 1, 2 ], [\"a\", \"b\", \"c\"] ]\nstring_array = [ \"all\", 'strings', \"\"\"are the same\"\"\", '''type''' ]\n",
         #"{integers: [1, 2, 3], colors: ["red", "yellow", "green"], nested_arrays_of_ints: [[1, 2], [3, 4, 5]], nested_mixed_array: [[1, 2], ["a", "b", "c"]], string_array: ["all", "strings", "are the same", "type"]}"#),
        ("mixed-type arrays", "numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]\ncontributors = [\n  \"Foo Bar <foo@example.com>\",\n  { name = \"Baz Qux\", email = \"bazqux@example.com\" }\n]\n",
         #"{numbers: [0.1, 0.2, 0.5, 1, 2, 5], contributors: ["Foo Bar <foo@example.com>", {name: "Baz Qux", email: "bazqux@example.com"}]}"#),
        ("multi-line arrays with comments and a trailing comma", "integers2 = [\n  1, 2, 3\n]\nintegers3 = [\n  1,\n  2, # this is ok\n]\nempty = []\nempty2 = [ # nothing\n\n]\n",
         "{integers2: [1, 2, 3], integers3: [1, 2], empty: [], empty2: []}"),
        ("arrays of dates and tables", "a = [1979-05-27, 07:32:00, 1979-05-27 07:32:00, {x = 1}, [{}]]\n", "{a: [1979-05-27, 07:32:00, 1979-05-27T07:32:00, {x: 1}, [{}]]}"),

        // Tables
        ("tables", "[table-1]\nkey1 = \"some string\"\nkey2 = 123\n\n[table-2]\nkey1 = \"another string\"\nkey2 = 456\n",
         #"{table-1: {key1: "some string", key2: 123}, table-2: {key1: "another string", key2: 456}}"#),
        ("quoted and dotted headers", "[dog.\"tater.man\"]\ntype.name = \"pug\"\n", #"{dog: {"tater.man": {type: {name: "pug"}}}}"#),
        ("blanks in headers", "[a.b.c]\n[ d.e.f ]\n[ g .  h  . i ]\n[ j . \"ʞ\" . 'l' ]\n", #"{a: {b: {c: {}}}, d: {e: {f: {}}}, g: {h: {i: {}}}, j: {"ʞ": {l: {}}}}"#),
        ("a super-table after its sub-table", "[x.y.z.w]\n[x]\n", "{x: {y: {z: {w: {}}}}}"),
        ("a sub-table through dotted keys", "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n",
         #"{fruit: {apple: {color: "red", taste: {sweet: true}, texture: {smooth: true}}}}"#),
        ("top-level keys before the first header", "name = \"Fido\"\nbreed = \"pug\"\n[owner]\nname = \"Regina Dogman\"\n", #"{name: "Fido", breed: "pug", owner: {name: "Regina Dogman"}}"#),
        ("tables out of order", "[fruit.apple]\n[animal]\n[fruit.orange]\n", "{fruit: {apple: {}, orange: {}}, animal: {}}"),
        ("dotted keys into a table made along a header's way", "[a.b.c]\nz = 9\n[a]\nb.y = 1\n", "{a: {b: {c: {z: 9}, y: 1}}}"),
        ("header and comment", "[a] # comment\nb = 1 # comment\n", "{a: {b: 1}}"),

        // Inline tables
        ("inline tables", "name = { first = \"Tom\", last = \"Preston-Werner\" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = \"pug\" }\nempty = {}\n",
         #"{name: {first: "Tom", last: "Preston-Werner"}, point: {x: 1, y: 2}, animal: {type: {name: "pug"}}, empty: {}}"#),
        ("nested inline tables and arrays", "a = { b = [1, { c = 2 }], d = { e = { f = [] } } }\n", "{a: {b: [1, {c: 2}], d: {e: {f: []}}}}"),
        ("an inline table holding a multi-line array", "a = { b = [\n 1,\n 2\n] }\n", "{a: {b: [1, 2]}}"),

        // Arrays of tables
        ("array of tables", "[[products]]\nname = \"Hammer\"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = \"Nail\"\nsku = 284758393\n\ncolor = \"gray\"\n",
         #"{products: [{name: "Hammer", sku: 738594937}, {}, {name: "Nail", sku: 284758393, color: "gray"}]}"#),
        ("nested arrays of tables", "[[fruits]]\nname = \"apple\"\n\n[fruits.physical]\ncolor = \"red\"\nshape = \"round\"\n\n[[fruits.varieties]]\nname = \"red delicious\"\n\n[[fruits.varieties]]\nname = \"granny smith\"\n\n[[fruits]]\nname = \"banana\"\n\n[[fruits.varieties]]\nname = \"plantain\"\n",
         #"{fruits: [{name: "apple", physical: {color: "red", shape: "round"}, varieties: [{name: "red delicious"}, {name: "granny smith"}]}, {name: "banana", varieties: [{name: "plantain"}]}]}"#),
        ("an array of tables inside a table", "[a]\n[[a.b]]\nc = 1\n[[a.b]]\nc = 2\n", "{a: {b: [{c: 1}, {c: 2}]}}"),
        ("a static array of inline tables", "points = [ { x = 1, y = 2, z = 3 },\n           { x = 7, y = 8, z = 9 } ]\n", "{points: [{x: 1, y: 2, z: 3}, {x: 7, y: 8, z: 9}]}"),

        // Line ends and BOM
        ("CRLF line ends", "a = 1\r\n# c\r\n[t]\r\nb = \"x\"\r\n", #"{a: 1, t: {b: "x"}}"#),
        ("a leading BOM", "\u{FEFF}a = 1\n", "{a: 1}"),
    ]

    @Test("valid documents give the values the TOML 1.0 specification says", arguments: cases)
    func valid(_ name: String, _ text: String, _ expected: String) {
        #expect(TOMLRender.parse(text) == expected, "\(name)")
    }

    @Test("keys keep the order they were written in; values are typed")
    func orderAndAccessors() throws {
        let doc = try TOMLDocument(parsing: "z = 1\na = \"s\"\nm = 1.5\n[t]\nb = true\n")
        #expect(doc.root.keys == ["z", "a", "m", "t"])
        #expect(doc.root["z"]?.int == 1)
        #expect(doc.root["z"]?.double == nil, "an integer is not a float")
        #expect(doc.root["a"]?.string == "s")
        #expect(doc.root["m"]?.double == 1.5)
        #expect(doc.root["t"]?.table?["b"]?.bool == true)
        #expect(doc.root["missing"] == nil)
        #expect(doc.root["t"]?.kindDescription == "a table")
    }

    @Test("date and time values carry their fields")
    func dateFields() throws {
        let doc = try TOMLDocument(parsing: "a = 2026-11-02T09:05:07.25-03:30\n")
        guard case .offsetDateTime(let d, let t, let off)? = doc.root["a"] else { Issue.record("not an offset date-time"); return }
        #expect((d.year, d.month, d.day) == (2026, 11, 2))
        #expect((t.hour, t.minute, t.second, t.nanosecond) == (9, 5, 7, 250_000_000))
        #expect(off == -210)
    }
}
