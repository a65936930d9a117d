import Foundation
import Testing
@testable import MeridianCLI
@testable import MeridianKit

/// `meridian demo`: a realistic team, written through the real writers, the same for the same `now`.
@Suite struct DemoCommandTests {
    let now = Instant.parse("2026-11-25T10:00:00Z")!

    func writeDemo(now: Date) throws -> (String, String) {
        let dir = NSTemporaryDirectory() + "meridian-demo-" + UUID().uuidString.lowercased()
        var demo = DemoTeam(path: dir, now: now)
        let member = try demo.write()
        return (dir, member)
    }

    /// Every file of a tree with its bytes, for comparing two demo folders.
    func tree(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: dir + "/" + rel)
            }
        }
        return out
    }

    @Test func sameNowWritesTheSameTeamAndAnotherNowDoesNot() throws {
        let (a, _) = try writeDemo(now: now)
        let (b, _) = try writeDemo(now: now)
        let (c, _) = try writeDemo(now: now.addingTimeInterval(86_400))
        defer { for d in [a, b, c] { try? FileManager.default.removeItem(atPath: d) } }
        let ta = tree(a)
        #expect(ta.count > 15)
        #expect(ta == tree(b))
        #expect(ta != tree(c))
    }

    @Test func demoTeamHasEverythingTheDashboardShows() throws {
        let (dir, member) = try writeDemo(now: now)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Team(path: dir).snapshot
        #expect(s.problems.isEmpty, "\(s.problems)")
        #expect(s.member(member) != nil)
        // Six or more people, including +05:30 and +05:45, and hours that cross midnight.
        #expect(s.members.count >= 6)
        let offsets = Set(s.members.map { Zone.formatOffset($0.zone.offset(at: now)) })
        #expect(offsets.isSuperset(of: ["+05:30", "+05:45"]))
        #expect(offsets.count >= 6)
        #expect(s.members.contains { $0.hours.days.flatMap { $0 }.contains(where: \.crossesMidnight) })
        // About thirty tasks in every column, with holders, labels, priorities, due dates, comments.
        let tasks = s.board.orderedTasks
        #expect((25...40).contains(tasks.count))
        for c in s.settings.columns { #expect(s.board.tasks(in: c).count >= 3, "column \(c)") }
        #expect(tasks.filter { $0.holder != nil }.count >= 10)
        #expect(Set(tasks.map(\.priority)) == Set(Priority.allCases))
        #expect(tasks.contains { !$0.labels.isEmpty } && tasks.contains { $0.due != nil } && tasks.contains { !$0.comments.isEmpty })
        // One claim conflict, from claims made apart on two members' journals.
        #expect(s.board.conflicts.count == 1)
        let conflict = try #require(s.board.conflicts.first)
        #expect(conflict.member != conflict.lostTo)
        #expect(s.board.tasks[conflict.task]?.holder == conflict.lostTo)
        // Two rotations, one restricted to weekdays, with a live override; a status; time off.
        #expect(s.rotations.count == 2)
        #expect(s.rotations.contains { !$0.restrict.isEmpty } && s.rotations.contains { $0.restrict.isEmpty })
        let live = s.rotations.flatMap { s.overrides.overrides(for: $0.id) }.filter { $0.from <= now && now < $0.to }
        #expect(live.count == 1)
        #expect(s.members.contains { s.presence.status(of: $0.id, at: now) != nil })
        #expect(!s.presence.allTimeOff.isEmpty)
        // Everything written is in the past: the demo looks like a team that has been at work.
        #expect(tasks.allSatisfy { $0.createdAt <= now && $0.lastActivity <= now })
    }

    @Test func demoCommandWritesAndPrintsWithoutATerminal() throws {
        let cli = CLIRunner()
        let r = try cli.run(["demo", "--now", "2026-11-25T10:00:00Z"])
        #expect(r.code == 0, "\(r.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: cli.sandbox + "/state/meridian").filter { $0.hasPrefix("demo-") }
        #expect(folders == ["demo-20261125-100000"])
        #expect(r.stdout.contains("Priya Raman"))
        let dir = cli.sandbox + "/state/meridian/" + folders[0]
        #expect(try cli.run(["check", "--data", dir]).code == 0)
        // A second demo at the same instant gets a fresh folder; a non-empty DIR is refused.
        #expect(try cli.run(["demo", "--now", "2026-11-25T10:00:00Z"]).code == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "-2/team.toml"))
        let refused = try cli.run(["demo", dir])
        #expect(refused.code == 1)
        #expect(CLIRunner.isOnePlainSentence(refused.stderr))
    }
}
