import ArgumentParser
import MeridianKit

/// `meridian board [--mine] [--json]`: the board, readable or as the `board` section of status.
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "board", abstract: "Print the task board.")

    @Flag(help: "Only tasks I hold (and claims I lost).") var mine = false
    @Flag(help: "Print the `board` object of `status --json`.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global)
        var only: String?
        if mine {
            guard let m = s.ctx.member else { throw CLIError.usage("--mine needs to know who you are: pass --as MEMBER or set MERIDIAN_MEMBER.") }
            only = m
        }
        let zone = s.ctx.viewerZone(s.snapshot)
        if json {
            let request = StatusReport.Request(now: s.ctx.now, viewer: s.ctx.member, viewerZone: zone)
            Output.out(BoardReport.build(s.snapshot, request, holder: only).text(pretty: true))
        } else {
            Output.out(BoardText.render(s.snapshot, now: s.ctx.now, zone: zone, viewer: s.ctx.member, only: only))
        }
    }
}
