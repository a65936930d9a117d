import Foundation
import Testing

/// Compares text with `Snapshots/NAME.txt` line by line and reports a readable diff.
/// `MERIDIAN_RECORD_SNAPSHOTS=1 swift test --filter MeridianUITests` rewrites the files.
enum SnapshotAssert {
    static let directory = Fixture.testsDirectory.appendingPathComponent("Snapshots")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["MERIDIAN_RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? (actual + "\n").write(to: file, atomically: true, encoding: .utf8)
            if !record {
                Issue.record("Recorded a new snapshot \(file.lastPathComponent); check it and run again.", sourceLocation: sourceLocation)
            }
            return
        }
        let want = expected.hasSuffix("\n") ? String(expected.dropLast()) : expected
        guard want != actual else { return }
        Issue.record(Comment(rawValue: "Snapshot \(name) differs:\n" + diff(want, actual) + "\n(record with MERIDIAN_RECORD_SNAPSHOTS=1)"), sourceLocation: sourceLocation)
    }

    /// `line N` with the expected (-) and actual (+) text, for every line that differs.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : "<missing>", y = i < b.count ? b[i] : "<missing>"
            if x != y { out.append("line \(i + 1):\n- \(x)\n+ \(y)") }
            if out.count >= 20 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}
