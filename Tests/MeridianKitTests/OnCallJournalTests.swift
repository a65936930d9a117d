import Foundation
import Testing
@testable import MeridianKit

/// Overrides and cancels as they arrive through the journals, and the glance (handoff, warnings,
/// my next shift) built on them.
@Suite struct OnCallJournalTests {
    typealias F = OnCallFixture

    static let rotationFile = """
    name = "Primary"
    timezone = "UTC"
    start = "2026-01-05 00:00"
    shift = "1d"
    members = ["alice", "bob"]
    """

    func snapshot(_ journal: String, extra: [String: String] = [:]) throws -> TeamSnapshot {
        var files = [
            "oncall/primary.toml": Self.rotationFile,
            "members/alice.toml": F.member("Alice", zone: "UTC", hours: "mon = \"00:00-24:00\"\ntue = \"00:00-24:00\"\nwed = \"00:00-24:00\"\nthu = \"00:00-24:00\"\nfri = \"00:00-24:00\""),
            "members/bob.toml": F.member("Bob", zone: "UTC", hours: "mon = \"09:00-17:00\"\ntue = \"09:00-17:00\"\nwed = \"09:00-17:00\"\nthu = \"09:00-17:00\"\nfri = \"09:00-17:00\""),
            "members/chen.toml": F.member("Chen", zone: "Asia/Tokyo", hours: "wed = \"09:00-18:00\""),
            "journal/alice/lap.jsonl": journal,
        ]
        for (k, v) in extra { files[k] = v }
        let dir = try F.team(files)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try Team(path: dir).snapshot
    }

    static func override(_ id: String, lc: Int, member: String, from: String, to: String, rotation: String = "primary") -> String {
        F.event(id: id, lc: lc, by: "alice", op: "oncall.override",
                "\"rotation\":\"\(rotation)\",\"member\":\"\(member)\",\"from\":\"\(from)\",\"to\":\"\(to)\"")
    }

    @Test func laterOverrideInMergeOrderWinsWhateverTheFileOrder() throws {
        // The narrow override is written first in the file but is later by lc: it wins where they overlap.
        let journal = Self.override("narrow", lc: 20, member: "chen", from: "2026-01-07T12:00:00Z", to: "2026-01-07T14:00:00Z")
            + Self.override("wide", lc: 10, member: "bob", from: "2026-01-07T10:00:00Z", to: "2026-01-07T20:00:00Z")
        let snap = try snapshot(journal)
        let s = OncallSchedule(snap.rotation("primary")!, in: snap)
        #expect(s.cover(at: F.at("2026-01-07T13:00:00Z"))?.member == "chen")
        let st = s.status(at: F.at("2026-01-07T11:00:00Z"))
        #expect(st.now == OncallSlot(member: "bob", start: F.at("2026-01-07T10:00:00Z"), end: F.at("2026-01-07T12:00:00Z"), source: .override("wide")))
        #expect(st.next == OncallSlot(member: "chen", start: F.at("2026-01-07T12:00:00Z"), end: F.at("2026-01-07T14:00:00Z"), source: .override("narrow")))
    }

    @Test func cancelledOverrideHasNoEffect() throws {
        let journal = Self.override("wide", lc: 10, member: "bob", from: "2026-01-07T10:00:00Z", to: "2026-01-07T20:00:00Z")
            + Self.override("narrow", lc: 20, member: "chen", from: "2026-01-07T12:00:00Z", to: "2026-01-07T14:00:00Z")
            + F.event(id: "c1", lc: 30, by: "bob", op: "oncall.cancel", "\"ref\":\"narrow\"")
        let snap = try snapshot(journal)
        let st = OncallSchedule(snap.rotation("primary")!, in: snap).status(at: F.at("2026-01-07T13:00:00Z"))
        #expect(st.now == OncallSlot(member: "bob", start: F.at("2026-01-07T10:00:00Z"), end: F.at("2026-01-07T20:00:00Z"), source: .override("wide")))
        // After the override, the day's shift (shift 2 = alice) resumes until midnight.
        #expect(st.next == OncallSlot(member: "alice", start: F.at("2026-01-07T20:00:00Z"), end: F.at("2026-01-08T00:00:00Z"), source: .shift(2)))
    }

