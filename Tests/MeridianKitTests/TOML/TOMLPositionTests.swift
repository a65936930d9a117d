import Testing
import MeridianKit

/// Every value and table carries the line (and column) where it starts, also inside multi-line
/// arrays and after multi-line strings, CRLF line ends and a BOM.
@Suite("TOML: positions of values and tables")
struct TOMLPositionTests {
    @Test("values in a multi-line array each have their own line")
    func multiLineArray() throws {
        let doc = try TOMLDocument(parsing: "# hours\ntue = [\n  \"09:00-13:00\",   # morning\n\n  \"14:00-18:00\",\n  [1,\n   2],\n]\nnext = 1\n")
        let tue = try #require(doc.root.node("tue"))
        #expect(tue.position == TOMLPosition(line: 2, column: 7))
        let items = try #require(tue.value.array)
        #expect(items.map(\.line) == [3, 5, 6])
        #expect(items[0].position.column == 3)
        #expect(items[2].value.array?.map(\.line) == [6, 7])
        #expect(doc.root.node("next")?.line == 9)
    }

    @Test("a value after a multi-line string is on the right line")
    func afterMultiLineStrings() throws {
        let text = "a = \"\"\"\none\ntwo\\\n   three\"\"\"\nb = '''\nx\n'''\nc = [\"\"\"\n\"\"\", 5]\nd = 4\n"
        let doc = try TOMLDocument(parsing: text)
        #expect(doc.root.node("a")?.line == 1)
        #expect(doc.root.node("b")?.line == 5)
        #expect(doc.root.node("c")?.value.array?.map(\.line) == [8, 9])
        #expect(doc.root.node("d")?.line == 10)
        #expect(doc.root["a"]?.string == "one\ntwothree")
    }

    @Test("tables carry the line of their header; array-of-tables elements each theirs")
    func tableLines() throws {
        let doc = try TOMLDocument(parsing: "x = 1\n\n[hours]\nmon = \"a\"\n[[restrict]]\ndays = \"mon\"\n\n[[restrict]]\ntime = 1\n[a.b]\n[a]\nz = {q = 1}\nd.e = 2\n")
        #expect(doc.root.node("hours")?.line == 3)
        #expect(doc.root["hours"]?.table?.position.line == 3)
        #expect(doc.root.node("hours")?.value.table?.node("mon")?.line == 4)
        #expect(doc.root["restrict"]?.array?.map(\.line) == [5, 8])
        #expect(doc.root["restrict"]?.array?[1].value.table?.node("time")?.line == 9)
        // `a` was made along the way by [a.b] on line 10, then defined by its own header on line 11.
        #expect(doc.root.node("a")?.line == 11)
        #expect(doc.root["a"]?.table?.node("b")?.line == 10)
        #expect(doc.root["a"]?.table?.node("z")?.position == TOMLPosition(line: 12, column: 5))
        #expect(doc.root["a"]?.table?.node("d")?.line == 13)
    }

    @Test("columns count characters, not bytes; a BOM and CRLF do not shift them")
    func columns() throws {
        let doc = try TOMLDocument(parsing: "\u{FEFF}n = 1\r\n\"日本\" = \"é\"\r\nb = 2\r\n")
        #expect(doc.root.node("n")?.position == TOMLPosition(line: 1, column: 5))
        #expect(doc.root.node("日本")?.position == TOMLPosition(line: 2, column: 8))
        #expect(doc.root.node("b")?.position == TOMLPosition(line: 3, column: 5))
        do {
            _ = try TOMLDocument(parsing: "s = \"日本\" x\n")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 1 && error.column == 10, "\(error)")
        }
    }

    @Test("an error inside a long single-line array reports its column")
    func longLineColumn() {
        let items = Array(repeating: "1", count: 20_000).joined(separator: ", ")
        do {
            _ = try TOMLDocument(parsing: "a = [" + items + ", x]\n")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 1)
            #expect(error.column == 6 + items.count + 2)
        }
    }
}
