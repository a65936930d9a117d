import ArgumentParser
import MeridianKit

/// `meridian join --id ID --name N --timezone Z --hours SPEC`: writes members/ID.toml.
struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join", abstract: "Write (or rewrite) my member file, members/ID.toml.",
        discussion: "Hours: `mon-fri 09:00-17:30; sat 10:00-12:00,13:00-14:00`. A range ending at or before its start crosses midnight.")

    @Option(help: "My member id (lowercase letters, digits, _ and -).") var id: String
    @Option(help: "My name as teammates see it.") var name: String
    @Option(help: "My IANA time zone, e.g. Asia/Kolkata.") var timezone: String
    @Option(help: "My weekly working hours, e.g. \"mon-fri 09:00-17:00\".") var hours: String
    @Option(help: "An optional chat handle, e.g. @priya.") var handle: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        let path = try ctx.requireDataPath()
        guard SafeFiles.info(path + "/team.toml").kind == .file else { throw CLIError.usage("\(path) is not a team directory: it has no team.toml.") }
        guard Identifiers.isValidName(id) else { throw CLIError.usage("'\(id)' is not a valid member id (lowercase letters, digits, _ and -, up to 32).") }
        guard Zone(timezone) != nil else { throw CLIError.usage("Unknown time zone '\(timezone)'; use an IANA name like Europe/Berlin.") }
        let parsed: WeeklyHours
        switch WeeklyHours.parseSpec(hours) {
        case .success(let h): parsed = h
        case .failure(let e): throw CLIError.usage("Bad --hours: \(e.message).")
        }
        do {
            try MemberFileWriter.write(teamPath: path, id: id, name: name, timezone: timezone, handle: handle, hours: parsed)
        } catch {
            throw CLIError.usage(error.description)
        }
        Output.out("Wrote members/\(id).toml.")
    }
}
