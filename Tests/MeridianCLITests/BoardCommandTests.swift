import Foundation
import Testing

/// The board commands as a user types them, through the built binary.
@Suite("Board commands")
struct BoardCommandTests {
    let cli: BoardCLI
    let team: String

    init() throws {
        cli = try BoardCLI()
        team = cli.root + "/team"
        try cli.makeTeam(team, members: ["ana", "ben"])
    }

    func as_(_ m: String, _ now: String = "2026-11-25T10:00:00Z") -> [String] { ["--data", team, "--as", m, "--device", "laptop", "--now", now] }
    func journal(_ m: String) -> String { (try? String(contentsOfFile: team + "/journal/\(m)/laptop.jsonl", encoding: .utf8)) ?? "" }

    func boardJSON(_ m: String = "ana") throws -> [String: Any] {
        let r = try cli.run(["board", "--json"] + as_(m))
        #expect(r.status == 0, "\(r.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    }

    func task(_ id: String, in board: [String: Any]) -> [String: Any]? {
        for c in board["columns"] as? [[String: Any]] ?? [] {
            if let t = (c["tasks"] as? [[String: Any]] ?? []).first(where: { $0["id"] as? String == id }) { return t }
        }
        return nil
    }

    @Test func addPrintsOnlyANewShortIdAndWritesTheCreate() throws {
        defer { cli.remove() }
        let r = try cli.run(["task", "add", "Fix login", "--priority", "high", "--label", "bug", "--label", "auth", "--due", "2026-12-01", "--notes", "see #12", "--column", "doing"] + as_("ana"))
        #expect(r.status == 0, "\(r.err)")
        let id = r.out.trimmingCharacters(in: .newlines)
        #expect(r.out == id + "\n")
        #expect(id.count == 5 && id.allSatisfy { "0123456789abcdefghjkmnpqrstvwxyz".contains($0) })
        let t = try #require(task(id, in: try boardJSON()))
        #expect(t["title"] as? String == "Fix login")
        #expect(t["column"] as? String == "Doing")
        #expect(t["priority"] as? String == "high")
        #expect(t["labels"] as? [String] == ["bug", "auth"])
        #expect(t["due"] as? String == "2026-12-01")
        let second = try cli.run(["task", "add", "Other"] + as_("ana")).out.trimmingCharacters(in: .newlines)
        #expect(second != id)
    }

    @Test func claimRefusesAnotherHolderWritingNothing() throws {
        defer { cli.remove() }
        let id = try cli.run(["task", "add", "Shared"] + as_("ana")).out.trimmingCharacters(in: .newlines)
        #expect(try cli.run(["claim", id] + as_("ana")).status == 0)
        let before = journal("ana")
        // Claiming a task I already hold succeeds and writes nothing.
        let again = try cli.run(["claim", id] + as_("ana"))
        #expect(again.status == 0)
        #expect(journal("ana") == before)
        // Another holder: exit 1, one sentence on stderr naming the holder, nothing written.
        let refused = try cli.run(["claim", id] + as_("ben"))
        #expect(refused.status == 1)
        #expect(refused.err.contains("ana"))
        #expect(refused.err.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: team + "/journal/ben/laptop.jsonl"))
        #expect(task(id, in: try boardJSON())?["holder"] as? String == "ana")
        #expect((try boardJSON()["conflicts"] as? [Any])?.isEmpty == true)
    }

    @Test func releaseOnlyByTheHolder() throws {
        defer { cli.remove() }
        let id = try cli.run(["task", "add", "T"] + as_("ana")).out.trimmingCharacters(in: .newlines)
        #expect(try cli.run(["release", id] + as_("ana")).status == 1) // nobody holds it
        #expect(try cli.run(["claim", id] + as_("ana")).status == 0)
        #expect(try cli.run(["release", id] + as_("ben")).status == 1)
        #expect(task(id, in: try boardJSON())?["holder"] as? String == "ana")
        #expect(try cli.run(["release", id] + as_("ana")).status == 0)
        #expect(task(id, in: try boardJSON())?["holder"] is NSNull)
    }

    @Test func moveDoneAssignCommentAndUnknownNames() throws {
        defer { cli.remove() }
        let id = try cli.run(["task", "add", "T"] + as_("ana")).out.trimmingCharacters(in: .newlines)
        #expect(try cli.run(["move", id, "Review"] + as_("ana")).status == 0)
        #expect(task(id, in: try boardJSON())?["column"] as? String == "Review")
        let badColumn = try cli.run(["move", id, "Limbo"] + as_("ana"))
        #expect(badColumn.status == 1)
        for c in ["Todo", "Doing", "Review", "Done"] { #expect(badColumn.err.contains(c)) }
        let badTask = try cli.run(["claim", "nope"] + as_("ana"))
        #expect(badTask.status == 1)
        #expect(badTask.err.contains(id))
        #expect(try cli.run(["done", id] + as_("ben")).status == 0)
        #expect(task(id, in: try boardJSON())?["column"] as? String == "Done")
        #expect(try cli.run(["assign", id, "ben"] + as_("ana")).status == 0)
        #expect(task(id, in: try boardJSON())?["holder"] as? String == "ben")
        let unknownMember = try cli.run(["assign", id, "zed"] + as_("ana"))
        #expect(unknownMember.status == 1)
        #expect(unknownMember.err.contains("ana") && unknownMember.err.contains("ben"))
        #expect(try cli.run(["assign", id, "--clear"] + as_("ana")).status == 0)
        #expect(task(id, in: try boardJSON())?["holder"] is NSNull)
        #expect(try cli.run(["assign", id, "none"] + as_("ben")).status == 0)
        #expect(try cli.run(["comment", id, "on it"] + as_("ben")).status == 0)
        let show = try cli.run(["task", "show", id] + as_("ana"))
        #expect(show.out.contains("ben: on it"))
        let before = journal("ana")
        #expect(try cli.run(["move", "nope", "Done"] + as_("ana")).status == 1)
        #expect(journal("ana") == before)
    }

    @Test func writingNeedsAMemberFile() throws {
        defer { cli.remove() }
        let r = try cli.run(["task", "add", "T"] + as_("zed"))
        #expect(r.status == 2)
        #expect(!FileManager.default.fileExists(atPath: team + "/journal/zed"))
    }

    @Test func editAndDelete() throws {
        defer { cli.remove() }
        let id = try cli.run(["task", "add", "Old", "--label", "x", "--due", "2026-12-01"] + as_("ana")).out.trimmingCharacters(in: .newlines)
        #expect(try cli.run(["task", "edit", id, "--title", "New", "--priority", "urgent", "--clear-labels", "--clear-due"] + as_("ana")).status == 0)
        let t = try #require(task(id, in: try boardJSON()))
        #expect(t["title"] as? String == "New")
        #expect(t["priority"] as? String == "urgent")
        #expect(t["labels"] as? [String] == [])
        #expect(t["due"] is NSNull)
        #expect(try cli.run(["task", "edit", id] + as_("ana")).status != 0)
        #expect(try cli.run(["task", "delete", id] + as_("ana")).status == 0)
        #expect(task(id, in: try boardJSON()) == nil)
        let after = try cli.run(["claim", id] + as_("ana"))
        #expect(after.status == 1)
        #expect(after.err.contains("deleted"))
    }

    @Test func readableBoardOrdersAndMarksWip() throws {
        defer { cli.remove() }
        // init's team.toml limits Doing to 3.
        var ids: [String] = []
        for (title, p) in [("low one", "low"), ("normal one", "normal"), ("urgent one", "urgent"), ("high one", "high")] {
            ids.append(try cli.run(["task", "add", title, "--priority", p, "--column", "Doing"] + as_("ana")).out.trimmingCharacters(in: .newlines))
        }
        _ = try cli.run(["claim", ids[1]] + as_("ben"))
        _ = try cli.run(["task", "add", "evil \u{1B}[31mred", "--column", "Todo"] + as_("ana"))
        let r = try cli.run(["board"] + as_("ana"))
        #expect(r.status == 0)
        #expect(!r.out.contains("\u{1B}"))
        #expect(r.out.contains("Doing (4/3, over limit)"))
        let order = ["urgent one", "high one", "normal one", "low one"].map { r.out.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(zip(order, order.dropFirst()).allSatisfy { $0! < $1! })
        let doing = try #require((try boardJSON()["columns"] as? [[String: Any]])?.first { $0["name"] as? String == "Doing" })
        #expect(doing["over_limit"] as? Bool == true)
        #expect(doing["wip_limit"] as? Int == 3)
        let mine = try cli.run(["board", "--mine"] + as_("ben"))
        #expect(mine.out.contains("normal one"))
        #expect(!mine.out.contains("urgent one"))
    }
}
