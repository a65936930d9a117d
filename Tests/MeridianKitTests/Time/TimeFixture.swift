import Foundation
@testable import MeridianKit

/// A throw-away team directory written by a test and loaded with `Team(path:)`.
struct TimeFixture {
    let path: String

    init(members: [String: String], journal: [String] = []) {
        path = NSTemporaryDirectory() + "meridian-time-" + UUID().uuidString
        let fm = FileManager.default
        try! fm.createDirectory(atPath: path + "/members", withIntermediateDirectories: true)
        try! fm.createDirectory(atPath: path + "/journal/x", withIntermediateDirectories: true)
        try! "name = \"T\"\n".write(toFile: path + "/team.toml", atomically: true, encoding: .utf8)
        for (id, toml) in members { try! toml.write(toFile: path + "/members/\(id).toml", atomically: true, encoding: .utf8) }
        let lines = journal.enumerated().map { i, l in Self.event(l, lc: i + 1) }
        try! lines.joined().write(toFile: path + "/journal/x/d.jsonl", atomically: true, encoding: .utf8)
    }

    /// Adds `id` and `lc` to an event body like `"by":"a","op":"status.set",…`.
    static func event(_ body: String, lc: Int) -> String {
        "{\"id\":\"e\(lc)\",\"lc\":\(lc),\(body)}\n"
    }

    var snapshot: TeamSnapshot { try! Team(path: path).snapshot }

    static func member(_ zone: String, _ hours: [String: String]) -> String {
        var s = "name = \"M\"\ntimezone = \"\(zone)\"\n[hours]\n"
        for (d, r) in hours.sorted(by: { $0.key < $1.key }) { s += "\(d) = \"\(r)\"\n" }
        return s
    }

    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static func everyDay(_ zone: String, _ range: String) -> String {
        member(zone, Dictionary(uniqueKeysWithValues: weekdays.map { ($0, range) }))
    }
}

func at(_ iso: String) -> Date { Instant.parse(iso)! }
func secs(_ d: Date) -> Int { Int(d.timeIntervalSince1970) }
