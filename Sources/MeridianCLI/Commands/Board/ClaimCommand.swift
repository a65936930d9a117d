import ArgumentParser
import MeridianKit

/// `meridian claim ID`: takes a free task. Refuses (exit 1, writes nothing) when TEAM shows
/// another holder; claiming a task I hold already succeeds and writes nothing.
struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "claim", abstract: "Claim a task (refused when someone else holds it).")

    @Argument(help: "The task id.") var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global, writing: true)
        let task = try s.task(id)
        switch try s.decide({ () throws(BoardRefusal) in try BoardActions.claim(task.id, by: s.me, board: s.board) }) {
        case .unchanged(let why): Output.out(why)
        case .write(let draft):
            try s.write(draft)
            Output.out("Claimed \(BoardSession.label(task)).")
        }
    }
}

/// `meridian release ID`: frees a task I hold (exit 1 when I don't hold it).
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Release a task you hold.")

    @Argument(help: "The task id.") var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global, writing: true)
        try s.perform(on: id, { task throws(BoardRefusal) in try BoardActions.release(task.id, by: s.me, board: s.board) }) { task, _ in
            "Released \(BoardSession.label(task))."
        }
    }
}
