import Foundation

/// One VEVENT of an iCalendar export: times are written in UTC (`YYYYMMDDTHHMMSSZ`).
public struct ICalendarEvent: Sendable {
    public var uid: String
    public var start: Date
    public var end: Date
    public var summary: String
    public var description: String?
    public var categories: [String]

    public init(uid: String, start: Date, end: Date, summary: String, description: String? = nil, categories: [String] = []) {
        self.uid = uid
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.categories = categories
    }
}

/// Writes an RFC 5545 calendar: CRLF line endings, content lines folded at 75 octets (never inside a
/// UTF-8 sequence), TEXT values escaped (`\\`, `\;`, `\,`, `\n`), UTC date-times and a DTSTAMP.
public enum ICalendarWriter {
    /// The whole VCALENDAR text; `stamp` is the DTSTAMP of every event (the export's instant).
    public static func calendar(name: String, events: [ICalendarEvent], stamp: Date) -> String {
        var out = ""
        func line(_ name: String, _ value: String) { out += fold(name + ":" + value) }
        line("BEGIN", "VCALENDAR")
        line("VERSION", "2.0")
        line("PRODID", "-//Meridian//On-call export//EN")
        line("CALSCALE", "GREGORIAN")
        line("METHOD", "PUBLISH")
        line("X-WR-CALNAME", escapeText(name))
        for e in events {
            line("BEGIN", "VEVENT")
            line("UID", escapeText(e.uid))
            line("DTSTAMP", utc(stamp))
            line("DTSTART", utc(e.start))
            line("DTEND", utc(e.end))
            line("SUMMARY", escapeText(e.summary))
            if let d = e.description { line("DESCRIPTION", escapeText(d)) }
            if !e.categories.isEmpty { line("CATEGORIES", e.categories.map(escapeText).joined(separator: ",")) }
            line("TRANSP", "TRANSPARENT")
            line("END", "VEVENT")
        }
        line("END", "VCALENDAR")
        return out
    }

    /// `20261102T080000Z` (whole seconds, rounded down).
    public static func utc(_ t: Date) -> String {
        let s = LocalDateTime(naiveSeconds: Int(t.timeIntervalSince1970.rounded(.down)))
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", s.date.year, s.date.month, s.date.day, s.hour, s.minute, s.second)
    }

    /// TEXT escaping of RFC 5545 §3.3.11; other control characters are dropped (not allowed in TEXT).
    public static func escapeText(_ s: String) -> String {
        var out = ""
        var previousCR = false
        for u in s.unicodeScalars {
            defer { previousCR = u == "\r" }
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\u{2028}", "\u{2029}": out += "\\n"
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Folds one content line: at most 75 octets per physical line, continuations start with a space,
    /// every line ends with CRLF.
    public static func fold(_ contentLine: String) -> String {
        var out = ""
        var width = 0
        var limit = 75
        for ch in contentLine.unicodeScalars {
            let n = String(ch).utf8.count
            if width + n > limit {
                out += "\r\n "
                width = 0
                limit = 74 // the leading space counts toward the 75 octets
            }
            out.unicodeScalars.append(ch)
            width += n
        }
        return out + "\r\n"
    }
}
