/// What the merge's grouping step reads of each event, by flat position, in lists of their own:
/// its clock, its id's fingerprint and the fold part it goes to. Made in one pass over the logs
/// in file order, they spare the grouping (which visits events in merge order, all over memory)
/// a 72-byte record per event: it reads 16 bytes, and a record only where two events share a
/// clock and a fingerprint.
struct MergeKeys: @unchecked Sendable {
    /// An event's clock and id fingerprint, side by side (one cache line holds four events').
    struct Key {
        var lc: Int64
        var fingerprint: UInt64
    }

    let keys: [Key]
    /// Per position, the fold part (`EventMerge.Merged.parts`).
    let parts: [UInt8]
    /// The smallest and largest clock (0 and 0 when there are no events).
    let minLC: Int64
    let maxLC: Int64

    init(_ logs: [EventLogView], count: Int) {
        var low = Int64.max, high = Int64.min
        keys = [Key](unsafeUninitializedCapacity: count) { buffer, made in
            var p = 0
            for log in logs {
                for r in log.records {
                    buffer[p] = Key(lc: r.lc, fingerprint: log.idFingerprint(r))
                    low = min(low, r.lc)
                    high = max(high, r.lc)
                    p += 1
                }
            }
            made = p
        }
        parts = [UInt8](unsafeUninitializedCapacity: count) { buffer, made in
            var p = 0
            for log in logs {
                for r in log.records {
                    buffer[p] = MergeKeys.part(r)
                    p += 1
                }
            }
            made = p
        }
        precondition(keys.count == count && parts.count == count, "merge keys miscounted")
        minLC = count == 0 ? 0 : low
        maxLC = count == 0 ? 0 : high
    }

    /// The fold part of an event: 0 or 1 a task event (by its task's half), 2 presence or
    /// on-call, 3 an op this version does not know.
    @inline(__always)
    static func part(_ r: EventRecord) -> UInt8 {
        r.op.isTaskOp ? UInt8(r.taskHalf) : r.op == .unknown ? 3 : 2
    }
}
