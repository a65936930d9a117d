import ArgumentParser
import Foundation
import MeridianKit

/// `meridian timeoff FROM TO [--note N]` appends `timeoff.add` and prints its id;
/// `meridian timeoff --cancel ID` appends `timeoff.cancel`; with no arguments it lists my time off.
struct TimeoffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeoff", abstract: "Add, cancel or list my time off (timeoff.add / timeoff.cancel).",
        discussion: """
        FROM and TO are two dates (YYYY-MM-DD, inclusive, in my zone) or two ISO-8601 instants (TO exclusive).
        Examples: meridian timeoff 2026-12-24 2026-12-31 --note "holidays"
                  meridian timeoff --cancel 3f2a…   (the id printed when it was added; see `meridian timeoff`)
        """)

    @Argument(help: "First day (YYYY-MM-DD) or start instant.") var from: String?
    @Argument(help: "Last day (inclusive) or end instant (exclusive).") var to: String?
    @Option(help: "A note teammates see, e.g. \"holidays\".") var note: String?
    @Option(help: "Cancel my time off with this id.") var cancel: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        if let cancel {
            guard from == nil, to == nil, note == nil else { throw CLIError.usage("--cancel takes only the id of the time off to cancel.") }
            try cancelTimeOff(cancel, ctx)
            return
        }
        guard let from else {
            try list(ctx)
            return
        }
        guard let to else { throw CLIError.usage("Give both FROM and TO, e.g. meridian timeoff 2026-12-24 2026-12-31.") }
        let span = try Self.span(from, to)
        let snapshot = try ctx.openTeam().snapshot
        var fields: [(key: String, value: JSONValue)]
        switch span {
        case .dates(let a, let b): fields = [("from", .string(a.description)), ("to", .string(b.description))]
        case .instants(let a, let b): fields = [("from", .string(Instant.format(a))), ("to", .string(Instant.format(b)))]
        }
        if let note { fields.append(("note", .string(note))) }
        let id = try ctx.append("timeoff.add", fields, to: snapshot)
        Output.out(id)
    }

    /// Two dates (inclusive) or two instants (`to` after `from`); anything else is bad usage.
    static func span(_ from: String, _ to: String) throws(CLIError) -> TimeSpan {
        if let a = LocalDate(iso: from), let b = LocalDate(iso: to) {
            guard a <= b else { throw .usage("TO (\(to)) is before FROM (\(from)).") }
            return .dates(a, b)
        }
        if let a = Instant.parse(from), let b = Instant.parse(to) {
            guard a < b else { throw .usage("TO (\(to)) must be after FROM (\(from)).") }
            return .instants(a, b)
        }
        throw .usage("FROM and TO must be two dates (YYYY-MM-DD) or two ISO-8601 instants, not '\(from)' and '\(to)'.")
    }

    private func cancelTimeOff(_ ref: String, _ ctx: Context) throws {
        let snapshot = try ctx.openTeam().snapshot
        _ = try ctx.writer(for: snapshot)
        let me = ctx.member ?? ""
        guard snapshot.presence.timeOff(of: me).contains(where: { $0.event == ref }) else {
            throw CLIError.refused("You have no time off with id '\(Sanitize.line(ref))'; run `meridian timeoff` to list yours.")
        }
        try ctx.append("timeoff.cancel", [("ref", .string(ref))], to: snapshot)
        Output.out("Time off \(ref) cancelled.")
    }

    private func list(_ ctx: Context) throws {
        let snapshot = try ctx.openTeam().snapshot
        guard let me = ctx.member else {
            throw CLIError.usage("Who are you? Pass --as MEMBER, set MERIDIAN_MEMBER, or set `member` in \(ctx.paths.configFile).")
        }
        let mine = snapshot.presence.timeOff(of: me)
        if mine.isEmpty { Output.out("No time off for \(me)."); return }
        for t in mine {
            let range: String
            switch t.span {
            case .dates(let a, let b): range = "\(a) … \(b)"
            case .instants(let a, let b): range = "\(Instant.format(a)) … \(Instant.format(b))"
            }
            Output.out("\(t.event)  \(range)" + (t.note.map { "  \(Sanitize.line($0))" } ?? ""))
        }
    }
}
