import ArgumentParser
import MeridianKit

/// `meridian task show ID`: every field of one task, its comments and its lost claims.
struct TaskShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one task in full.")

    @Argument(help: "The task id.") var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global)
        let task = try s.task(id)
        Output.out(TaskDetailText.render(task, snapshot: s.snapshot, now: s.ctx.now, zone: s.ctx.viewerZone(s.snapshot)))
    }
}
