import Foundation
import Testing
import MeridianCLI
import MeridianKit

/// `status --json` streams its document (sections emitted straight into 64 KiB chunks); the bytes
/// must equal the document built as a tree and then printed, on a generated team with problems
/// and hostile text, in process and through the binary.
@Suite struct StatusStreamTests {
    /// Text no JSON writer may pass through raw, and text that only looks like an escape.
    static let hostile = [
        "ctl \u{1}\u{8}\u{1B}[2J\u{7F}\u{85}\u{9B}31m end", "quote \" back \\ slash / \\u0041 \\ud800 \\n",
        "bidi \u{202E}evil\u{202C} \u{2066}x\u{2069} zw\u{200B}\u{FEFF}", "sep \u{2028} \u{2029} tab\tnl\ncr\r",
        "non-BMP 👍🏽 𝄞 🏳️‍🌈 \u{10FFFF}", "nul \u{0} byte", "日本語 é\u{301} \u{FFFD}",
    ]

    /// A generated team plus a journal of hostile tasks, statuses, comments, bad lines and a
    /// conflict copy, so every section and `problems` has content.
    static func makeTeam() throws -> String {
        let dir = NSTemporaryDirectory() + "meridian-stream-\(UUID().uuidString)"
        try BigTeamGenerator(config: .scaled(down: 30)).write(to: dir)
        func line(_ id: String, _ lc: Int64, _ op: String, _ extra: [(key: String, value: JSONValue)]) -> String {
            JSONWriter.string([("id", .string(id)), ("lc", .integer(lc)), ("at", .string("2026-11-25T09:00:00Z")),
                               ("by", .string("m001")), ("op", .string(op))] + extra)
        }
        var lines: [String] = []
        for (i, text) in hostile.enumerated() {
            lines.append(line("h-create-\(i)", 9_000_000_000_000 + Int64(i), "task.create", [
                ("task", .string("H\(i)")), ("title", .string(text)), ("labels", .array([.string(text), .string("x")])),
                ("notes", .string(text)), ("column", .string(i % 2 == 0 ? "Doing" : "Nowhere \(text)")), ("priority", .string("urgent")),
            ]))
            lines.append(line("h-comment-\(i)", 9_000_000_000_100 + Int64(i), "task.comment", [("task", .string("H\(i)")), ("text", .string(text))]))
        }
        lines.append(line("h-status", 9_000_000_000_200, "status.set", [("text", .string(hostile[0])), ("kind", .string("focus"))]))
        lines.append("not json \u{1B}[2J")
        lines.append("{\"id\":\"h-bad\",\"lc\":1,\"at\":\"yesterday \\u001b\",\"by\":\"m001\",\"op\":\"task.claim\"}")
        let journal = dir + "/journal/m001"
        try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal + "/hostile.jsonl", atomically: false, encoding: .utf8)
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal + "/hostile.sync-conflict-20261125-120000-ABCDEFG.jsonl", atomically: false, encoding: .utf8)
        return dir
    }

    static func request(_ snapshot: TeamSnapshot, viewer: String?) -> StatusReport.Request {
        StatusReport.Request(now: BigTeamGenerator.now, viewer: viewer, viewerZone: viewer.flatMap { snapshot.member($0)?.zone } ?? .utc)
    }

    static func streamed(_ snapshot: TeamSnapshot, _ request: StatusReport.Request, chunkSize: Int) -> [UInt8] {
        var out: [UInt8] = []
        var chunks = 0
        var stream = JSONStream(pretty: true, chunkSize: chunkSize) { out.append(contentsOf: $0); chunks += 1 }
        StatusReport.write(snapshot, request, into: &stream)
        stream.flush()
        #expect(chunks > 1 || out.count <= chunkSize)
        return out
    }

    @Test func streamEqualsTheTreeInProcess() throws {
        let dir = try Self.makeTeam()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snapshot = try Team(path: dir).snapshot
        #expect(snapshot.problems.count >= 3, "bad lines and the unknown column are problems")
        for viewer in ["m000", "m001", nil] {
            let request = Self.request(snapshot, viewer: viewer)
            let tree = StatusReport.build(snapshot, request).utf8(pretty: true)
            #expect(tree.count > 200_000)
            for chunkSize in [4096, 1 << 16] {
                let bytes = Self.streamed(snapshot, request, chunkSize: chunkSize)
                #expect(bytes == tree, "viewer \(viewer ?? "none"), chunks of \(chunkSize)")
            }
        }
    }

    /// The hostile text comes back intact when the streamed document is parsed.
    @Test func hostileTextSurvivesTheStream() throws {
        let dir = try Self.makeTeam()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snapshot = try Team(path: dir).snapshot
        let bytes = Self.streamed(snapshot, Self.request(snapshot, viewer: "m001"), chunkSize: 4096)
        #expect(!bytes.contains(0x1B) && !bytes.contains(0x7F) && !bytes.contains(0x00), "no raw control bytes")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let columns = try #require((doc["board"] as? [String: Any])?["columns"] as? [[String: Any]])
        let titles = Set(columns.flatMap { ($0["tasks"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String } })
        for text in Self.hostile { #expect(titles.contains(text), "\(text.unicodeScalars.map(\.value))") }
        let members = try #require(doc["members"] as? [[String: Any]])
        let m001 = try #require(members.first { $0["id"] as? String == "m001" })
        #expect((m001["status"] as? [String: Any])?["text"] as? String == Self.hostile[0])
    }

    /// The binary's stdout (written in 64 KiB chunks, then exit without freeing the team) is the
    /// tree's text and a newline, with and without the journal cache.
    @Test func binaryPrintsTheTreeText() throws {
        guard Subprocess.requireMeridian() else { return }
        let dir = try Self.makeTeam()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let state = NSTemporaryDirectory() + "meridian-stream-state-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: state) }
        let snapshot = try Team(path: dir).snapshot
        let expected = StatusReport.build(snapshot, Self.request(snapshot, viewer: "m001")).utf8(pretty: true) + [0x0A]
        #expect(expected.count > 4 * 65_536, "several chunks")
        let args = ["status", "--json", "--data", dir, "--now", Instant.format(BigTeamGenerator.now), "--as", "m001"]
        let base = ["HOME": state, "XDG_CONFIG_HOME": state + "/config", "XDG_STATE_HOME": state + "/state", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        for env in [base.merging(["MERIDIAN_NO_CACHE": "1"]) { $1 }, base, base] {
            let r = Subprocess.run(Subprocess.meridian, args, environment: env)
            #expect(r.code == 0, "\(r.err)")
            #expect(Array(r.stdout) == expected)
        }
    }
}
