import Foundation
import Testing
import MeridianKit

/// SPEC §1 "Merge rule", "Claims", "On-call overrides" and "Bad lines".
@Suite struct SpecMergeTests {
    func create(_ id: String, _ task: String, lc: Int, by: String = "ann", _ more: String = "") -> String {
        ev(id, lc: lc, by: by, "task.create", "\"task\":\"\(task)\",\"title\":\"\(task) title\"" + (more.isEmpty ? "" : "," + more))
    }

    func move(_ id: String, lc: Int, by: String, _ column: String, task: String = "T1") -> String {
        ev(id, lc: lc, by: by, "task.move", "\"task\":\"\(task)\",\"column\":\"\(column)\"")
    }

    func claim(_ id: String, lc: Int, by: String, task: String = "T1", at: String = "2026-11-25T09:00:00Z") -> String {
        ev(id, lc: lc, by: by, "task.claim", at: at, "\"task\":\"\(task)\"")
    }

    // Applied in ascending (lc, by, id) — byte-wise for the last two.
    @Test func mergeOrderIsLcThenByBytewise() {
        let t = SpecTeam()
        for m in ["ab", "a_b", "a-b"] { t.member(m) }
        // Same lc; byte-wise a-b (0x2D) < a_b (0x5F) < ab: ab's move is applied last and wins.
        t.journal("journal/ab/x.jsonl", [create("c1", "T1", lc: 1, by: "ab"), move("m3", lc: 5, by: "ab", "Review")])
        t.journal("journal/a_b/x.jsonl", [move("m2", lc: 5, by: "a_b", "Doing")])
        t.journal("journal/a-b/x.jsonl", [move("m1", lc: 5, by: "a-b", "Done")])
        #expect(t.status().columnOf("T1") == "Review")
        // A higher lc beats any by.
        t.journal("journal/a-b/x.jsonl", [move("m4", lc: 6, by: "a-b", "Done")])
        #expect(t.status().columnOf("T1") == "Done")
    }

    @Test func mergeOrderThenIdBytewise() {
        let t = SpecTeam()
        t.member("ann")
        // Same lc and by: ids "9" and "10" byte-wise: "10" < "9", so "9" is applied last.
        // "Z" (0x5A) < "a" (0x61): "a" last.
        t.journal("journal/ann/x.jsonl", [create("c1", "T1", lc: 1), create("c2", "T2", lc: 1),
                                          move("9", lc: 5, by: "ann", "Doing"), move("10", lc: 5, by: "ann", "Done"),
                                          move("a", lc: 5, by: "ann", "Review", task: "T2"), move("Z", lc: 5, by: "ann", "Done", task: "T2")])
        let s = t.status()
        #expect(s.columnOf("T1") == "Doing")
        #expect(s.columnOf("T2") == "Review")
    }

