import Foundation

/// Folds a large merge on two cores and gives the state `TeamState.apply` would give one event
/// at a time. Task events go to one of two board parts by a hash of their task id (a task's
/// events never interact with another task's); presence and overrides fold in a third. Then the
/// parts are put together: creation order, lost claims and problems are re-merged by their
/// place in merge order, so nothing depends on which part an event went to.
enum ParallelFold {
    /// Below this many events the fold stays on the calling thread.
    static let minimumEvents = 20_000

    /// One board part's fold, with the merge positions of what must be re-ordered later.
    private struct BoardPart {
        var board: BoardState
        /// With the cache of writers: the logs stay unchanged while the fold runs.
        var strings = FoldStrings(caching: true)
        /// Merge positions of the winning creates, in this part's creation order.
        var creates: [Int] = []
        /// Merge positions of this part's lost claims, in order.
        var conflicts: [Int] = []
        var problems: [(Int, Problem)] = []
        /// What the look-ahead read, kept so the reads are not optimised away.
        var warmth: UInt64 = 0
    }

    /// Presence and overrides.
    private struct RestPart {
        var presence = PresenceState()
        var overrides = OverrideState()
        var strings = FoldStrings(caching: true)
        var problems: [(Int, Problem)] = []
    }

    /// Each worker writes only its own property (never a shared array: its copy-on-write is not
    /// thread-safe); read after `concurrentPerform` returns.
    private final class Slots: @unchecked Sendable {
        var first: BoardPart?
        var second: BoardPart?
        var rest: RestPart?
    }

