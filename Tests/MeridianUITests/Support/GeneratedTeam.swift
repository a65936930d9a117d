import Foundation
import MeridianKit
@testable import MeridianUI

/// A small generated team (`BigTeamGenerator`) in a fresh temporary folder, with the writes a
/// test makes to it: teammates' events, config edits, and what sync tools leave behind.
struct GeneratedTeam {
    let path: String
    let team: Team
    let generator: BigTeamGenerator

    static let config = BigTeamGenerator.Config(members: 20, zones: 14, tasks: 240, events: 3000, files: 26, seed: 0xD1FF)

    init(config: BigTeamGenerator.Config = GeneratedTeam.config) throws {
        generator = BigTeamGenerator(config: config)
        path = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-gen-\(UUID().uuidString)").path
        try generator.write(to: path)
        team = try Team(path: path)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    var members: [String] { generator.memberIDs }

    /// Appends one event as `member` (on their laptop) and reloads the journals.
    func append(_ member: String, _ op: String, _ fields: [(key: String, value: JSONValue)], at: Date) throws {
        let writer = JournalWriter(teamPath: path, member: member, device: "laptop")
        _ = try writer.append(op: op, fields: fields, now: at, largestLC: team.snapshot.state.maxLC)
        try team.reload(configChanged: false)
    }

    /// Replaces a file under TEAM and reloads everything.
    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + relative))
        try team.reload(configChanged: true)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    /// Appends raw bytes to a journal file (a bad line, a duplicate) and reloads.
    func appendRaw(_ relative: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path + "/" + relative))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        try team.reload(configChanged: false)
    }

    /// A journal file of `member` (as generated).
    func journal(of member: String) -> String { "journal/\(member)/laptop.jsonl" }
}
