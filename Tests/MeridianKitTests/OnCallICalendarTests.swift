import Foundation
import Testing
@testable import MeridianKit

/// The iCalendar writer: octet-exact folding, CRLF, TEXT escaping, checked by Python's `icalendar`.
@Suite struct OnCallICalendarTests {
    static let awkward = "Ünïcödé — 日本語のテキスト, with; commas\\backslashes\nand a newline, long enough to fold several times over: 🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨"

    @Test func linesAreFoldedAt75OctetsWithCRLF() {
        let text = ICalendarWriter.calendar(name: "Team; A, B", events: [
            ICalendarEvent(uid: "u1@x", start: Date(timeIntervalSince1970: 1_790_000_000), end: Date(timeIntervalSince1970: 1_790_086_400),
                           summary: Self.awkward, description: Self.awkward + Self.awkward),
        ], stamp: Date(timeIntervalSince1970: 1_789_000_000))
        let bytes = Array(text.utf8)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        var lines: [[UInt8]] = []
        var cur: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D {
                #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "a CR not followed by LF")
                lines.append(cur); cur = []; i += 2; continue
            }
            #expect(bytes[i] != 0x0A, "a bare LF")
            cur.append(bytes[i]); i += 1
        }
        #expect(cur.isEmpty)
        for l in lines {
            #expect(l.count <= 75, "line of \(l.count) octets")
            #expect(String(validating: l, as: UTF8.self) != nil, "a fold split a UTF-8 sequence")
        }
        #expect(lines.contains { $0.first == 0x20 }, "the long lines were folded")
        #expect(text.contains("DTSTART:20260921T"), "UTC date-time form")
    }

    @Test func escapingFollowsRFC5545() {
        #expect(ICalendarWriter.escapeText("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
        #expect(ICalendarWriter.utc(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
    }

    @Test func pythonIcalendarReadsItBack() throws {
        let start = Date(timeIntervalSince1970: 1_790_000_000), end = Date(timeIntervalSince1970: 1_790_086_400)
        let text = ICalendarWriter.calendar(name: "Team", events: [
            ICalendarEvent(uid: "u1@x", start: start, end: end, summary: Self.awkward, description: "d,1;2"),
            ICalendarEvent(uid: "u2@x", start: end, end: end.addingTimeInterval(3600), summary: "plain"),
        ], stamp: start)
        let script = """
        import sys, json
        try:
            import icalendar
        except ImportError:
            sys.stderr.write('the Python package icalendar is not installed: run pip install icalendar'); sys.exit(3)
        cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
        out = []
        for e in cal.walk('VEVENT'):
            out.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'description': str(e.get('DESCRIPTION', '')),
                        'start': int(e.decoded('DTSTART').timestamp()), 'end': int(e.decoded('DTEND').timestamp()),
                        'utc': e.decoded('DTSTART').utcoffset().total_seconds() == 0, 'stamp': int(e.decoded('DTSTAMP').timestamp())})
        print(json.dumps(out))
        """
        let out = try #require(OnCallOracle.python(script, input: text), "python3 with the icalendar package is required (pip install icalendar)")
        let events = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        try #require(events.count == 2)
        #expect(events[0]["uid"] as? String == "u1@x")
        #expect(events[0]["summary"] as? String == Self.awkward)
        #expect(events[0]["description"] as? String == "d,1;2")
        #expect(events[0]["start"] as? Int == Int(start.timeIntervalSince1970))
        #expect(events[0]["end"] as? Int == Int(end.timeIntervalSince1970))
        #expect(events[0]["utc"] as? Bool == true)
        #expect(events[0]["stamp"] as? Int == Int(start.timeIntervalSince1970))
        #expect(events[1]["summary"] as? String == "plain")
    }
}
