import ArgumentParser
import Foundation

/// `meridian`: the root command; with no subcommand it opens the dashboard.
public struct MeridianCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "meridian",
        abstract: "A live terminal dashboard for remote teams across time zones.",
        version: "0.1.0",
        subcommands: CommandRegistry.all,
        defaultSubcommand: CommandRegistry.defaultCommand
    )

    public init() {}
}

/// Entry point: parses, runs, and maps every failure to one plain sentence and SPEC's exit codes.
public enum MeridianMain {
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try MeridianCommand.parseAsRoot(LeadingGlobalOptions.reorder(arguments))
            try command.run()
            ProcessExit.exit(0)
        } catch let e as CLIError {
            Output.error(e.message)
            ProcessExit.exit(e.code)
        } catch let e as ExitCode {
            ProcessExit.exit(e.rawValue)
        } catch {
            let code = MeridianCommand.exitCode(for: error)
            if code == .success {
                // --help, --version
                Output.out(MeridianCommand.fullMessage(for: error))
                ProcessExit.exit(0)
            }
            Output.error(sentence(MeridianCommand.message(for: error), command: LeadingGlobalOptions.commandPath(arguments)))
            ProcessExit.exit(2)
        }
    }

    /// swift-argument-parser's own messages ("Missing expected argument '<id>'") as one sentence
    /// that ends like ours do, pointing at the command's `--help`.
    static func sentence(_ message: String, command: [String]) -> String {
        let text = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        let help = "`" + (["meridian"] + command + ["--help"]).joined(separator: " ") + "`"
        guard let last = text.last else { return "Bad usage; see \(help)." }
        return ".!?".contains(last) ? text : "\(text); see \(help)."
    }
}
