import Foundation
import Testing

/// SPEC §1 "The team directory": ids, which files are read, symlinks, dot files, team.toml.
@Suite struct SpecDirectoryTests {
    func create(_ id: String, _ task: String, lc: Int, by: String = "ann") -> String {
        ev(id, lc: lc, by: by, "task.create", "\"task\":\"\(task)\",\"title\":\"\(task) title\"")
    }

    // `<member>`, `<rotation>`, `<device>`: ^[a-z0-9][a-z0-9_-]{0,31}$. A member's id is its file's stem.
    @Test func memberIDIsTheFileStemAndMustMatchTheIDPattern() {
        let t = SpecTeam()
        t.member("a")                                   // 1 character: fine
        t.member(String(repeating: "b", count: 32))     // 32: fine
        t.member("0_x-y")                               // digit first, _ and -: fine
        t.member(String(repeating: "c", count: 33))     // 33: too long
        t.member("Ann")                                 // upper case
        t.member("_lead")                               // must start with a-z0-9
        t.member("has.dot")
        let s = t.status()
        #expect(s.memberIDs == ["0_x-y", "a", String(repeating: "b", count: 32)])
        // The name inside the file does not change the id.
        #expect(s.member("a")?["name"] as? String == "A")
    }

    @Test func rotationIDMustMatchTheIDPattern() {
        let t = SpecTeam()
        t.member("ann")
        let body = "name = \"R\"\ntimezone = \"UTC\"\nstart = \"2026-11-01 09:00\"\nshift = \"1d\"\nmembers = [\"ann\"]\n"
        t.write("oncall/primary.toml", body)
        t.write("oncall/Primary2.toml", body)
        t.write("oncall/\(String(repeating: "r", count: 33)).toml", body)
        let s = t.status()
        #expect(s.oncall.compactMap { $0["rotation"] as? String } == ["primary"])
    }

    @Test func deviceNameMustMatchTheIDPattern() {
        let t = SpecTeam()
        t.member("ann")
        t.journal("journal/ann/lap.jsonl", [create("e1", "T1", lc: 1)])
        for bad in ["Lap", "-lap", String(repeating: "d", count: 33), "my lap"] {
            let before = t.journalSnapshot()
            let r = t.run(["claim", "T1", "--as", "ann", "--device", bad])
            #expect(r.code == 2, "device \(bad)")
            #expect(isOneSentence(r.err))
            #expect(t.journalSnapshot() == before)
        }
        #expect(t.run(["claim", "T1", "--as", "ann", "--device", String(repeating: "d", count: 32)]).code == 0)
    }

    // Readers read every file under journal/ (any depth) whose name ends in .jsonl and does not start with '.'.
    @Test func everyJsonlFileAtAnyDepthIsRead() {
        let t = SpecTeam()
        t.member("ann")
        t.journal("journal/ann/lap.jsonl", [create("e1", "T1", lc: 1)])
        t.journal("journal/top.jsonl", [create("e2", "T2", lc: 2)])
        t.journal("journal/ann/archive/2025/old.jsonl", [create("e3", "T3", lc: 3)])
        t.journal("journal/bob/phone.jsonl", [create("e4", "T4", lc: 4, by: "bob")])
        t.journal("journal/ann/notes.json", [create("e5", "T5", lc: 5)])
        t.journal("journal/ann/lap.jsonl.bak", [create("e6", "T6", lc: 6)])
        t.journal("journal/ann/lap.JSONL", [create("e7", "T7", lc: 7)])
        let s = t.status()
        #expect(Set(s.taskIDs) == ["T1", "T2", "T3", "T4"])
        #expect(s.problems.isEmpty)
    }

