import Foundation
import Testing

/// SPEC §1 "journal/<member>/<device>.jsonl": the common fields, every op of the table with its
/// required fields and types, unknown ops and fields, task ids, from/to pairs, statuses.
@Suite struct SpecJournalTests {
    static let file = "journal/ann/lap.jsonl"

    /// A team with ann (UTC, no hours) and bob, the given lines in ann's journal.
    func team(_ lines: [String], columns: String = "") -> SpecTeam {
        let t = SpecTeam("name = \"Spec\"\n" + columns)
        t.member("ann")
        t.member("bob")
        t.journal(Self.file, lines)
        return t
    }

    func create(_ id: String, _ task: String, lc: Int, by: String = "ann", _ more: String = "") -> String {
        ev(id, lc: lc, by: by, "task.create", "\"task\":\"\(task)\",\"title\":\"\(task) title\"" + (more.isEmpty ? "" : "," + more))
    }

    /// Each bad line sits at line 2 between two good creates; the bad one is a problem at line 2 and both good ones count.
    func expectProblem(_ bad: String, _ why: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        let t = team([create("g1", "GOOD1", lc: 1), bad, create("g3", "GOOD3", lc: 3)])
        let s = t.status()
        let p = s.problems(in: Self.file)
        #expect(p.count == 1 && p.first?.line == 2, "\(why): \(s.problems)", sourceLocation: sourceLocation)
        #expect(s.taskIDs.contains("GOOD1") && s.taskIDs.contains("GOOD3"), "\(why)", sourceLocation: sourceLocation)
        #expect(!s.taskIDs.contains("BAD"), "\(why)", sourceLocation: sourceLocation)
    }

    // Every event has id, lc, at, by, op.
    @Test func everyCommonFieldIsRequired() {
        let body = "\"task\":\"BAD\",\"title\":\"x\""
        expectProblem("{\"lc\":2,\"at\":\"2026-11-25T09:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\(body)}", "no id")
        expectProblem("{\"id\":\"b\",\"at\":\"2026-11-25T09:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\(body)}", "no lc")
        expectProblem("{\"id\":\"b\",\"lc\":2,\"by\":\"ann\",\"op\":\"task.create\",\(body)}", "no at")
        expectProblem("{\"id\":\"b\",\"lc\":2,\"at\":\"2026-11-25T09:00:00Z\",\"op\":\"task.create\",\(body)}", "no by")
        expectProblem("{\"id\":\"b\",\"lc\":2,\"at\":\"2026-11-25T09:00:00Z\",\"by\":\"ann\",\(body)}", "no op")
    }

    @Test func commonFieldsOfTheWrongTypeAreProblems() {
        let body = "\"task\":\"BAD\",\"title\":\"x\""
        expectProblem("{\"id\":7,\"lc\":2,\"at\":\"2026-11-25T09:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\(body)}", "id number")
        expectProblem("{\"id\":\"b\",\"lc\":\"2\",\"at\":\"2026-11-25T09:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\(body)}", "lc string")
        expectProblem("{\"id\":\"b\",\"lc\":2.5,\"at\":\"2026-11-25T09:00:00Z\",\"by\":\"ann\",\"op\":\"task.create\",\(body)}", "lc fraction")
        expectProblem("{\"id\":\"b\",\"lc\":2,\"at\":1764061200,\"by\":\"ann\",\"op\":\"task.create\",\(body)}", "at number")
        expectProblem("{\"id\":\"b\",\"lc\":2,\"at\":\"yesterday\",\"by\":\"ann\",\"op\":\"task.create\",\(body)}", "at not ISO-8601")
        expectProblem("{\"id\":\"b\",\"lc\":2,\"at\":\"2026-11-25T09:00:00Z\",\"by\":[\"ann\"],\"op\":\"task.create\",\(body)}", "by array")
        expectProblem("{\"id\":\"b\",\"lc\":2,\"at\":\"2026-11-25T09:00:00Z\",\"by\":\"ann\",\"op\":null,\(body)}", "op null")
        expectProblem("[1,2,3]", "not an object")
    }

