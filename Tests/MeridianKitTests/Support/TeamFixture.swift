import Foundation
@testable import MeridianKit

/// A small team directory built by a test in a fresh temp folder, removed when the fixture dies.
final class TeamFixture {
    let path: String

    init(teamToml: String? = "name = \"Fixture\"\n") {
        path = NSTemporaryDirectory() + "meridian-fixture-" + UUID().uuidString.lowercased()
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if let teamToml { write("team.toml", teamToml) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes (replaces) a file relative to TEAM, creating folders.
    func write(_ relative: String, _ text: String) { writeBytes(relative, Array(text.utf8)) }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) {
        let full = path + "/" + relative
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
    }

    /// Appends to a file relative to TEAM (creating it).
    func append(_ relative: String, _ text: String) {
        let full = path + "/" + relative
        if !FileManager.default.fileExists(atPath: full) { write(relative, ""); }
        let h = FileHandle(forWritingAtPath: full)!
        h.seekToEndOfFile()
        h.write(Data(text.utf8))
        try! h.close()
    }

    func mkdir(_ relative: String) {
        try! FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to target: String) {
        let full = path + "/" + relative
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    /// A member file with a zone and weekday hours.
    func member(_ id: String, zone: String = "Europe/Berlin", hours: String = "mon = \"09:00-17:00\"") {
        write("members/\(id).toml", "name = \"\(id.capitalized)\"\ntimezone = \"\(zone)\"\n[hours]\n\(hours)\n")
    }

    func load() throws -> TeamSnapshot { try Team(path: path).snapshot }
}

/// Journal lines written by hand (independently of `JournalWriter`), one JSON object each.
enum Line {
    static func event(id: String, lc: Int64, by: String, op: String, at: String = "2026-11-25T10:00:00Z", _ fields: String = "") -> String {
        "{\"id\":\"\(id)\",\"lc\":\(lc),\"at\":\"\(at)\",\"by\":\"\(by)\",\"op\":\"\(op)\"\(fields.isEmpty ? "" : "," + fields)}\n"
    }

    static func create(_ task: String, id: String, lc: Int64, by: String = "ann", title: String? = nil, column: String? = nil) -> String {
        var f = "\"task\":\"\(task)\",\"title\":\"\(title ?? "Task \(task)")\""
        if let column { f += ",\"column\":\"\(column)\"" }
        return event(id: id, lc: lc, by: by, op: "task.create", f)
    }

    static func claim(_ task: String, id: String, lc: Int64, by: String) -> String {
        event(id: id, lc: lc, by: by, op: "task.claim", "\"task\":\"\(task)\"")
    }

    static func move(_ task: String, to column: String, id: String, lc: Int64, by: String = "ann") -> String {
        event(id: id, lc: lc, by: by, op: "task.move", "\"task\":\"\(task)\",\"column\":\"\(column)\"")
    }
}
