import Foundation
import MeridianKit

/// What the time views read about each member: the profile and the member's slice of the presence
/// fold. Kept in `DerivedViews` so that a new snapshot is compared member by member, and only the
/// rows of members whose inputs changed are re-derived.
struct MembersPart: Sendable {
    var generation: Int
    /// Bumped whenever some member's inputs changed.
    var version: Int
    var members: [MemberProfile]
    var presence: PresenceState
    /// Each member's slice of `presence`, by index in `members`.
    var slices: [MemberSlice]
    /// What changed at the last bump; nil: the member list itself changed.
    var changed: MemberChanges?

    /// What changed since `version` (nothing, when it is this one), or nil when that is not known
    /// (more than one bump ago, or the member list changed): then everything is re-derived.
    func changes(since version: Int) -> MemberChanges? {
        if version == self.version { return MemberChanges() }
        if version == self.version - 1 { return changed }
        return nil
    }
}

/// The members whose inputs changed, by what the views read: plans (time off — the timeline, the
/// on-call warnings and the clocks read them) and statuses (only the clocks show them; the plan
/// and on-call warnings ignore statuses, SPEC §2).
struct MemberChanges: Sendable, Equatable {
    var plans: Set<String> = []
    var statuses: Set<String> = []

    var isEmpty: Bool { plans.isEmpty && statuses.isEmpty }
    /// Members whose Clocks row may differ.
    func affectsClocks(_ id: String) -> Bool { plans.contains(id) || statuses.contains(id) }
}

/// One member's part of the presence fold: statuses and time off.
struct MemberSlice: Sendable {
    /// The member's status events (compared by storage: appending to one member's history leaves
    /// every other member's history where it was).
    var history: [(at: Date, status: MemberStatus?)]?
    var timeOff: [TimeOff]

    init(_ member: String, _ presence: PresenceState) {
        history = presence.statusHistory[member]
        timeOff = presence.timeOff(of: member)
    }

    init(history: [(at: Date, status: MemberStatus?)]?, timeOff: [TimeOff]) {
        self.history = history
        self.timeOff = timeOff
    }
}

extension AppState {
    /// Brings `derived.members` up to date: a new member list bumps the version with every member
    /// changed; a new presence fold bumps it with the members whose slice differs.
    mutating func refreshMembers() {
        let generation = snapshotGeneration
        if derived.members?.generation == generation { return }
        let members = snapshot.members
        let presence = snapshot.presence
        guard var part = derived.members, part.members == members else {
            let version = derived.members.map { $0.version + 1 } ?? 0
            derived.members = MembersPart(generation: generation, version: version, members: members, presence: presence,
                                          slices: members.map { MemberSlice($0.id, presence) }, changed: nil)
            return
        }
        part.generation = generation
        part.members = members
        if !StorageIdentity.same(part.presence, presence) {
            // Statuses member by member; time off too, unless nothing but the statuses changed.
            let sameTimeOff = StorageIdentity.same(part.presence, presence, except: \PresenceState.statusHistory)
            let slices = members.indices.map { i in
                sameTimeOff ? MemberSlice(history: presence.statusHistory[members[i].id], timeOff: part.slices[i].timeOff)
                            : MemberSlice(members[i].id, presence)
            }
            var changed = MemberChanges()
            for i in members.indices {
                if !sameTimeOff, slices[i].timeOff != part.slices[i].timeOff { changed.plans.insert(members[i].id) }
                if !StorageIdentity.same(slices[i].history, part.slices[i].history) { changed.statuses.insert(members[i].id) }
            }
            part.presence = presence
            part.slices = slices
            if !changed.isEmpty {
                part.version += 1
                part.changed = changed
            }
        }
        derived.members = part
    }
}