    // The op table: a line lacking a field its op requires is a problem.
    @Test func everyOpRequiresItsFields() {
        let missing: [(String, String)] = [
            ("task.create", "\"title\":\"no task\""),
            ("task.create", "\"task\":\"BAD\""),
            ("task.edit", "\"title\":\"no task\""),
            ("task.move", "\"task\":\"GOOD1\""),
            ("task.move", "\"column\":\"Done\""),
            ("task.claim", ""),
            ("task.release", ""),
            ("task.assign", "\"task\":\"GOOD1\""),
            ("task.assign", "\"to\":\"bob\""),
            ("task.comment", "\"task\":\"GOOD1\""),
            ("task.comment", "\"text\":\"hi\""),
            ("task.delete", ""),
            ("status.set", "\"kind\":\"away\""),
            ("status.set", "\"text\":\"lunch\""),
            ("timeoff.add", "\"from\":\"2026-11-25\""),
            ("timeoff.add", "\"to\":\"2026-11-25\""),
            ("timeoff.cancel", ""),
            ("oncall.override", "\"member\":\"ann\",\"from\":\"2026-11-25T00:00:00Z\",\"to\":\"2026-11-26T00:00:00Z\""),
            ("oncall.override", "\"rotation\":\"r\",\"from\":\"2026-11-25T00:00:00Z\",\"to\":\"2026-11-26T00:00:00Z\""),
            ("oncall.override", "\"rotation\":\"r\",\"member\":\"ann\",\"to\":\"2026-11-26T00:00:00Z\""),
            ("oncall.override", "\"rotation\":\"r\",\"member\":\"ann\",\"from\":\"2026-11-25T00:00:00Z\""),
            ("oncall.cancel", ""),
        ]
        for (op, rest) in missing { expectProblem(ev("b", lc: 2, by: "ann", op, rest), "\(op) {\(rest)}") }
    }

    // …or has a field of the wrong type.
    @Test func fieldsOfTheWrongTypeAreProblems() {
        let wrong: [(String, String)] = [
            ("task.create", "\"task\":5,\"title\":\"x\""),
            ("task.create", "\"task\":\"BAD\",\"title\":5"),
            ("task.create", "\"task\":\"BAD\",\"title\":\"x\",\"column\":3"),
            ("task.create", "\"task\":\"BAD\",\"title\":\"x\",\"priority\":\"whenever\""),
            ("task.create", "\"task\":\"BAD\",\"title\":\"x\",\"priority\":1"),
            ("task.create", "\"task\":\"BAD\",\"title\":\"x\",\"labels\":\"bug\""),
            ("task.create", "\"task\":\"BAD\",\"title\":\"x\",\"labels\":[1]"),
            ("task.create", "\"task\":\"BAD\",\"title\":\"x\",\"due\":\"next week\""),
            ("task.create", "\"task\":\"BAD\",\"title\":\"x\",\"due\":20261201"),
            ("task.create", "\"task\":\"BAD\",\"title\":\"x\",\"notes\":{}"),
            ("task.edit", "\"task\":\"GOOD1\",\"title\":true"),
            ("task.edit", "\"task\":\"GOOD1\",\"priority\":\"soon\""),
            ("task.edit", "\"task\":\"GOOD1\",\"labels\":{}"),
            ("task.move", "\"task\":\"GOOD1\",\"column\":[\"Done\"]"),
            ("task.assign", "\"task\":\"GOOD1\",\"to\":5"),
            ("task.comment", "\"task\":\"GOOD1\",\"text\":5"),
            ("status.set", "\"text\":\"x\",\"kind\":\"asleep\""),
            ("status.set", "\"text\":\"x\",\"kind\":\"away\",\"until\":\"soon\""),
            ("status.set", "\"text\":7,\"kind\":\"away\""),
            ("timeoff.add", "\"from\":\"someday\",\"to\":\"2026-11-25\""),
            ("timeoff.add", "\"from\":20261125,\"to\":20261126"),
            ("timeoff.cancel", "\"ref\":5"),
            ("oncall.override", "\"rotation\":\"r\",\"member\":\"ann\",\"from\":\"monday\",\"to\":\"2026-11-26T00:00:00Z\""),
            ("oncall.override", "\"rotation\":5,\"member\":\"ann\",\"from\":\"2026-11-25T00:00:00Z\",\"to\":\"2026-11-26T00:00:00Z\""),
            ("oncall.cancel", "\"ref\":[]"),
        ]
        for (op, rest) in wrong { expectProblem(ev("b", lc: 2, by: "ann", op, rest), "\(op) {\(rest)}") }
    }

