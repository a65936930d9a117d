import ArgumentParser
import Foundation
import MeridianKit

/// `meridian init DIR --name N`: creates an empty team directory.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create an empty team directory.")

    @Argument(help: "The folder to create (it may exist if empty).") var directory: String
    @Option(help: "The team's name.") var name: String
    @Flag(help: "Also write a .gitattributes with merge=union for journals (for teams syncing with git).") var git = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        _ = try Context(global)
        let fm = FileManager.default
        if SafeFiles.info(directory + "/team.toml").kind != .missing {
            throw CLIError.refused("\(directory) already has a team.toml.")
        }
        do {
            for sub in ["", "/members", "/oncall", "/journal"] {
                try fm.createDirectory(atPath: directory + sub, withIntermediateDirectories: true)
            }
            let quoted = { (s: String) -> String in var o = ""; JSONWriter.writeString(s, into: &o); return o }
            let toml = """
            name = \(quoted(name))
            columns = ["Todo", "Doing", "Review", "Done"]

            [wip]
            Doing = 3

            [board]
            stale_claim_days = 5

            """
            try toml.write(toFile: directory + "/team.toml", atomically: true, encoding: .utf8)
            if git {
                try "journal/**/*.jsonl merge=union\n".write(toFile: directory + "/.gitattributes", atomically: true, encoding: .utf8)
            }
        } catch {
            throw CLIError.usage("Cannot create \(directory): \(error.localizedDescription)")
        }
        Output.out("Created team '\(Sanitize.line(name))' in \(directory). Next: meridian join --data \(directory) --id YOU --name \"Your Name\" --timezone Area/City --hours \"mon-fri 09:00-17:00\"")
    }
}
