import Foundation
import MeridianKit

/// The `board` section: columns with their tasks, WIP state, and every lost claim.
enum BoardReport {
    /// `holder` non-nil keeps only that member's tasks and lost claims (`board --mine --json`);
    /// `over_limit` always counts the whole column.
    /// `layout` is the board's layout when already worked out.
    static func write<E: JSONEmitter>(_ snapshot: TeamSnapshot, _ request: StatusReport.Request, holder: String? = nil,
                                      layout: BoardLayout? = nil, into e: inout E) {
        let board = snapshot.board
        let layout = layout ?? board.layout
        let staleDays = snapshot.settings.staleClaimDays
        e.object { e in
            e.array("columns") { e in
                for (name, slots) in zip(board.columns, layout.columns) {
                    let limit = snapshot.settings.wipLimits[name]
                    e.object { e in
                        e.field("name", name)
                        e.field("wip_limit", limit)
                        e.field("over_limit", limit.map { slots.count > $0 } ?? false)
                        e.array("tasks") { e in
                            // Lent in place: a task copied out of the table costs a retain and a
                            // release of each of its strings and arrays.
                            for slot in slots {
                                layout.withTask(slot) { t in
                                    if holder == nil || t.holder == holder {
                                        task(t, column: name, now: request.now, staleDays: staleDays, into: &e)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            e.array("conflicts") { e in
                for c in board.conflicts where holder == nil || c.member == holder {
                    e.object { e in
                        e.field("task", c.task)
                        e.field("member", c.member)
                        e.field("lost_to", c.lostTo)
                        e.field("event", c.event)
                    }
                }
            }
        }
    }

    /// `{id, title, column, holder, priority, labels, due, stale, notes, comments}`.
    @inline(__always)
    private static func task<E: JSONEmitter>(_ t: BoardTask, column: String, now: Date, staleDays: Double?, into e: inout E) {
        e.object { e in
            e.field("id", t.id)
            e.field("title", t.title)
            e.field("column", column)
            e.field("holder", t.holder)
            e.field("priority", t.priority.rawValue)
            e.field("labels", strings: t.labels)
            e.field("due", t.due?.text)
            e.field("stale", BoardQueries.isStale(t, now: now, staleDays: staleDays))
            e.field("notes", t.notes)
            e.field("comments", t.comments.count)
        }
    }

    /// The section as a tree (`board --json`).
    static func build(_ snapshot: TeamSnapshot, _ request: StatusReport.Request, holder: String? = nil) -> JSONNode {
        JSONTreeBuilder.build { write(snapshot, request, holder: holder, into: &$0) }
    }
}