    // Unknown ops and unknown fields are ignored.
    @Test func unknownOpsAndFieldsAreIgnored() {
        let t = team([
            create("e1", "T1", lc: 1, "\"color\":\"red\",\"x-nested\":{\"a\":[1,2]}"),
            ev("e2", lc: 2, by: "ann", "task.archive", "\"task\":\"T1\""),
            ev("e3", lc: 3, by: "ann", "reaction.add", "\"emoji\":\"+1\""),
            ev("e4", lc: 4, by: "ann", "task.move", "\"task\":\"T1\",\"column\":\"Doing\",\"reason\":\"started\""),
        ])
        let s = t.status()
        #expect(s.problems.isEmpty, "\(s.problems)")
        #expect(s.columnOf("T1") == "Doing")
        #expect(s.task("T1")?["title"] as? String == "T1 title")
    }

    // Task ids are 1–32 characters of A-Z a-z 0-9 . _ -
    @Test func taskIDCharset() {
        let good = ["a", "A.b_C-9", String(repeating: "Z", count: 32), "...", "-x", "_"]
        let t = team(good.enumerated().map { create("g\($0.offset)", $0.element, lc: $0.offset + 1) })
        let s = t.status()
        #expect(s.problems.isEmpty)
        #expect(Set(s.taskIDs) == Set(good))
        for bad in ["", String(repeating: "Z", count: 33), "a b", "a/b", "é", "a:b", "a\\u0000"] {
            expectProblem(ev("b", lc: 2, by: "ann", "task.create", "\"task\":\"\(bad)\",\"title\":\"x\""), "task id '\(bad)'")
        }
    }

    // A from/to pair is two dates or two instants.
    @Test func fromToPairsAreTwoDatesOrTwoInstants() {
        expectProblem(ev("b", lc: 2, by: "ann", "timeoff.add", "\"from\":\"2026-11-25\",\"to\":\"2026-11-26T00:00:00Z\""), "date + instant")
        expectProblem(ev("b", lc: 2, by: "ann", "timeoff.add", "\"from\":\"2026-11-25T00:00:00Z\",\"to\":\"2026-11-26\""), "instant + date")
        expectProblem(ev("b", lc: 2, by: "ann", "oncall.override",
                         "\"rotation\":\"r\",\"member\":\"ann\",\"from\":\"2026-11-25\",\"to\":\"2026-11-26\""), "override with dates")
        let ok = team([ev("t1", lc: 1, by: "ann", "timeoff.add", "\"from\":\"2026-11-25\",\"to\":\"2026-11-25\""),
                       ev("t2", lc: 2, by: "ann", "timeoff.add", "\"from\":\"2026-11-25T10:00:00Z\",\"to\":\"2026-11-25T11:00:00Z\",\"note\":\"dentist\"")])
        #expect(ok.status().problems.isEmpty)
    }

