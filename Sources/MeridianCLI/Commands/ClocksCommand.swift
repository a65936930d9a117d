import ArgumentParser
import Foundation
import MeridianKit

/// `meridian clocks`: every member's local time, offset, availability and status, as a table.
struct ClocksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clocks",
        abstract: "Everyone's local time, offset, availability and status.",
        discussion: "Example: meridian clocks --as alice"
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = try Context(global)
        let snapshot = try ctx.openTeam().snapshot
        Output.out(Self.render(snapshot, now: ctx.now, viewerZone: ctx.viewerZone(snapshot)))
    }

    static func render(_ snapshot: TeamSnapshot, now: Date, viewerZone: Zone) -> String {
        let viewerOffset = viewerZone.offset(at: now)
        var lines = ["\(Sanitize.line(snapshot.settings.name)) — your time \(TimeText.dayClock(viewerZone.local(now))) "
            + "\(Zone.formatOffset(viewerOffset)) (\(viewerZone.identifier))", ""]
        let people = Availability.all(snapshot: snapshot, at: now, viewerZone: viewerZone)
        if people.isEmpty {
            lines.append("  No members yet: add one with `meridian join`.")
            return lines.joined(separator: "\n")
        }
        var table = TextTable()
        table.add(["NAME", "LOCAL", "UTC", "VS YOU", "CUE", "NOW", "UNTIL", "STATUS"])
        for a in people {
            let local = a.localTime
            let diff = a.utcOffset - viewerOffset
            let vsYou = diff == 0 ? "same" : Zone.formatOffset(diff)
            var until = "-"
            if let next = a.nextChange {
                until = "\(TimeText.dayClock(a.member.zone.local(next))) (\(TimeText.until(next, from: now)))"
            }
            var status = "-"
            if let s = a.status {
                status = "\(s.kind.rawValue): \(Sanitize.line(s.text))"
                if let u = s.until { status += " (until \(TimeText.dayClock(viewerZone.local(u))) your time)" }
            }
            table.add([Sanitize.line(a.member.name), TimeText.dayClock(local), Zone.formatOffset(a.utcOffset), vsYou,
                       TimeText.cue(local), a.availability.rawValue.replacingOccurrences(of: "_", with: " "), until, status])
        }
        lines += table.render()
        let warnings = people.compactMap { a in a.dstChange.map { (a, $0) } }
        if !warnings.isEmpty {
            lines.append("")
            for (a, c) in warnings { lines.append("  ! \(Sanitize.line(a.member.name)): \(c.message(now: now))") }
        }
        return lines.joined(separator: "\n")
    }
}
