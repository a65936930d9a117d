import Foundation
import Testing
import MeridianKit

/// Random damage to valid documents (fixed seeds, bounded counts): the parser never crashes,
/// stays fast, reports errors inside the text, round-trips what it accepts, and agrees with an
/// independent TOML 1.0 parser (Python's tomllib) on what is TOML and what it holds.
@Suite("TOML: robustness")
struct TOMLRobustnessTests {
    /// The valid documents of the table-driven suite plus TEAM-shaped files.
    static let seeds: [String] = TOMLValidDocumentTests.cases.map(\.1) + [
        "name = \"Priya Raman\"\ntimezone = \"Asia/Kolkata\"\nhandle = \"@priya\"\n[hours]\nmon = \"09:30-18:00\"\ntue = [\"09:30-13:00\", \"14:00-18:00\"]\n",
        "name = \"Primary\"\ntimezone = \"Europe/Berlin\"\nstart = 2026-11-02 09:00:00\nshift = \"1w\"\nmembers = [\"alice\", \"bob\"]\n[[restrict]]\ndays = \"mon-fri\"\ntime = \"09:00-17:00\"\n",
        "name = \"Platform\"\ncolumns = [\"Todo\", \"Doing\", \"Review\", \"Done\"]\n[wip]\nDoing = 3\n[board]\nstale_claim_days = 5.5\n",
    ]