    // task.create: optional column, priority, labels, due (date or instant), notes; the first create wins.
    @Test func taskCreateFields() {
        let t = team([
            create("e1", "T1", lc: 1, "\"column\":\"Review\",\"priority\":\"high\",\"labels\":[\"bug\",\"ui\"],\"due\":\"2026-12-01\",\"notes\":\"n\""),
            create("e2", "T2", lc: 2, "\"due\":\"2026-12-01T17:00:00Z\""),
            create("e3", "T3", lc: 3),
        ])
        let s = t.status()
        #expect(s.problems.isEmpty)
        let t1 = s.task("T1")
        #expect(t1?["column"] as? String == "Review")
        #expect(s.columnOf("T1") == "Review")
        #expect(t1?["priority"] as? String == "high")
        #expect(t1?["labels"] as? [String] == ["bug", "ui"])
        #expect(t1?["due"] as? String == "2026-12-01")
        #expect(t1?["title"] as? String == "T1 title")
        #expect(isNull(t1?["holder"]))
        #expect((s.task("T2")?["due"] as? String).map { $0.hasPrefix("2026-12-01T17:00:00") && $0.hasSuffix("Z") } == true)
        let t3 = s.task("T3")
        #expect(t3?["priority"] as? String == "normal")
        #expect(t3?["labels"] as? [String] == [])
        #expect(isNull(t3?["due"]))
        #expect(s.columnOf("T3") == "Todo")
    }

