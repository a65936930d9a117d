import Foundation
import Testing

/// `meridian sync` over real git: a bare repository, two clones, the same task claimed apart.
@Suite("Sync over git")
struct SyncGitTests {
    @Test func twoClonesAgreeOnTheWinnerAndTheConflict() throws {
        let cli = try BoardCLI()
        defer { cli.remove() }
        let bare = cli.root + "/remote.git", a = cli.root + "/a", b = cli.root + "/b"
        #expect(try cli.git(["init", "--quiet", "--bare", "--initial-branch=main", bare], in: cli.root).status == 0)
        #expect(try cli.git(["clone", "--quiet", bare, a], in: cli.root).status == 0)
        for (dir, who) in [(a, "ana")] {
            _ = try cli.git(["config", "user.name", who], in: dir)
            _ = try cli.git(["config", "user.email", "\(who)@example.com"], in: dir)
            _ = try cli.git(["checkout", "--quiet", "-b", "main"], in: dir)
        }
        let init_ = try cli.run(["init", a + "/team", "--name", "Git team", "--git"])
        #expect(init_.status == 0, "\(init_.err)")
        #expect(try String(contentsOfFile: a + "/team/.gitattributes", encoding: .utf8).contains("journal/**/*.jsonl merge=union"))
        for m in ["ana", "ben"] {
            #expect(try cli.run(["join", "--data", a + "/team", "--id", m, "--name", m, "--timezone", "UTC", "--hours", "mon-fri 09:00-17:00"]).status == 0)
        }
        let id = try cli.run(["task", "add", "Shared", "--data", a + "/team", "--as", "ana", "--device", "a1", "--now", "2026-11-25T09:00:00Z"]).out.trimmingCharacters(in: .newlines)
        _ = try cli.git(["add", "-A"], in: a)
        #expect(try cli.git(["commit", "--quiet", "-m", "team"], in: a).status == 0)
        #expect(try cli.git(["push", "--quiet", "-u", "origin", "main"], in: a).status == 0)
        #expect(try cli.git(["clone", "--quiet", bare, b], in: cli.root).status == 0)
        _ = try cli.git(["config", "user.name", "ben"], in: b)
        _ = try cli.git(["config", "user.email", "ben@example.com"], in: b)

        func m(_ dir: String, _ who: String, _ dev: String, _ now: String, _ args: [String]) throws -> BoardCLI.Run {
            try cli.run(args + ["--data", dir + "/team", "--as", who, "--device", dev, "--now", now])
        }
        // Both claim apart: neither has seen the other's claim.
        #expect(try m(a, "ana", "a1", "2026-11-25T10:00:00Z", ["claim", id]).status == 0)
        #expect(try m(b, "ben", "b1", "2026-11-25T10:00:07Z", ["claim", id]).status == 0)
        let s1 = try m(a, "ana", "a1", "2026-11-25T10:01:00Z", ["sync"])
        #expect(s1.status == 0, "\(s1.err)")
        let s2 = try m(b, "ben", "b1", "2026-11-25T10:01:00Z", ["sync"])
        #expect(s2.status == 0, "\(s2.err)")
        let s3 = try m(a, "ana", "a1", "2026-11-25T10:02:00Z", ["sync"])
        #expect(s3.status == 0, "\(s3.err)")

        func board(_ dir: String, _ who: String) throws -> [String: Any] {
            let r = try m(dir, who, "x", "2026-11-25T11:00:00Z", ["board", "--json"])
            return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        }
        func summary(_ b: [String: Any]) -> String {
            let tasks = (b["columns"] as? [[String: Any]] ?? []).flatMap { $0["tasks"] as? [[String: Any]] ?? [] }
            let holders = tasks.map { "\($0["id"]!)=\($0["holder"]!)" }
            let conflicts = (b["conflicts"] as? [[String: Any]] ?? []).map { "\($0["task"]!)|\($0["member"]!)|\($0["lost_to"]!)|\($0["event"]!)" }
            return "\(holders) \(conflicts)"
        }
        let ba = try board(a, "ana"), bb = try board(b, "ben")
        #expect(summary(ba) == summary(bb))
        // ana's claim has the smaller lc, so she holds it; ben's is the one lost claim.
        #expect(summary(ba).contains("\(id)=ana"))
        let conflicts = try #require(ba["conflicts"] as? [[String: Any]])
        #expect(conflicts.count == 1)
        #expect(conflicts.first?["member"] as? String == "ben")
        #expect(conflicts.first?["lost_to"] as? String == "ana")
        // Everything is committed and pushed: both clones are at the same commit.
        let headA = try cli.git(["rev-parse", "HEAD"], in: a).out, headB = try cli.git(["rev-parse", "origin/main"], in: b).out
        _ = try cli.git(["fetch", "--quiet"], in: b)
        #expect(headA == (try cli.git(["rev-parse", "origin/main"], in: b).out))
        #expect(!headB.isEmpty)
    }

    @Test func syncOutsideGitOrWithoutRemoteIsExit2WithOneSentence() throws {
        let cli = try BoardCLI()
        defer { cli.remove() }
        let plain = cli.root + "/plain/team"
        try cli.makeTeam(plain, members: ["ana"])
        let r = try cli.run(["sync", "--data", plain, "--as", "ana", "--device", "d"])
        #expect(r.status == 2)
        #expect(r.err.contains("not inside a git"))
        #expect(r.err.split(separator: "\n").count == 1)
        let repo = cli.root + "/repo"
        _ = try cli.git(["init", "--quiet", repo], in: cli.root)
        try cli.makeTeam(repo + "/team", members: ["ana"])
        let n = try cli.run(["sync", "--data", repo + "/team", "--as", "ana", "--device", "d"])
        #expect(n.status == 2)
        #expect(n.err.contains("no remote"))
    }
}
