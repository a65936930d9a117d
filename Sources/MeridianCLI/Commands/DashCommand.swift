import ArgumentParser
import MeridianKit

/// `meridian dash` (the default command): the full-screen dashboard.
struct DashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dash", abstract: "The full-screen dashboard (the default command).")

    @Option(help: "A theme: default, light, solarized-dark, a name in $XDG_CONFIG_HOME/meridian/themes, or a path to a .toml file.")
    var theme: String?
    @Flag(help: "Draw with ASCII characters only, even in a UTF-8 terminal.")
    var ascii = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        try Dashboard.run(context: ctx, theme: theme, ascii: ascii, frozenClock: global.now != nil)
    }
}
