import ArgumentParser

/// Lets the options every command takes come before the command's name, as in
/// `meridian --data TEAM --as priya status`: they are moved after the (sub)command path, where
/// swift-argument-parser looks for them. Anything else is left exactly as typed.
enum LeadingGlobalOptions {
    /// The long names of `GlobalOptions`; each takes one value (`--data DIR` or `--data=DIR`).
    static let names = ["--data", "--as", "--device", "--now"]

    static func reorder(_ arguments: [String], root: ParsableCommand.Type = MeridianCommand.self) -> [String] {
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
        guard !globals.isEmpty else { return arguments }
        var path: [String] = []
        var choices = root.configuration.subcommands
        while i < arguments.count, let sub = choices.first(where: { $0.configuration.commandName == arguments[i] }) {
            path.append(arguments[i])
            choices = sub.configuration.subcommands
            i += 1
        }
        // No command named after the options: the default command (the dashboard) takes them as they are.
        guard !path.isEmpty else { return arguments }
        return path + globals + arguments[i...]
    }
}
