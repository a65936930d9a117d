import Foundation
import Testing
import MeridianKit

/// `status` and `check` use the journal cache in `$XDG_STATE_HOME/meridian/cache/`: the same
/// output with and without it (`MERIDIAN_NO_CACHE=1`), through appends and a write by `claim`,
/// and nothing is ever written into TEAM.
@Suite struct JournalCacheCLITests {
    @Test func statusAndCheckAreTheSameWithAndWithoutTheCache() throws {
        let cli = CLIRunner()
        let team = cli.sandbox + "/team"
        try BigTeamGenerator(config: .init(members: 6, zones: 4, tasks: 60, events: 600, files: 8)).write(to: team)
        cli.write("team/journal/m001/bad.jsonl", "{\"id\":\"x\"}\nnot json\n")
        let status = ["status", "--json", "--data", team, "--as", "m000", "--now", "2026-11-25T14:00:00Z"]
        let check = ["check", "--data", team, "--now", "2026-11-25T14:00:00Z"]
        func listing() -> [String] {
            (FileManager.default.enumerator(atPath: team)!.allObjects as! [String]).sorted().map { "\($0) \(SafeFiles.info(team + "/" + $0).size)" }
        }
        let cacheRoot = cli.sandbox + "/state/meridian/cache"
        for round in 0..<3 {
            let before = listing()
            let plain = try cli.run(status, env: ["MERIDIAN_NO_CACHE": "1"])
            let first = try cli.run(status)   // round 0: writes the cache; later: reads it
            let second = try cli.run(status)  // reads it
            #expect(plain.code == 0 && first.code == 0 && second.code == 0, "\(first.stderr)")
            #expect(first.stdout == plain.stdout)
            #expect(second.stdout == plain.stdout)
            let plainCheck = try cli.run(check, env: ["MERIDIAN_NO_CACHE": "1"])
            let cachedCheck = try cli.run(check)
            #expect(plainCheck.code == 1 && cachedCheck.code == 1)
            #expect(plainCheck.stdout == cachedCheck.stdout && plainCheck.stdout.contains("journal/m001/bad.jsonl:2:"))
            #expect(listing() == before, "the cache never writes into TEAM")
            let dirs = (try? FileManager.default.contentsOfDirectory(atPath: cacheRoot)) ?? []
            #expect(dirs.count == 1, "one cache folder per TEAM")
            #expect(dirs.allSatisfy { $0.count == 16 })
            // The write ran in the background, and the process waited for it before exiting.
            let files = dirs.first.map { (try? FileManager.default.contentsOfDirectory(atPath: cacheRoot + "/" + $0)) ?? [] } ?? []
            #expect(files == ["journals.mjp"], "one whole pack, no temporary file left")
            // Change TEAM between rounds: an append by another member, then a write by `claim`.
            if round == 0 {
                cli.write("team/journal/m002/phone.jsonl", "{\"id\":\"late1\",\"lc\":1795615100000,\"at\":\"2026-11-25T13:58:20Z\",\"by\":\"m002\",\"op\":\"status.set\",\"text\":\"Back soon\",\"kind\":\"away\"}\n")
            } else if round == 1 {
                let board = try cli.run(["status", "--json", "--data", team, "--now", "2026-11-25T14:00:00Z"])
                let doc = try JSONSerialization.jsonObject(with: Data(board.stdout.utf8)) as! [String: Any]
                let columns = (doc["board"] as! [String: Any])["columns"] as! [[String: Any]]
                let free = columns.flatMap { $0["tasks"] as! [[String: Any]] }.first { $0["holder"] is NSNull }
                let id = try #require(free?["id"] as? String)
                let claimed = try cli.run(["claim", id, "--data", team, "--as", "m000", "--device", "lap", "--now", "2026-11-25T14:00:00Z"])
                #expect(claimed.code == 0, "\(claimed.stderr)")
            }
        }
    }
}
