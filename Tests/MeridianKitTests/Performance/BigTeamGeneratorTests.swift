import Foundation
import Testing
@testable import MeridianKit

/// The benchmark's team generator: repeatable to the byte, and a team Meridian reads without a problem.
@Suite struct BigTeamGeneratorTests {
    static let small = BigTeamGenerator.Config.scaled(down: 20)

    static func scratch() -> String {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm/" : NSTemporaryDirectory()
        return base + "meridian-bigteam-\(UUID().uuidString)"
    }

    @Test func sameSeedGivesIdenticalBytes() {
        let a = BigTeamGenerator(config: Self.small).files()
        let b = BigTeamGenerator(config: Self.small).files()
        #expect(a.map(\.path) == b.map(\.path))
        #expect(a.map(\.bytes) == b.map(\.bytes))
        var other = Self.small
        other.seed &+= 1
        let c = BigTeamGenerator(config: other).files()
        #expect(a.map(\.bytes) != c.map(\.bytes), "another seed must give another team")
    }

    @Test func sizesMatchTheConfiguration() {
        let files = BigTeamGenerator(config: Self.small).files()
        let journals = files.filter { $0.path.hasPrefix("journal/") }
        let members = files.filter { $0.path.hasPrefix("members/") }
        #expect(journals.count == Self.small.files)
        #expect(members.count == Self.small.members)
        let lines = journals.reduce(0) { $0 + $1.bytes.filter { $0 == 0x0A }.count }
        #expect(lines == Self.small.events)
        let creates = journals.reduce(0) { n, f in n + String(decoding: f.bytes, as: UTF8.self).components(separatedBy: "\"op\":\"task.create\"").count - 1 }
        #expect(creates == Self.small.tasks)
        let zones = Set(members.compactMap { m in
            String(decoding: m.bytes, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("timezone") }
        })
        #expect(zones.count == 14)
    }

    /// A quarter of the big team (5,000 tasks, 50,000 events in 75 files): every line valid in context.
    @Test func generatedTeamLoadsWithZeroProblems() throws {
        let dir = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = BigTeamGenerator.Config.scaled(down: 4)
        try BigTeamGenerator(config: config).write(to: dir)
        let snapshot = try Team(path: dir).snapshot
        #expect(snapshot.problems.map(\.description) == [])
        #expect(snapshot.members.count == config.members)
        #expect(snapshot.rotations.count == 3)
        #expect(snapshot.state.eventCount == config.events)
        #expect(snapshot.board.tasks.count > config.tasks * 9 / 10, "a few tasks are deleted, most live")
        #expect(snapshot.board.tasks.values.contains { !$0.comments.isEmpty })
        #expect(snapshot.board.tasks.values.contains { $0.holder != nil })
        #expect(!snapshot.board.conflicts.isEmpty, "some claims race, as in a real team")
        #expect(!snapshot.presence.allTimeOff.isEmpty)
        // A cold read on several threads and one on a single thread give the same events and problems.
        let parallel = JournalStore(teamPath: dir)
        parallel.refresh()
        let serial = JournalStore(teamPath: dir, parallelRead: false)
        serial.refresh()
        #expect(parallel.rawEvents.map(\.id) == serial.rawEvents.map(\.id))
        #expect(parallel.rawEvents.map(\.source) == serial.rawEvents.map(\.source))
        #expect(parallel.problems == serial.problems)
    }
}
