import Foundation
import Testing
import MeridianTestSupport
@testable import MeridianKit

/// Independent answers for the on-call tests: Python's zoneinfo, run by the test (never the code
/// under test), plus small builders for rotations and throwaway team directories.
enum OnCallOracle {
    /// Runs a Python script with `input` on stdin; nil (with the test failed) when python3 is missing or fails.
    static func python(_ script: String, input: String = "") -> String? {
        let result = ChildProcess.run(["python3", "-c", script], input: Data(input.utf8), deadline: 60)
        guard result.code == 0 else {
            Issue.record("python3 is needed as the time oracle of these tests and failed (exit \(result.code)): \(result.err) \(result.out)")
            return nil
        }
        return result.out
    }

    /// Wall times (`YYYY-MM-DD HH:MM`) in `zone` → instants, by zoneinfo with fold=0: a repeated wall
    /// time is its first occurrence and a wall time in a DST gap is read with the offset before the
    /// gap, i.e. moved forward by the gap's length — SPEC §2's rules.
    static func instants(_ zone: String, _ walls: [String]) -> [Date] {
        let script = """
        import sys, datetime, zoneinfo
        z = zoneinfo.ZoneInfo('\(zone)')
        for line in sys.stdin.read().split('\\n'):
            if not line: continue
            d = datetime.datetime.strptime(line, '%Y-%m-%d %H:%M').replace(tzinfo=z, fold=0)
            print(int(d.timestamp()))
        """
        guard let text = python(script, input: walls.joined(separator: "\n") + "\n") else { return [] }
        let out = text.split(separator: "\n").compactMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
        #expect(out.count == walls.count, "oracle answered \(out.count) of \(walls.count) wall times")
        return out
    }

    static func instant(_ zone: String, _ wall: String) -> Date { instants(zone, [wall]).first ?? .distantPast }

    /// Instants → `YYYY-MM-DD HH:MM` wall times in `zone`, by zoneinfo.
    static func walls(_ zone: String, _ instants: [Date]) -> [String] {
        let script = """
        import sys, datetime, zoneinfo
        z = zoneinfo.ZoneInfo('\(zone)')
        for line in sys.stdin.read().split():
            print(datetime.datetime.fromtimestamp(int(line), z).strftime('%Y-%m-%d %H:%M'))
        """
        let input = instants.map { String(Int($0.timeIntervalSince1970)) }.joined(separator: "\n") + "\n"
        return python(script, input: input)?.split(separator: "\n").map(String.init) ?? []
    }

    /// `YYYY-MM-DD` plus `days`, as text (plain calendar arithmetic, no zone involved).
    static func day(_ iso: String, plus days: Int) -> String {
        LocalDate(iso: iso)!.adding(days: days).description
    }
}

/// Builders shared by the on-call suites.
enum OnCallFixture {
    static func rotation(_ id: String = "primary", zone: String, start: String, shift: String, members: [String], restrict: [(String, String)] = []) -> RotationConfig {
        let windows = restrict.map { days, time -> RestrictWindow in
            guard case .success(let range) = HourRange.parse(time) else { fatalError("bad range in test") }
            return RestrictWindow(days: DaySet.parse(days)!, range: range)
        }
        return RotationConfig(id: id, name: id.capitalized, zone: Zone(zone)!, start: RotationConfig.parseWallTime(start)!,
                              shift: ShiftLength.parse(shift)!, members: members, restrict: windows)
    }

    static func at(_ iso: String) -> Date { Instant.parse(iso)! }

    /// A fresh team directory with the given files (path → content); returns its path.
    static func team(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-oncall-\(UUID().uuidString)").path
        var all = files
        if all["team.toml"] == nil { all["team.toml"] = "name = \"Test\"\n" }
        for (path, text) in all {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// One journal line for an override (or any op) with explicit lc and id.
    static func event(id: String, lc: Int, by: String, op: String, _ fields: String) -> String {
        "{\"id\":\"\(id)\",\"lc\":\(lc),\"at\":\"2026-01-01T00:00:00Z\",\"by\":\"\(by)\",\"op\":\"\(op)\"\(fields.isEmpty ? "" : "," + fields)}\n"
    }

    static func member(_ name: String, zone: String, hours: String = "") -> String {
        "name = \"\(name)\"\ntimezone = \"\(zone)\"\n[hours]\n\(hours)\n"
    }
}