    /// The fold of `merged` over `logs` (their files' views, kept alive by the caller). Each part
    /// reads only its own events (`merged.parts`), so no part waits on another's memory.
    static func fold(_ merged: EventMerge.Merged, _ logs: [EventLogView], files: [String], columns: [String], rotations: Set<String>) -> TeamState {
        let refs = merged.refs, parts = merged.parts
        let slots = Slots()
        DispatchQueue.concurrentPerform(iterations: 3) { k in
            switch k {
            case 0: slots.first = foldBoard(part: 0, refs, parts, logs, files: files, columns: columns)
            case 1: slots.second = foldBoard(part: 1, refs, parts, logs, files: files, columns: columns)
            default: slots.rest = foldRest(refs, parts, logs, files: files, rotations: rotations)
            }
        }
        guard let firstCreates = slots.first?.creates, let secondCreates = slots.second?.creates, slots.rest != nil else {
            preconditionFailure("a fold part did not run")
        }
        // Creation order: the parts' creates, merged by merge position; each part renumbers its
        // own tasks in place, on its own core (the slots hold the only copy, so nothing is copied).
        let ranks = mergeRanks(firstCreates, secondCreates)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            if k == 0 { slots.first!.board.renumberCreations(ranks.0) } else { slots.second!.board.renumberCreations(ranks.1) }
        }
        // Moved out of the slots, so the board below is the only holder of its storage.
        var first = slots.first!
        let second = slots.second!
        let rest = slots.rest!
        slots.first = nil
        slots.second = nil
        slots.rest = nil
        let conflicts = mergeByPosition(Array(zip(first.conflicts, first.board.conflicts)), Array(zip(second.conflicts, second.board.conflicts)))
        first.board.absorb(second.board, conflicts: conflicts.map(\.1))
        let problems = mergeByPosition(mergeByPosition(first.problems, second.problems), rest.problems).map(\.1)
        // Merge order is ascending `lc`: the last event has the largest.
        let maxLC = refs.last.map { logs[Int($0.list)].records[Int($0.index)].lc } ?? 0
        return TeamState(board: first.board, presence: rest.presence, overrides: rest.overrides, eventProblems: problems,
                         maxLC: maxLC, eventCount: refs.count, rotations: rotations, strings: first.strings.interner)
    }

    /// Events a board part gathers, looks ahead at and then applies at a time.
    static let blockSize = 64

    /// One event of a block: where it is in merge order and its log, the record, and its look-ahead.
    private struct Pending {
        var position: Int
        var list: Int
        var record: EventRecord
        var ahead: BoardState.LookAhead
    }

    /// Folds this part's events in blocks. Nearly every step of an event misses the cache (the
    /// record, its task id, the id's slot, the task), and one event's misses depend on each other,
    /// so applying events one by one waits on them in turn. A block is instead walked four times:
    /// gather the records, look each task id up (read only), read a word of each task, then apply
    /// the events in merge order; the first three walks have no dependence from one event to the
    /// next, so their misses overlap.
    private static func foldBoard(part k: Int, _ refs: [EventMerge.Ref], _ parts: [UInt8], _ logs: [EventLogView], files: [String],
                                  columns: [String]) -> BoardPart {
        var p = BoardPart(board: BoardState(columns: columns))
        // This worker's own copies of the names: tasks keep them (`columnSource`), and counting
        // references to strings the other worker counts too would bounce their memory between cores.
        let files = files.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        var warmth: UInt64 = 0
        logs.withUnsafeBufferPointer { logs in
            inBlocks(of: UInt8(k), refs, parts, logs) { block in
                for i in block.indices where block[i].record.op.isTaskOp {
                    block[i].ahead = p.board.lookAhead(block[i].record, in: logs[block[i].list])
                }
                for i in block.indices where block[i].record.op.isTaskOp {
                    warmth &+= p.board.warm(block[i].record, in: logs[block[i].list], block[i].ahead)
                }
                for e in block where e.record.op.isTaskOp {
                    let creates = p.board.creationCount, lost = p.board.conflicts.count
                    if let problem = p.board.apply(e.record, in: logs[e.list], file: { files[e.list] }, strings: &p.strings, ahead: e.ahead) {
                        p.problems.append((e.position, problem))
                    }
                    if p.board.creationCount > creates { p.creates.append(e.position) }
                    if p.board.conflicts.count > lost { p.conflicts.append(e.position) }
                }
            }
        }
        p.warmth = warmth
        return p
    }

    private static func foldRest(_ refs: [EventMerge.Ref], _ parts: [UInt8], _ logs: [EventLogView], files: [String],
                                 rotations: Set<String>) -> RestPart {
        var p = RestPart()
        logs.withUnsafeBufferPointer { logs in
            inBlocks(of: 2, refs, parts, logs) { block in
                for e in block {
                    let log = logs[e.list]
                    switch e.record.op {
                    case .statusSet, .statusClear, .timeoffAdd, .timeoffCancel:
                        p.presence.apply(e.record, in: log, strings: &p.strings)
                    case .oncallOverride, .oncallCancel:
                        if let problem = p.overrides.apply(e.record, in: log, file: files[e.list], rotations: rotations) {
                            p.problems.append((e.position, problem))
                        }
                    default:
                        break
                    }
                }
            }
        }
        return p
    }

    /// Hands `body` the events of one part in blocks of up to `blockSize`, in merge order, each
    /// block's records gathered first in a loop of independent reads (so their misses overlap).
    @inline(__always)
    private static func inBlocks(of part: UInt8, _ refs: [EventMerge.Ref], _ parts: [UInt8], _ logs: UnsafeBufferPointer<EventLogView>,
                                 _ body: (UnsafeMutableBufferPointer<Pending>) -> Void) {
        refs.withUnsafeBufferPointer { refs in
            parts.withUnsafeBufferPointer { parts in
                withUnsafeTemporaryAllocation(of: Pending.self, capacity: blockSize) { block in
                    var next = 0
                    while next < refs.count {
                        var n = 0
                        while next < refs.count && n < blockSize {
                            if parts[next] == part {
                                let ref = refs[next]
                                let list = Int(ref.list)
                                block.initializeElement(at: n, to: Pending(position: next, list: list, record: logs[list].records[Int(ref.index)],
                                                                          ahead: BoardState.LookAhead()))
                                n += 1
                            }
                            next += 1
                        }
                        body(UnsafeMutableBufferPointer(rebasing: block[0..<n]))
                    }
                }
            }
        }
    }

    /// For two ascending lists of positions, each element's place in their merge.
    static func mergeRanks(_ a: [Int], _ b: [Int]) -> ([Int], [Int]) {
        var ra = [Int](repeating: 0, count: a.count), rb = [Int](repeating: 0, count: b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                ra[i] = i + j
                i += 1
            } else {
                rb[j] = i + j
                j += 1
            }
        }
        return (ra, rb)
    }

    /// Two lists ascending by position, merged (positions are distinct: one event, one place).
    static func mergeByPosition<T>(_ a: [(Int, T)], _ b: [(Int, T)]) -> [(Int, T)] {
        var out: [(Int, T)] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].0 < b[j].0) {
                out.append(a[i])
                i += 1
            } else {
                out.append(b[j])
                j += 1
            }
        }
        return out
    }
}