    /// Applies 1-3 random edits: delete, insert a TOML-significant byte, replace, or copy a slice.
    static func mutate(_ text: String, _ rng: inout SeededRandom) -> [UInt8] {
        var b = Array(text.utf8)
        let alphabet = Array("\"'[]{}=,.#\n\r\t \\_-+:0123456789eExobTZ:u".utf8) + [0xC3, 0xA9, 0x7F, 0x00, 0x01, 0xFF]
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0 where !b.isEmpty: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...3, using: &rng)))
            case 1: b.insert(alphabet.randomElement(using: &rng)!, at: at)
            case 2 where !b.isEmpty: b[at] = alphabet.randomElement(using: &rng)!
            default:
                guard !b.isEmpty else { continue }
                let len = Int.random(in: 1...min(12, b.count - at), using: &rng)
                let slice = Array(b[at..<(at + len)])
                b.insert(contentsOf: slice, at: Int.random(in: 0...b.count, using: &rng))
            }
        }
        return b
    }

    /// Parses `bytes` again from what `TOMLWriter` makes of its result: same values.
    static func roundTrips(_ doc: TOMLDocument) -> Bool {
        guard let again = try? TOMLDocument(parsing: TOMLWriter.write(doc.root)) else { return false }
        return TOMLRender.render(again.root, exact: true) == TOMLRender.render(doc.root, exact: true)
    }

    @Test("every valid document round-trips through a writer")
    func roundTrip() throws {
        for text in Self.seeds {
            let doc = try TOMLDocument(parsing: text)
            #expect(Self.roundTrips(doc), "\(text)")
        }
    }

    @Test("20,000 mutated documents: no crash, errors inside the text, accepted ones round-trip, all within seconds")
    func mutations() {
        var rng = SeededRandom(seed: 0x70_4D4C)
        let clock = ContinuousClock()
        let started = clock.now
        var accepted = 0
        for i in 0..<20_000 {
            let bytes = Self.mutate(Self.seeds[i % Self.seeds.count], &rng)
            do {
                let doc = try TOMLDocument(parsing: bytes)
                accepted += 1
                #expect(Self.roundTrips(doc), "\(String(decoding: bytes, as: UTF8.self))")
            } catch {
                let lines = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                #expect(error.line >= 1 && error.line <= lines && error.column >= 1, "\(error) in \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
        #expect(accepted > 1_000 && accepted < 19_000, "mutations should give both valid and invalid TOML (\(accepted) accepted)")
        #expect(clock.now - started < .seconds(20))
    }

    @Test("the hand-written cases and 6,000 mutated documents: accepted and refused exactly as Python's tomllib does, with the same values")
    func agreesWithTomllib() throws {
        var rng = SeededRandom(seed: 0xD1FF)
        var inputs: [[UInt8]] = (Self.seeds + TOMLInvalidDocumentTests.cases.map(\.1)).map { Array($0.utf8) }
        while inputs.count < 6_000 { inputs.append(Self.mutate(Self.seeds[inputs.count % Self.seeds.count], &rng)) }
        let hex = inputs.map { $0.map { String(format: "%02x", $0) }.joined() }.joined(separator: "\n")
        guard let out = OnCallOracle.python(Self.tomllibScript, input: hex) else { return }
        let answers = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(answers.count >= inputs.count)
        var disagreements = 0
        for (bytes, theirs) in zip(inputs, answers) {
            let ours: String
            do { ours = "OK " + TOMLRender.render(try TOMLDocument(parsing: bytes).root, exact: true) } catch { ours = "ERR" }
            if ours != theirs {
                disagreements += 1
                if disagreements <= 10 {
                    Issue.record("\(String(decoding: bytes, as: UTF8.self).debugDescription)\n ours:    \(ours)\n tomllib: \(theirs)")
                }
            }
        }
        #expect(disagreements == 0)
    }

    @Test("256 KiB of the worst shapes parse (or fail) in linear time: under two seconds each, even in a debug build")
    func bigInputsAreLinear() {
        let size = 256 * 1024
        func fill(_ unit: String) -> String { String(repeating: unit, count: size / unit.utf8.count) }
        let shapes = [
            fill("[[a]]\n"), fill("[[a.b]]\nc = 1\n"), "a = [" + fill("1, ") + "]\n", "a = {" + fill("k = 1, ").dropLast(2) + "}\n",
            fill("x = 1\n"), "s = \"" + fill("\\u00e9") + "\"\n", "s = \"\"\"" + fill("\\\n  ") + "\"\"\"\n", fill("# comment\n"),
            "a = [" + fill("[], ") + "]\n", (0..<10_000).map { "k\($0).x = 1\n" }.joined(),
        ]
        let clock = ContinuousClock()
        for text in shapes {
            let started = clock.now
            _ = try? TOMLDocument(parsing: text)
            #expect(clock.now - started < .seconds(2), "\(text.prefix(20))…")
        }
    }

    /// Reads hex-encoded documents, one a line; prints `ERR` or `OK ` and the value as `TOMLRender` (exact) does.
    static let tomllibScript = #"""
    import sys, tomllib, datetime, struct
    BARE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
    def q(s):
        out = '"'
        for ch in s:
            o = ord(ch)
            if ch == '"': out += '\\"'
            elif ch == '\\': out += '\\\\'
            elif ch == '\n': out += '\\n'
            elif ch == '\t': out += '\\t'
            elif ch == '\r': out += '\\r'
            elif o < 0x20 or o == 0x7f: out += '\\u{%X}' % o
            else: out += ch
        return out + '"'
    def key(k): return k if k and all(c in BARE for c in k) else q(k)
    def t(x): return '%02d:%02d:%02d.%06d' % (x.hour, x.minute, x.second, x.microsecond)
    def d(x): return '%04d-%02d-%02d' % (x.year, x.month, x.day)
    def r(v):
        if isinstance(v, bool): return 'true' if v else 'false'
        if isinstance(v, int):
            if not -2**63 <= v < 2**63: raise ValueError('TOML integers are 64-bit; tomllib does not check')
            return str(v)
        if isinstance(v, float):
            if v != v: return 'nan'
            return 'f%x' % struct.unpack('<Q', struct.pack('<d', v))[0]
        if isinstance(v, str): return q(v)
        if isinstance(v, list): return '[' + ', '.join(r(x) for x in v) + ']'
        if isinstance(v, dict): return '{' + ', '.join(key(k) + ': ' + r(x) for k, x in v.items()) + '}'
        if isinstance(v, datetime.datetime):
            s = d(v) + 'T' + t(v)
            if v.tzinfo is None: return s
            m = int(v.utcoffset().total_seconds()) // 60
            return s + ('-' if m < 0 else '+') + '%02d:%02d' % (abs(m) // 60, abs(m) % 60)
        if isinstance(v, datetime.date): return d(v)
        if isinstance(v, datetime.time): return t(v)
        raise TypeError(type(v))
    for line in sys.stdin.read().split('\n'):
        try:
            text = bytes.fromhex(line).decode('utf-8')
            if text.startswith('\ufeff'): text = text[1:]   # a BOM is accepted (TOML says nothing; Meridian's files may have one)
            print('OK ' + r(tomllib.loads(text)))
        except Exception:
            print('ERR')
    """#
}