    @Test func atNeverDecidesOrder() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        // bob's move has the later `at` but the smaller lc: ann's is applied last.
        t.journal("journal/ann/x.jsonl", [create("c1", "T1", lc: 1), ev("m1", lc: 10, by: "ann", "task.move", at: "2026-11-25T08:00:00Z", "\"task\":\"T1\",\"column\":\"Doing\"")])
        t.journal("journal/bob/x.jsonl", [ev("m2", lc: 9, by: "bob", "task.move", at: "2026-11-25T09:30:00Z", "\"task\":\"T1\",\"column\":\"Done\"")])
        #expect(t.status().columnOf("T1") == "Doing")
    }

    // Every replica that holds the same events shows the same board, whatever order the files arrived in.
    @Test func sameEventsInAnyFileArrangementGiveTheSameBoard() throws {
        let lines = [
            create("e1", "T1", lc: 1), create("e2", "T2", lc: 2, by: "bob", "\"priority\":\"urgent\""),
            claim("e3", lc: 3, by: "ann"), claim("e4", lc: 3, by: "bob"), move("e5", lc: 4, by: "bob", "Doing"),
            ev("e6", lc: 4, by: "ann", "task.edit", "\"task\":\"T2\",\"title\":\"renamed\""),
            ev("e7", lc: 5, by: "cy", "task.assign", "\"task\":\"T2\",\"to\":\"cy\""), claim("e8", lc: 6, by: "ann", task: "T2"),
            move("e9", lc: 6, by: "cy", "Review"), ev("e10", lc: 7, by: "ann", "task.release", "\"task\":\"T1\""),
            claim("e11", lc: 8, by: "cy"),
        ]
        var boards: [Data] = []
        var rng = SeededRandom(seed: 42)
        for round in 0..<5 {
            let t = SpecTeam()
            for m in ["ann", "bob", "cy"] { t.member(m) }
            var shuffled = lines
            for i in shuffled.indices.reversed() where i > 0 { shuffled.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            // Split into 1–3 files, some lines duplicated into a conflict copy.
            for (i, l) in shuffled.enumerated() {
                let by = (try? JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any])?["by"] as? String ?? "ann"
                t.journal("journal/\(by)/dev\(Int(rng.next() % 2)).jsonl", [l])
                if (i + round) % 3 == 0 { t.journal("journal/\(by)/dev0.sync-conflict-20261125-120000-AAAAAAA.jsonl", [l]) }
            }
            let s = t.status()
            #expect(s.problems.isEmpty, "\(s.problems)")
            boards.append(try JSONSerialization.data(withJSONObject: s.board, options: [.sortedKeys]))
        }
        #expect(Set(boards).count == 1)
        // Worked by hand: e3 (ann) before e4 (bob) at lc 3 → ann holds T1, bob lost (e4); ann releases (e10); cy takes it (e11).
        // T2: cy assigned (e7), ann's claim (e8) lost to cy.
        let final = try JSONSerialization.jsonObject(with: boards[0]) as? [String: Any] ?? [:]
        let s = SpecStatus(["board": final])
        #expect(s.holder("T1") == "cy")
        #expect(s.holder("T2") == "cy")
        #expect(s.columnOf("T1") == "Review")
        #expect(s.task("T2")?["title"] as? String == "renamed")
        #expect(Set(s.conflicts) == [["task": "T1", "member": "bob", "lost_to": "ann", "event": "e4"],
                                     ["task": "T2", "member": "ann", "lost_to": "cy", "event": "e8"]])
    }

    // Claims: a task has at most one holder; a lost claim is a conflict (task, loser, winner, event id).
    @Test func claimsFollowTheRule() {
        let t = SpecTeam()
        for m in ["ann", "bob", "cy"] { t.member(m) }
        t.journal("journal/ann/x.jsonl", [create("c1", "T1", lc: 1), claim("a1", lc: 5, by: "ann"), claim("a2", lc: 6, by: "ann")])
        t.journal("journal/bob/x.jsonl", [claim("b1", lc: 5, by: "bob")])
        t.journal("journal/cy/x.jsonl", [claim("y1", lc: 5, by: "cy")])
        for viewer in [[], ["--as", "ann"], ["--as", "bob"], ["--as", "cy"]] {
            let s = t.status(viewer)
            #expect(s.holder("T1") == "ann")
            // Every lost claim, whoever lost it; ann's own repeat claim is not a conflict.
            #expect(Set(s.conflicts) == [["task": "T1", "member": "bob", "lost_to": "ann", "event": "b1"],
                                         ["task": "T1", "member": "cy", "lost_to": "ann", "event": "y1"]], "viewer \(viewer)")
        }
    }

    @Test func claimOrderIsMergeOrderNotWallClock() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.journal("journal/ann/x.jsonl", [create("c1", "T1", lc: 1), claim("a1", lc: 10, by: "ann", at: "2026-11-25T08:00:00Z")])
        t.journal("journal/bob/x.jsonl", [claim("b1", lc: 9, by: "bob", at: "2026-11-25T09:00:00Z")])
        let s = t.status()
        #expect(s.holder("T1") == "bob")
        #expect(s.conflicts == [["task": "T1", "member": "ann", "lost_to": "bob", "event": "a1"]])
    }

    @Test func aReleasedTaskCanBeClaimedAgain() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.journal("journal/ann/x.jsonl", [create("c1", "T1", lc: 1), claim("a1", lc: 2, by: "ann"), ev("a2", lc: 3, by: "ann", "task.release", "\"task\":\"T1\"")])
        t.journal("journal/bob/x.jsonl", [claim("b1", lc: 4, by: "bob")])
        let s = t.status()
        #expect(s.holder("T1") == "bob")
        #expect(s.conflicts.isEmpty)
    }

    // On-call overrides: where overrides overlap, the later one in event order wins; any member may cancel.
    func rotationTeam() -> SpecTeam {
        let t = SpecTeam()
        for m in ["ann", "bob", "cy", "dee"] { t.member(m) }
        t.write("oncall/ops.toml", "name = \"Ops\"\ntimezone = \"UTC\"\nstart = \"2026-11-01 00:00\"\nshift = \"1w\"\nmembers = [\"ann\"]\n")
        return t
    }

    func override(_ id: String, lc: Int, by: String = "ann", _ member: String, _ from: String, _ to: String, rotation: String = "ops") -> String {
        ev(id, lc: lc, by: by, "oncall.override", "\"rotation\":\"\(rotation)\",\"member\":\"\(member)\",\"from\":\"\(from)\",\"to\":\"\(to)\"")
    }

    func onCall(_ t: SpecTeam, _ now: String) -> [String: Any]? { t.status(now: now).rotation("ops")?["now"] as? [String: Any] }

    @Test func laterOverrideInEventOrderWins() {
        let t = rotationTeam()
        // cy's override is shorter and inside bob's, but bob's is later in event order (lc 8 > lc 7).
        t.journal("journal/ann/x.jsonl", [override("o2", lc: 8, "bob", "2026-11-25T10:00:00Z", "2026-11-25T14:00:00Z")])
        t.journal("journal/dee/x.jsonl", [override("o1", lc: 7, by: "dee", "cy", "2026-11-25T11:00:00Z", "2026-11-25T12:00:00Z")])
        let mid = onCall(t, "2026-11-25T11:30:00Z")
        #expect(mid?["member"] as? String == "bob")
        #expect(mid?["override"] as? Bool == true)
        #expect(onCall(t, "2026-11-25T09:00:00Z")?["member"] as? String == "ann")
        #expect(onCall(t, "2026-11-25T09:00:00Z")?["override"] as? Bool == false)
        // Now dee's later override (lc 9) inside bob's wins where they overlap.
        t.journal("journal/dee/x.jsonl", [override("o3", lc: 9, by: "dee", "dee", "2026-11-25T11:00:00Z", "2026-11-25T12:00:00Z")])
        #expect(onCall(t, "2026-11-25T11:30:00Z")?["member"] as? String == "dee")
        #expect(onCall(t, "2026-11-25T12:30:00Z")?["member"] as? String == "bob")
    }

    @Test func anyMemberMayCancelAnOverride() {
        let t = rotationTeam()
        t.journal("journal/ann/x.jsonl", [override("o1", lc: 1, "bob", "2026-11-25T09:00:00Z", "2026-11-25T12:00:00Z")])
        #expect(onCall(t, "2026-11-25T10:00:00Z")?["member"] as? String == "bob")
        t.journal("journal/cy/x.jsonl", [ev("c1", lc: 2, by: "cy", "oncall.cancel", "\"ref\":\"o1\"")])
        let s = t.status(now: "2026-11-25T10:00:00Z")
        #expect((s.rotation("ops")?["now"] as? [String: Any])?["member"] as? String == "ann")
        #expect(s.problems.isEmpty)
    }

    // An override for an unknown rotation is a problem and has no effect.
    @Test func overrideForUnknownRotationIsAProblem() {
        let t = rotationTeam()
        t.journal("journal/ann/x.jsonl", [override("o1", lc: 1, "bob", "2026-11-25T09:00:00Z", "2026-11-25T12:00:00Z", rotation: "nope")])
        let s = t.status(now: "2026-11-25T10:00:00Z")
        #expect(s.problems(in: "journal/ann/x.jsonl").map(\.line) == [1])
        #expect((s.rotation("ops")?["now"] as? [String: Any])?["member"] as? String == "ann")
    }

    // Bad lines: not JSON, … is a problem (file, line, reason) and skipped; the rest still counts; blank lines are ignored.
    @Test func badLinesAreSkippedAndBlankLinesIgnored() {
        let t = SpecTeam()
        t.member("ann")
        t.writeBytes("journal/ann/x.jsonl", Array((create("c1", "T1", lc: 1) + "\n\n{\"id\": broken\n" + create("c2", "T2", lc: 2) + "\n\n"
                                                   + "not json at all\n" + create("c3", "T3", lc: 3) + "\n").utf8))
        let s = t.status()
        #expect(Set(s.taskIDs) == ["T1", "T2", "T3"])
        let p = s.problems(in: "journal/ann/x.jsonl")
        #expect(p.map(\.line) == [3, 6])
        #expect(p.allSatisfy { !$0.message.isEmpty })
        #expect(s.problems.count == 2)
        // check prints them as FILE:LINE: message and exits 1.
        let c = t.run(["check"])
        #expect(c.code == 1)
        let lines = c.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("journal/ann/x.jsonl:3: ") || $0.hasPrefix("journal/ann/x.jsonl:6: ") })
    }

    /// A valid task.create line of exactly `size` bytes (padding in `notes`).
    func line(ofSize size: Int, id: String, task: String) -> String {
        let head = ev(id, lc: 2, by: "ann", "task.create", "\"task\":\"\(task)\",\"title\":\"big\",\"notes\":\"")
        return head + String(repeating: "x", count: size - head.utf8.count - 2) + "\"}"
    }

    // …or is over 64 KiB (not counting the \n).
    @Test func the64KiBBoundary() {
        let t = SpecTeam()
        t.member("ann")
        let exact = line(ofSize: 65536, id: "b1", task: "EXACT"), over = line(ofSize: 65537, id: "b2", task: "OVER")
        #expect(exact.utf8.count == 65536 && over.utf8.count == 65537)
        t.journal("journal/ann/x.jsonl", [exact, over, create("c3", "AFTER", lc: 3)])
        let s = t.status()
        #expect(Set(s.taskIDs) == ["EXACT", "AFTER"])
        #expect(s.problems(in: "journal/ann/x.jsonl").map(\.line) == [2])
    }

    // A final line with no \n is a write in flight: skipped silently, read again once complete.
    @Test func aFinalLineWithoutNewlineIsSkippedSilentlyUntilComplete() {
        let t = SpecTeam()
        t.member("ann")
        let partial = create("c2", "T2", lc: 2)
        t.writeBytes("journal/ann/x.jsonl", Array((create("c1", "T1", lc: 1) + "\n" + partial).utf8))
        var s = t.status()
        #expect(s.taskIDs == ["T1"])
        #expect(s.problems.isEmpty)
        #expect(t.run(["check"]).code == 0)
        // Even a half-written (invalid so far) final line is silent.
        t.writeBytes("journal/ann/x.jsonl", Array((create("c1", "T1", lc: 1) + "\n" + "{\"id\":\"c2\",\"lc\":2,\"at\":\"2026-").utf8))
        #expect(t.status().problems.isEmpty)
        // Completed: read.
        t.writeBytes("journal/ann/x.jsonl", Array((create("c1", "T1", lc: 1) + "\n" + partial + "\n").utf8))
        s = t.status()
        #expect(Set(s.taskIDs) == ["T1", "T2"])
    }

    // A writer that finds its own file not ending in \n starts its line with one.
    @Test func writerStartsWithNewlineWhenItsFileDoesNotEndInOne() throws {
        let t = SpecTeam()
        t.member("ann")
        let original = create("c1", "T1", lc: 1) + "\n" + "{\"id\":\"torn\",\"lc\":2"
        t.writeBytes("journal/ann/lap.jsonl", Array(original.utf8))
        let r = t.run(["claim", "T1", "--as", "ann", "--device", "lap"])
        #expect(r.code == 0, "\(r.err)")
        let after = t.bytes("journal/ann/lap.jsonl")
        #expect(after.starts(with: Array((original + "\n{").utf8)))
        #expect(after.last == UInt8(ascii: "\n"))
        let s = t.status()
        #expect(s.holder("T1") == "ann")
        // The torn line is now a complete (bad) line 2; the claim is line 3.
        #expect(s.problems(in: "journal/ann/lap.jsonl").map(\.line) == [2])
        // A file that does end in \n gets no blank line.
        let before = t.bytes("journal/ann/lap.jsonl")
        #expect(t.run(["release", "T1", "--as", "ann", "--device", "lap"]).code == 0)
        let grown = t.bytes("journal/ann/lap.jsonl")
        #expect(grown.count > before.count && grown[before.count] == UInt8(ascii: "{"))
    }

    // Two lines with one id but different content: the first by (lc, by, line bytes) counts, the other is a problem.
    @Test func sameIDDifferentContentByLc() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.journal("journal/ann/a.jsonl", [ev("x", lc: 5, by: "ann", "task.create", "\"task\":\"T1\",\"title\":\"late\"")])
        t.journal("journal/bob/b.jsonl", [ev("x", lc: 3, by: "ann", "task.create", "\"task\":\"T1\",\"title\":\"early\"")])
        let s = t.status()
        #expect(s.task("T1")?["title"] as? String == "early")
        #expect(s.problems(in: "journal/ann/a.jsonl").map(\.line) == [1])
        #expect(s.problems(in: "journal/bob/b.jsonl").isEmpty)
    }

    @Test func sameIDDifferentContentByBy() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.journal("journal/a/a.jsonl", [ev("x", lc: 3, by: "bob", "task.create", "\"task\":\"T1\",\"title\":\"bob's\"")])
        t.journal("journal/b/b.jsonl", [ev("x", lc: 3, by: "ann", "task.create", "\"task\":\"T1\",\"title\":\"ann's\"")])
        let s = t.status()
        #expect(s.task("T1")?["title"] as? String == "ann's")
        #expect(s.problems(in: "journal/a/a.jsonl").map(\.line) == [1])
    }

    @Test func sameIDDifferentContentByLineBytes() {
        let t = SpecTeam()
        t.member("ann")
        // Same lc and by: "...title":"B"} > "...title":"A"} byte-wise, whichever file comes first.
        t.journal("journal/ann/a.jsonl", [create("c0", "T0", lc: 1), ev("x", lc: 3, by: "ann", "task.create", "\"task\":\"T1\",\"title\":\"B\"")])
        t.journal("journal/ann/b.jsonl", [ev("x", lc: 3, by: "ann", "task.create", "\"task\":\"T1\",\"title\":\"A\"")])
        let s = t.status()
        #expect(s.task("T1")?["title"] as? String == "A")
        #expect(s.problems(in: "journal/ann/a.jsonl").map(\.line) == [2])
        #expect(s.problems(in: "journal/ann/b.jsonl").isEmpty)
    }

    // A task whose column is not in team.toml shows in the first column and is a problem.
    @Test func unknownColumnShowsInTheFirstColumnAndIsAProblem() {
        let t = SpecTeam("name = \"S\"\ncolumns = [\"Inbox\", \"Doing\", \"Done\"]\n")
        t.member("ann")
        t.journal("journal/ann/x.jsonl", [create("c1", "T1", lc: 1, "\"column\":\"Nope\""), create("c2", "T2", lc: 2, "\"column\":\"Done\""),
                                          move("m1", lc: 3, by: "ann", "Review", task: "T2")])
        let s = t.status()
        #expect(s.columnOf("T1") == "Inbox")
        #expect(s.columnOf("T2") == "Inbox")
        #expect(s.task("T1")?["column"] as? String == "Inbox", "the task's column field agrees with where it shows")
        #expect(s.problems.count >= 2)
        #expect(s.problems.allSatisfy { ($0["file"] as? String)?.hasPrefix("journal/ann/x.jsonl") == true })
        #expect(t.run(["check"]).code == 1)
    }

    // Paths in problems are relative to TEAM.
    @Test func problemPathsAreRelativeToTeam() {
        let t = SpecTeam("name = \"S\"\ncolumns = 5\n")
        t.member("ann", zone: "Nowhere/Land")
        t.write("oncall/r.toml", "name = \"R\"\ntimezone = \"UTC\"\nshift = \"fortnightly\"\nmembers = [\"ann\"]\n")
        t.journal("journal/ann/deep/x.jsonl", ["garbage"])
        let s = t.status()
        #expect(Set(s.problemFiles) == ["team.toml", "members/ann.toml", "oncall/r.toml", "journal/ann/deep/x.jsonl"])
        let c = t.run(["check"])
        #expect(c.code == 1)
        #expect(!c.out.contains(t.team))
        #expect(c.out.contains("journal/ann/deep/x.jsonl:1: "))
        #expect(c.out.contains("team.toml:2: "))
        // However TEAM is spelled.
        for data in [t.team + "/", t.root + "/./team//"] {
            let d = t.raw(["check", "--data", data])
            #expect(d.out == c.out, "\(data)")
        }
    }
}