    @Test func theFirstCreateOfATaskIDWinsLaterOnesAreProblems() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        // File order is the reverse of merge order: bob's create (lc 5) comes after ann's (lc 3).
        t.journal("journal/bob/pc.jsonl", [ev("b1", lc: 5, by: "bob", "task.create", "\"task\":\"T1\",\"title\":\"Bob's\",\"priority\":\"urgent\"")])
        t.journal("journal/ann/lap.jsonl", [ev("a1", lc: 3, by: "ann", "task.create", "\"task\":\"T1\",\"title\":\"Ann's\"")])
        let s = t.status()
        #expect(s.taskIDs == ["T1"])
        #expect(s.task("T1")?["title"] as? String == "Ann's")
        #expect(s.task("T1")?["priority"] as? String == "normal")
        #expect(s.problems(in: "journal/bob/pc.jsonl").map(\.line) == [1])
        #expect(s.problems(in: "journal/ann/lap.jsonl").isEmpty)
    }

    // task.edit: last writer wins, field by field (null clears).
    @Test func taskEditLastWriterWinsFieldByField() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.journal("journal/ann/lap.jsonl", [
            create("e1", "T1", lc: 1, "\"priority\":\"low\",\"labels\":[\"a\"],\"due\":\"2026-12-01\",\"notes\":\"n\""),
            ev("e4", lc: 40, by: "ann", "task.edit", "\"task\":\"T1\",\"title\":\"Ann's title\""),
            ev("e2", lc: 20, by: "ann", "task.edit", "\"task\":\"T1\",\"priority\":\"urgent\",\"title\":\"old title\""),
        ])
        t.journal("journal/bob/pc.jsonl", [
            ev("b1", lc: 30, by: "bob", "task.edit", "\"task\":\"T1\",\"labels\":[\"b\",\"c\"],\"due\":null"),
            ev("b2", lc: 10, by: "bob", "task.edit", "\"task\":\"T1\",\"labels\":[\"never\"],\"priority\":\"high\""),
        ])
        let s = t.status()
        let task = s.task("T1")
        #expect(task?["title"] as? String == "Ann's title")   // lc 40 beats lc 20
        #expect(task?["priority"] as? String == "urgent")     // lc 20 beats lc 10
        #expect(task?["labels"] as? [String] == ["b", "c"])   // lc 30 beats lc 10
        #expect(isNull(task?["due"]))                         // null clears
        #expect(s.problems.isEmpty)
    }

    // task.edit has no `column`: one there is an unknown field, ignored.
    @Test func taskEditDoesNotMove() {
        let t = team([create("e1", "T1", lc: 1), ev("e2", lc: 2, by: "ann", "task.edit", "\"task\":\"T1\",\"column\":\"Done\",\"holder\":\"bob\"")])
        let s = t.status()
        #expect(s.columnOf("T1") == "Todo")
        #expect(isNull(s.task("T1")?["holder"]))
        #expect(s.problems.isEmpty)
    }

    @Test func eventsOnATaskNeverCreatedHaveNoEffect() {
        let t = team([ev("e1", lc: 1, by: "ann", "task.claim", "\"task\":\"GHOST\""), ev("e2", lc: 2, by: "bob", "task.claim", "\"task\":\"GHOST\""),
                      ev("e3", lc: 3, by: "ann", "task.move", "\"task\":\"GHOST\",\"column\":\"Done\"")])
        let s = t.status()
        #expect(s.taskIDs.isEmpty)
        #expect(s.conflicts.isEmpty)
    }

    // task.move: last writer wins (merge order, not file order).
    @Test func taskMoveLastWriterWins() {
        let t = team([create("e1", "T1", lc: 1),
                      ev("e3", lc: 30, by: "ann", "task.move", "\"task\":\"T1\",\"column\":\"Review\""),
                      ev("e2", lc: 20, by: "ann", "task.move", "\"task\":\"T1\",\"column\":\"Done\"")])
        #expect(t.status().columnOf("T1") == "Review")
    }

    // task.release frees the task if `by` holds it; otherwise no effect.
    @Test func releaseOnlyByTheHolder() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.journal("journal/ann/lap.jsonl", [create("e1", "T1", lc: 1), create("e2", "T2", lc: 2),
                                            ev("e3", lc: 3, by: "ann", "task.claim", "\"task\":\"T1\""),
                                            ev("e4", lc: 4, by: "ann", "task.claim", "\"task\":\"T2\""),
                                            ev("e6", lc: 6, by: "ann", "task.release", "\"task\":\"T2\"")])
        t.journal("journal/bob/pc.jsonl", [ev("b5", lc: 5, by: "bob", "task.release", "\"task\":\"T1\"")])
        let s = t.status()
        #expect(s.holder("T1") == "ann")
        #expect(isNull(s.task("T2")?["holder"]))
    }

    // task.assign sets the holder outright (member or null).
    @Test func assignSetsTheHolderOutright() {
        let t = SpecTeam()
        t.member("ann")
        t.member("bob")
        t.journal("journal/ann/lap.jsonl", [create("e1", "T1", lc: 1), create("e2", "T2", lc: 2),
                                            ev("e3", lc: 3, by: "ann", "task.claim", "\"task\":\"T1\""),
                                            ev("e4", lc: 4, by: "ann", "task.claim", "\"task\":\"T2\""),
                                            ev("e5", lc: 5, by: "ann", "task.assign", "\"task\":\"T1\",\"to\":\"bob\""),
                                            ev("e6", lc: 6, by: "ann", "task.assign", "\"task\":\"T2\",\"to\":null")])
        t.journal("journal/bob/pc.jsonl", [ev("b7", lc: 7, by: "bob", "task.claim", "\"task\":\"T1\"")])
        let s = t.status()
        #expect(s.holder("T1") == "bob")
        #expect(isNull(s.task("T2")?["holder"]))
        #expect(s.conflicts.isEmpty)
        // Then ann's claim on T1 is lost to bob.
        t.journal("journal/ann/lap.jsonl", [ev("e8", lc: 8, by: "ann", "task.claim", "\"task\":\"T1\"")])
        #expect(t.status().conflicts == [["task": "T1", "member": "ann", "lost_to": "bob", "event": "e8"]])
    }

    @Test func commentsAreAcceptedWithoutProblems() {
        let t = team([create("e1", "T1", lc: 1), ev("e2", lc: 2, by: "ann", "task.comment", "\"task\":\"T1\",\"text\":\"first\""),
                      ev("e3", lc: 3, by: "bob", "task.comment", "\"task\":\"T1\",\"text\":\"second\"")])
        let s = t.status()
        #expect(s.problems.isEmpty)
        #expect(s.taskIDs == ["T1"])
    }

    // task.delete removes the task; later events on it have no effect.
    @Test func deleteRemovesAndLaterEventsHaveNoEffect() {
        let t = team([create("e1", "T1", lc: 1), create("e2", "T2", lc: 2),
                      ev("e3", lc: 3, by: "ann", "task.delete", "\"task\":\"T1\""),
                      ev("e4", lc: 4, by: "ann", "task.move", "\"task\":\"T1\",\"column\":\"Done\""),
                      ev("e5", lc: 5, by: "ann", "task.claim", "\"task\":\"T1\""),
                      ev("e6", lc: 6, by: "ann", "task.edit", "\"task\":\"T1\",\"title\":\"back?\""),
                      create("e7", "T1", lc: 7)])
        let s = t.status()
        #expect(s.taskIDs == ["T2"])
        #expect(s.conflicts.isEmpty)
        // A create after the delete is a later create of the id: a problem, not a resurrection.
        #expect(s.problems(in: Self.file).map(\.line).contains(7))
    }

    @Test func eventsBeforeTheCreateInMergeOrderDoNotBreakTheBoard() {
        // A move that merges before its task's create has nothing to move; the create then puts it in its column.
        let t = team([ev("e1", lc: 1, by: "ann", "task.move", "\"task\":\"T1\",\"column\":\"Done\""), create("e2", "T1", lc: 2)])
        #expect(t.status().columnOf("T1") == "Todo")
    }

    // A status holds from its event's `at` until `until` or the writer's next status.set/status.clear.
    @Test func statusHoldsFromAtUntilUntil() {
        let t = team([ev("s1", lc: 1, by: "ann", "status.set", at: "2026-11-25T09:00:00Z", "\"text\":\"lunch\",\"kind\":\"away\",\"until\":\"2026-11-25T12:00:00Z\"")])
        let during = t.status(now: "2026-11-25T10:00:00Z").member("ann")?["status"] as? [String: Any]
        #expect(during?["text"] as? String == "lunch")
        #expect(during?["kind"] as? String == "away")
        #expect(during?["until"] as? String == "2026-11-25T12:00:00Z")
        #expect(t.status(now: "2026-11-25T11:59:59Z").member("ann")?["status"] is [String: Any])
        #expect(isNull(t.status(now: "2026-11-25T12:00:01Z").member("ann")?["status"]))
        #expect(isNull(t.status(now: "2026-11-25T08:59:59Z").member("ann")?["status"]), "not before its at")
        // bob is untouched by ann's status.
        #expect(isNull(t.status().member("bob")?["status"]))
    }

    @Test func statusWithoutUntilHoldsUntilTheNextSetOrClear() {
        let t = team([ev("s1", lc: 1, by: "ann", "status.set", at: "2026-11-25T08:00:00Z", "\"text\":\"deep work\",\"kind\":\"focus\""),
                      ev("s2", lc: 2, by: "ann", "status.set", at: "2026-11-25T09:00:00Z", "\"text\":\"errand\",\"kind\":\"ooo\""),
                      ev("s3", lc: 3, by: "ann", "status.clear", at: "2026-11-25T11:00:00Z"),
                      ev("s4", lc: 4, by: "bob", "status.clear", at: "2026-11-25T09:30:00Z")])
        func st(_ now: String) -> [String: Any]? { t.status(now: now).member("ann")?["status"] as? [String: Any] }
        #expect(st("2026-11-25T08:30:00Z")?["text"] as? String == "deep work")
        #expect(isNull(st("2026-11-25T08:30:00Z")?["until"]))
        #expect(st("2026-11-25T10:00:00Z")?["text"] as? String == "errand", "bob's clear does not clear ann")
        #expect(st("2026-11-25T10:00:00Z")?["kind"] as? String == "ooo")
        #expect(st("2026-11-25T11:00:01Z") == nil)
        // A status.set by bob is bob's, not ann's.
        let b = team([ev("s1", lc: 1, by: "bob", "status.set", at: "2026-11-25T08:00:00Z", "\"text\":\"x\",\"kind\":\"online\"")])
        #expect(isNull(b.status().member("ann")?["status"]))
        #expect((b.status().member("bob")?["status"] as? [String: Any])?["kind"] as? String == "online")
    }

    // timeoff.add: dates inclusive in the writer's zone, or instants (to exclusive); timeoff.cancel refs the writer's own.
    @Test func timeOffDatesAreInclusiveInTheWritersZone() {
        let t = SpecTeam()
        t.member("ann", zone: "Asia/Tokyo", hours: ["mon": "\"00:00-24:00\"", "tue": "\"00:00-24:00\"", "wed": "\"00:00-24:00\"",
                                                     "thu": "\"00:00-24:00\"", "fri": "\"00:00-24:00\"", "sat": "\"00:00-24:00\"", "sun": "\"00:00-24:00\""])
        t.journal("journal/ann/lap.jsonl", [ev("t1", lc: 1, by: "ann", "timeoff.add", "\"from\":\"2026-11-26\",\"to\":\"2026-11-27\"")])
        // Tokyo is +09:00 all year: 26 Nov 00:00 JST = 25 Nov 15:00Z; end of 27 Nov JST = 27 Nov 15:00Z.
        let start = oracleInstant("Asia/Tokyo", "2026-11-26T00:00"), end = oracleInstant("Asia/Tokyo", "2026-11-28T00:00")
        func av(_ s: Int) -> String? { t.status(now: TimeCLI.iso(s)).member("ann")?["availability"] as? String }
        let a = TimeCLI.seconds(start), b = TimeCLI.seconds(end)
        #expect(av(a - 1) == "working")
        #expect(av(a) == "time_off")
        #expect(av(b - 1) == "time_off")
        #expect(av(b) == "working")
    }

    @Test func timeOffInstantsEndExclusiveAndCancelOnlyByTheWriter() {
        let t = SpecTeam()
        let all = Dictionary(uniqueKeysWithValues: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { ($0, "\"00:00-24:00\"") })
        t.member("ann", hours: all)
        t.member("bob", hours: all)
        t.journal("journal/ann/lap.jsonl", [
            ev("t1", lc: 1, by: "ann", "timeoff.add", "\"from\":\"2026-11-25T10:00:00Z\",\"to\":\"2026-11-25T12:00:00Z\""),
            ev("t2", lc: 2, by: "ann", "timeoff.add", "\"from\":\"2026-11-25T14:00:00Z\",\"to\":\"2026-11-25T16:00:00Z\""),
            ev("t3", lc: 3, by: "ann", "timeoff.cancel", "\"ref\":\"t2\""),
        ])
        t.journal("journal/bob/pc.jsonl", [
            ev("u1", lc: 4, by: "bob", "timeoff.add", "\"from\":\"2026-11-25T10:00:00Z\",\"to\":\"2026-11-25T12:00:00Z\""),
            ev("u2", lc: 5, by: "bob", "timeoff.cancel", "\"ref\":\"t1\""),   // not bob's own: no effect
        ])
        func av(_ m: String, _ now: String) -> String? { t.status(now: now).member(m)?["availability"] as? String }
        #expect(av("ann", "2026-11-25T09:59:59Z") == "working")
        #expect(av("ann", "2026-11-25T10:00:00Z") == "time_off")
        #expect(av("ann", "2026-11-25T11:59:59Z") == "time_off")
        #expect(av("ann", "2026-11-25T12:00:00Z") == "working")
        #expect(av("ann", "2026-11-25T15:00:00Z") == "working", "cancelled")
        #expect(av("bob", "2026-11-25T11:00:00Z") == "time_off")
    }
}