    @Test func overrideForUnknownRotationIsAProblemWithoutEffect() throws {
        let journal = Self.override("ghost", lc: 10, member: "chen", from: "2026-01-07T00:00:00Z", to: "2026-01-08T00:00:00Z", rotation: "nope")
        let snap = try snapshot(journal)
        #expect(snap.problems.contains { $0.file == "journal/alice/lap.jsonl" && $0.line == 1 && $0.message.contains("unknown rotation") })
        let now = OncallSchedule(snap.rotation("primary")!, in: snap).status(at: F.at("2026-01-07T12:00:00Z")).now
        #expect(now?.member == "alice" && now?.isOverride == false)
    }

    @Test func glanceWarnsAboutHoursAndTimeOffNowAndAtTheHandoff() throws {
        // Wednesday 7 Jan 20:00Z: alice (shift 2) is inside her all-day hours; at midnight bob takes over,
        // outside his 09:00-17:00.
        var snap = try snapshot("")
        var g = OncallGlance(snap.rotation("primary")!, in: snap, now: F.at("2026-01-07T20:00:00Z"), viewer: "bob")
        #expect(g.handoff == OncallHandoff(at: F.at("2026-01-08T00:00:00Z"), from: "alice", to: "bob"))
        #expect(g.warnings == [OncallWarning(member: "bob", at: F.at("2026-01-08T00:00:00Z"), when: .handoff, concern: .offHours)])
        #expect(g.mine == OncallSlot(member: "bob", start: F.at("2026-01-08T00:00:00Z"), end: F.at("2026-01-09T00:00:00Z"), source: .shift(3)))

        // Alice on time off today (dates in her zone): a warning now, time off winning over hours.
        let off = F.event(id: "t1", lc: 5, by: "alice", op: "timeoff.add", "\"from\":\"2026-01-07\",\"to\":\"2026-01-07\"")
        snap = try snapshot(off)
        g = OncallGlance(snap.rotation("primary")!, in: snap, now: F.at("2026-01-07T20:00:00Z"), viewer: nil)
        #expect(g.warnings.first == OncallWarning(member: "alice", at: F.at("2026-01-07T20:00:00Z"), when: .now, concern: .timeOff))
        #expect(g.mine == nil)

        // Cancelled time off: no warning now.
        let cancelled = off + F.event(id: "t2", lc: 6, by: "alice", op: "timeoff.cancel", "\"ref\":\"t1\"")
        snap = try snapshot(cancelled)
        g = OncallGlance(snap.rotation("primary")!, in: snap, now: F.at("2026-01-07T20:00:00Z"), viewer: nil)
        #expect(!g.warnings.contains { $0.when == .now })
    }

    @Test func glanceChecksHoursInTheMembersOwnZoneAcrossMidnight() throws {
        // chen (Tokyo) works wed 09:00-18:00 local; an override puts chen on call.
        let journal = Self.override("o", lc: 10, member: "chen", from: "2026-01-06T23:00:00Z", to: "2026-01-07T12:00:00Z")
        let snap = try snapshot(journal, extra: ["members/chen.toml": F.member("Chen", zone: "Asia/Tokyo", hours: "tue = \"22:00-02:00\"\nwed = \"09:00-18:00\"")])
        let rot = snap.rotation("primary")!
        // 2026-01-07T00:30Z = Wed 09:30 Tokyo: inside hours.
        #expect(!OncallGlance(rot, in: snap, now: F.at("2026-01-07T00:30:00Z"), viewer: nil).warnings.contains { $0.when == .now })
        // 2026-01-06T16:30Z = Wed 01:30 Tokyo, inside Tuesday's 22:00-02:00 range (belongs to Tuesday).
        let o2 = Self.override("o2", lc: 11, member: "chen", from: "2026-01-06T16:00:00Z", to: "2026-01-06T17:00:00Z")
        let snap2 = try snapshot(journal + o2, extra: ["members/chen.toml": F.member("Chen", zone: "Asia/Tokyo", hours: "tue = \"22:00-02:00\"\nwed = \"09:00-18:00\"")])
        #expect(!OncallGlance(rot, in: snap2, now: F.at("2026-01-06T16:30:00Z"), viewer: nil).warnings.contains { $0.when == .now })
        // 2026-01-07T10:00Z = Wed 19:00 Tokyo: outside.
        #expect(OncallGlance(rot, in: snap, now: F.at("2026-01-07T10:00:00Z"), viewer: nil).warnings.contains {
            $0 == OncallWarning(member: "chen", at: F.at("2026-01-07T10:00:00Z"), when: .now, concern: .offHours)
        })
    }
}