    // Conflict copies made by sync tools are read too; events are de-duplicated by id.
    @Test func conflictCopiesAreReadWithoutDuplicatingOrLosing() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        let base = [create("e1", "T1", lc: 1), ev("e2", lc: 2, by: "ann", "task.claim", "\"task\":\"T1\"")]
        t.journal("journal/ann/lap.jsonl", base)
        t.journal("journal/ann/lap.sync-conflict-20261125-120000-ABCDEFG.jsonl", base + [create("e3", "T2", lc: 3)])
        t.journal("journal/ann/lap (Bob's conflicted copy 2026-11-25).jsonl", base + [create("e4", "T3", lc: 4)])
        t.journal("journal/ann/lap (conflicted copy 2026-11-25 120000).jsonl", base + [create("e5", "T4", lc: 5)])
        let s = t.status()
        #expect(s.taskIDs.sorted() == ["T1", "T2", "T3", "T4"])
        #expect(s.taskIDs.count == 4)
        #expect(s.holder("T1") == "ann")
        // The second copy of a task.create is the same event, not "a later create" (a problem).
        #expect(s.problems.isEmpty)
        #expect(s.conflicts.isEmpty)
    }

    // …and in-flight temp files are not.
    @Test func temporaryAndDotFilesAreNotRead() {
        let t = SpecTeam()
        t.member("ann")
        t.journal("journal/ann/lap.jsonl", [create("e1", "T1", lc: 1)])
        t.journal("journal/ann/.syncthing.lap.jsonl.tmp", [create("e2", "T2", lc: 2)])
        t.journal("journal/ann/.lap.jsonl.~1a2b3c4d", [create("e3", "T3", lc: 3)])
        t.journal("journal/ann/.hidden.jsonl", [create("e4", "T4", lc: 4)])
        t.journal("journal/.stversions/ann/lap.jsonl", [create("e5", "T5", lc: 5)])
        t.journal("journal/ann/.git/lap.jsonl", [create("e6", "T6", lc: 6)])
        t.journal("journal/.ann/lap.jsonl", [create("e7", "T7", lc: 7)])
        t.write(".stfolder/x", "")
        t.write("members/.ghost.toml", "name = \"Ghost\"\ntimezone = \"UTC\"\n")
        t.write("members/.broken.toml", "this is = = not toml")
        t.write("oncall/.old.toml", "not = = toml")
        let s = t.status()
        #expect(s.taskIDs == ["T1"])
        #expect(s.memberIDs == ["ann"])
        #expect(s.oncall.isEmpty)
        #expect(s.problems.isEmpty, "dot files are skipped, not reported: \(s.problems)")
    }

    // Never follow a symbolic link out of TEAM.
    @Test func symbolicLinksAreNotFollowed() throws {
        let t = SpecTeam()
        t.member("ann")
        let fm = FileManager.default
        t.journal("journal/ann/lap.jsonl", [create("e1", "T1", lc: 1)])
        try (create("e2", "T2", lc: 2) + "\n").write(toFile: t.outside + "/evil.jsonl", atomically: true, encoding: .utf8)
        try fm.createDirectory(atPath: t.outside + "/dir", withIntermediateDirectories: true)
        try (create("e3", "T3", lc: 3) + "\n").write(toFile: t.outside + "/dir/x.jsonl", atomically: true, encoding: .utf8)
        try "name = \"Eve\"\ntimezone = \"UTC\"\n".write(toFile: t.outside + "/eve.toml", atomically: true, encoding: .utf8)
        try "name = \"R\"\ntimezone = \"UTC\"\nstart = \"2026-11-01 09:00\"\nshift = \"1d\"\nmembers = [\"ann\"]\n"
            .write(toFile: t.outside + "/rot.toml", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: t.team + "/journal/ann/link.jsonl", withDestinationPath: t.outside + "/evil.jsonl")
        try fm.createSymbolicLink(atPath: t.team + "/journal/bob", withDestinationPath: t.outside + "/dir")
        try fm.createSymbolicLink(atPath: t.team + "/members/eve.toml", withDestinationPath: t.outside + "/eve.toml")
        try fm.createDirectory(atPath: t.team + "/oncall", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: t.team + "/oncall/rot.toml", withDestinationPath: t.outside + "/rot.toml")
        let s = t.status()
        #expect(s.taskIDs == ["T1"])
        #expect(s.memberIDs == ["ann"])
        #expect(s.oncall.isEmpty)
    }

    @Test func aSymlinkedJournalFolderIsNotFollowed() throws {
        let t = SpecTeam()
        t.member("ann")
        try FileManager.default.createDirectory(atPath: t.outside + "/j/ann", withIntermediateDirectories: true)
        try (create("e1", "T1", lc: 1) + "\n").write(toFile: t.outside + "/j/ann/lap.jsonl", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: t.team + "/journal", withDestinationPath: t.outside + "/j")
        #expect(t.status().taskIDs.isEmpty)
    }

    // TEAM itself, named by the user, may be a link (~/team -> ~/Dropbox/team): only links inside TEAM are not followed.
    @Test func teamGivenThroughALinkIsRead() throws {
        let t = SpecTeam()
        t.member("ann")
        t.journal("journal/ann/lap.jsonl", [create("e1", "T1", lc: 1)])
        let link = t.root + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: t.team)
        for data in [link, link + "/", t.root + "/./link"] {
            let r = t.raw(["status", "--json", "--data", data, "--now", SpecTeam.now])
            #expect(r.code == 0, "\(data): \(r.err)")
            #expect(SpecStatus(r.json).taskIDs == ["T1"], "\(data)")
        }
        #expect(t.raw(["claim", "T1", "--data", link, "--as", "ann", "--device", "lap", "--now", SpecTeam.now]).code == 0)
        #expect(t.status().holder("T1") == "ann")
    }

    // …never write through one.
    @Test func neverWritesThroughASymbolicLink() throws {
        let t = SpecTeam()
        t.member("ann")
        t.journal("journal/bob/lap.jsonl", [create("e1", "T1", lc: 1, by: "bob")])
        let target = t.outside + "/lap.jsonl"
        try "".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: t.team + "/journal/ann", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: t.team + "/journal/ann/lap.jsonl", withDestinationPath: target)
        let r = t.run(["claim", "T1", "--as", "ann", "--device", "lap"])
        #expect(r.code != 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "")
        // A symlinked member folder in journal/ is not written through either.
        try FileManager.default.removeItem(atPath: t.team + "/journal/ann")
        try FileManager.default.createDirectory(atPath: t.outside + "/anndir", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: t.team + "/journal/ann", withDestinationPath: t.outside + "/anndir")
        let r2 = t.run(["claim", "T1", "--as", "ann", "--device", "lap"])
        #expect(r2.code != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.outside + "/anndir").isEmpty)
    }

    @Test func joinDoesNotWriteThroughASymlinkedMemberFile() throws {
        let t = SpecTeam()
        let target = t.outside + "/victim.toml"
        try "keep\n".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: t.team + "/members", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: t.team + "/members/ann.toml", withDestinationPath: target)
        _ = t.raw(["join", "--data", t.team, "--id", "ann", "--name", "Ann", "--timezone", "UTC", "--hours", "mon-fri 09:00-17:00"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep\n")
    }

    // TEAM without team.toml is not a team directory (exit 2).
    @Test func teamWithoutTeamTomlIsExit2() {
        let t = SpecTeam(nil)
        t.member("ann")
        t.journal("journal/ann/lap.jsonl", [create("e1", "T1", lc: 1)])
        for args in [["status", "--json"], ["status"], ["check"], ["claim", "T1", "--as", "ann", "--device", "lap"],
                     ["task", "add", "X", "--as", "ann", "--device", "lap"]] {
            let r = t.run(args)
            #expect(r.code == 2, "\(args)")
            #expect(isOneSentence(r.err), "\(args): \(r.err)")
        }
        let missing = t.raw(["status", "--json", "--data", t.root + "/nowhere", "--now", SpecTeam.now])
        #expect(missing.code == 2)
        #expect(isOneSentence(missing.err))
    }

    // A member file that does not parse, or names an unknown zone, is a problem, and that member is left out.
    @Test func brokenMemberFilesAreProblemsAndLeftOut() {
        let t = SpecTeam()
        t.member("ann")
        t.write("members/bad.toml", "name = \"Bad\"\ntimezone = \"UTC\"\nthis is not toml\n")
        t.member("zed", zone: "Mars/Olympus_Mons")
        t.write("members/nozone.toml", "name = \"No Zone\"\n")
        t.write("members/typed.toml", "name = \"Typed\"\ntimezone = 5\n")
        let s = t.status()
        #expect(s.memberIDs == ["ann"])
        for f in ["members/bad.toml", "members/zed.toml", "members/nozone.toml", "members/typed.toml"] {
            #expect(!s.problems(in: f).isEmpty, "\(f) should be a problem")
        }
        #expect(s.problems(in: "members/bad.toml").first?.line == 3)
        #expect(s.problems(in: "members/zed.toml").first?.line == 2)
        // check lists them too, and exits 1.
        let c = t.run(["check"])
        #expect(c.code == 1)
        #expect(c.out.contains("members/bad.toml:3: "))
        #expect(c.out.contains("members/zed.toml:2: "))
        #expect(c.out.contains("members/nozone.toml"))
    }

    // team.toml: columns default Todo, Doing, Review, Done; wip limits; stale_claim_days.
    @Test func teamTomlDefaultColumns() {
        let t = SpecTeam("name = \"Platform\"\n")
        #expect(t.status().columnNames == ["Todo", "Doing", "Review", "Done"])
    }

    @Test func teamTomlColumnsLeftToRightAndWipLimits() {
        let t = SpecTeam("name = \"Platform\"\ncolumns = [\"Backlog\", \"Now\", \"Shipped\"]\n[wip]\nNow = 1\n")
        t.member("ann")
        t.journal("journal/ann/lap.jsonl", [
            ev("e1", lc: 1, by: "ann", "task.create", "\"task\":\"A\",\"title\":\"a\",\"column\":\"Now\""),
            ev("e2", lc: 2, by: "ann", "task.create", "\"task\":\"B\",\"title\":\"b\",\"column\":\"Now\""),
            ev("e3", lc: 3, by: "ann", "task.create", "\"task\":\"C\",\"title\":\"c\""),
        ])
        let s = t.status()
        #expect(s.columnNames == ["Backlog", "Now", "Shipped"])
        #expect(s.column("Now")?["wip_limit"] as? Int == 1)
        #expect(s.column("Now")?["over_limit"] as? Bool == true)
        #expect(isNull(s.column("Backlog")?["wip_limit"]))
        #expect(s.column("Backlog")?["over_limit"] as? Bool == false)
        // A task with no column starts in the first one.
        #expect(s.columnOf("C") == "Backlog")
        #expect(s.problems.isEmpty)
    }
}
