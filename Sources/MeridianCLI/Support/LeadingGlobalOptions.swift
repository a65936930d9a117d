import ArgumentParser

/// Lets the options every command takes come before the command's name, as in
/// `meridian --data TEAM --as priya status`: they are moved after the (sub)command path, where
/// swift-argument-parser looks for them. Anything else is left exactly as typed.
enum LeadingGlobalOptions {
    /// The long names of `GlobalOptions`; each takes one value (`--data DIR` or `--data=DIR`).
    static let names = ["--data", "--as", "--device", "--now"]

    static func reorder(_ arguments: [String], root: ParsableCommand.Type = MeridianCommand.self) -> [String] {
        let (globals, path, rest) = split(arguments, root: root)
        // No command named after the options: the default command (the dashboard) takes them as they are.
        guard !globals.isEmpty, !path.isEmpty else { return arguments }
        return path + globals + rest
    }

    /// The (sub)command names typed, after any leading global options: `["task", "add"]`.
    static func commandPath(_ arguments: [String], root: ParsableCommand.Type = MeridianCommand.self) -> [String] {
        split(arguments, root: root).path
    }

    /// Leading global options, the command path after them, and everything else.
    private static func split(_ arguments: [String], root: ParsableCommand.Type) -> (globals: [String], path: [String], rest: [String]) {
        var globals: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if names.contains(a), i + 1 < arguments.count {
                globals += [a, arguments[i + 1]]
                i += 2
            } else if names.contains(where: { a.hasPrefix($0 + "=") }) {
                globals.append(a)
                i += 1
            } else {
                break
            }
        }
        var path: [String] = []
        var choices = root.configuration.subcommands
        while i < arguments.count, let sub = choices.first(where: { $0.configuration.commandName == arguments[i] }) {
            path.append(arguments[i])
            choices = sub.configuration.subcommands
            i += 1
        }
        return (globals, path, Array(arguments[i...]))
    }
}
