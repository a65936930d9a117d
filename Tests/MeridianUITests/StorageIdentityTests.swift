import Foundation
import MeridianKit
@testable import MeridianUI
import Testing

/// `StorageIdentity` only ever says "the same" for values that are: a copy is the same, a changed
/// copy is not, and storage shared by copy-on-write stays the same while an old value holds it.
@Suite struct StorageIdentityTests {
    struct Parts {
        var list: [Int]
        var table: [String: Int]
        var count: Int
        var doubled: Int { count * 2 }
    }

    @Test func copiesAreTheSameAndChangedCopiesAreNot() {
        let old = Parts(list: [1, 2, 3], table: ["a": 1], count: 3)
        var new = old
        #expect(StorageIdentity.same(old, new))
        new.table["b"] = 2
        #expect(!StorageIdentity.same(old, new))
        #expect(StorageIdentity.same(old, new, except: \Parts.table))
        new.list.append(4)
        #expect(!StorageIdentity.same(old, new, except: \Parts.table))
        var counted = old
        counted.count = 4
        #expect(!StorageIdentity.same(old, counted, except: \Parts.table))
        // Equal values in separate storage are not claimed to be the same (nor are they wrongly).
        #expect(!StorageIdentity.same(old, Parts(list: [1, 2, 3], table: ["a": 1], count: 3)))
        // Not a stored property: no claim.
        #expect(!StorageIdentity.same(old, old, except: \Parts.doubled))
    }

    /// The dashboard compares presence folds by statuses and the rest apart: a status leaves the
    /// rest (time off) in the same storage, a time off does not.
    @Test func aStatusLeavesTheTimeOffStorageOfAPresenceFoldAsItWas() throws {
        let team = try GeneratedTeam()
        defer { team.remove() }
        let before = team.team.snapshot.presence
        try team.append("m003", "status.set", [("text", .string("Lunch")), ("kind", .string("away"))], at: IncrementalDerivationTests.start)
        let afterStatus = team.team.snapshot.presence
        #expect(MemoryLayout<PresenceState>.offset(of: \PresenceState.statusHistory) != nil)
        #expect(!StorageIdentity.same(before, afterStatus))
        #expect(StorageIdentity.same(before, afterStatus, except: \PresenceState.statusHistory))
        try team.append("m003", "timeoff.add", [("from", .string("2026-11-02")), ("to", .string("2026-11-03"))], at: IncrementalDerivationTests.start)
        #expect(!StorageIdentity.same(afterStatus, team.team.snapshot.presence, except: \PresenceState.statusHistory))
    }
}
