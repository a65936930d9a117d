import Foundation
@testable import MeridianKit

/// A throwaway team directory for board tests, with journal lines written by hand.
struct BoardTestTeam {
    let path: String

    init(columns: [String] = ["Todo", "Doing", "Done"], extraToml: String = "", members: [String] = ["ana", "ben", "cho"]) throws {
        path = NSTemporaryDirectory() + "meridian-board-\(UUID().uuidString)"
        let fm = FileManager.default
        for sub in ["members", "journal"] { try fm.createDirectory(atPath: path + "/" + sub, withIntermediateDirectories: true) }
        let cols = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        try "name = \"Test\"\ncolumns = [\(cols)]\n\(extraToml)\n".write(toFile: path + "/team.toml", atomically: true, encoding: .utf8)
        for m in members {
            try "name = \"\(m)\"\ntimezone = \"UTC\"\n[hours]\nmon = \"09:00-17:00\"\n".write(toFile: path + "/members/\(m).toml", atomically: true, encoding: .utf8)
        }
    }

    /// Appends raw lines to `journal/<member>/<device>.jsonl`.
    func append(_ lines: [String], member: String, device: String = "d") throws {
        let dir = path + "/journal/\(member)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/\(device).jsonl"
        if !FileManager.default.fileExists(atPath: file) { _ = FileManager.default.createFile(atPath: file, contents: nil) }
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        defer { try? h.close() }
        try h.seekToEnd()
        try h.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    func snapshot() throws -> TeamSnapshot { try Team(path: path).snapshot }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// One hand-written event line: `ev(1000, "ana", "task.claim", ["task": "t1"])`.
func ev(_ lc: Int64, _ by: String, _ op: String, _ fields: [String: Any], id: String? = nil, at: String? = nil) -> String {
    var obj: [String: Any] = ["id": id ?? "e\(lc)-\(by)", "lc": lc, "by": by, "op": op,
                              "at": at ?? Instant.format(Date(timeIntervalSince1970: Double(lc) / 1000))]
    for (k, v) in fields { obj[k] = v }
    let data = try! JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}
