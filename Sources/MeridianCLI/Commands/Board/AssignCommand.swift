import ArgumentParser
import MeridianKit

/// `meridian assign ID MEMBER`: sets the holder outright; `--clear` (or the word `none`, when no
/// member is called that) leaves the task with no holder.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give a task to a member (or to nobody).",
        discussion: "Examples: meridian assign k7m2q priya · meridian assign k7m2q --clear · meridian assign k7m2q none")

    @Argument(help: "The task id.") var id: String
    @Argument(help: "The member who will hold it; `none` for nobody.") var member: String?
    @Flag(help: "Unassign: the task has no holder.") var clear = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global, writing: true)
        let members = s.snapshot.members.map(\.id)
        let to: String?
        switch (member, clear) {
        case (nil, false): throw CLIError.usage("Name the member to assign, or pass --clear to unassign.")
        case (_?, true): throw CLIError.usage("Give a member or --clear, not both.")
        case (nil, true): to = nil
        case (let m?, false): to = (m == "none" && !members.contains("none")) ? nil : m
        }
        try s.perform(on: id, { task throws(BoardRefusal) in try BoardActions.assign(task.id, to: to, members: members, board: s.board) }) { task, _ in
            to.map { "Assigned \(BoardSession.label(task)) to \($0)." } ?? "Unassigned \(BoardSession.label(task))."
        }
    }
}

/// `meridian comment ID TEXT`: appends a comment to a task.
struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Comment on a task.")

    @Argument(help: "The task id.") var id: String
    @Argument(help: "The comment.") var text: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let s = try BoardSession(global, writing: true)
        try s.perform(on: id, { task throws(BoardRefusal) in try BoardActions.comment(task.id, text: text, board: s.board) }) { task, _ in
            "Commented on \(BoardSession.label(task))."
        }
    }
}
