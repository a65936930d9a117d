import Foundation
import Testing
@testable import MeridianKit

/// Meeting windows: ranked by how many are in, then soonest; long enough; never dominated.
@Suite("Time: slots")
struct TimeSlotsTests {
    @Test("three people across New York, London and Kolkata")
    func ranking() {
        let weekdays = ["mon", "tue", "wed", "thu", "fri"]
        func m(_ zone: String, _ r: String) -> String { TimeFixture.member(zone, Dictionary(uniqueKeysWithValues: weekdays.map { ($0, r) })) }
        let snap = TimeFixture(members: ["ny": m("America/New_York", "08:00-16:00"), "lon": m("Europe/London", "09:00-17:00"),
                                         "kol": m("Asia/Kolkata", "11:00-19:00")]).snapshot
        let from = at("2026-06-08T00:00:00Z")   // a Monday
        let slots = Slots.find(snapshot: snap, members: ["ny", "lon", "kol"], from: from, days: 7, minimumMinutes: 60, limit: 50)
        // All three: London 12:00-13:30 is New York 07:00… no — ny starts 08:00 = 12:00Z, kol ends 19:00 = 13:30Z.
        let ny8 = TimeOracle.instant("America/New_York", "2026-06-08T08:00"), kol19 = TimeOracle.instant("Asia/Kolkata", "2026-06-08T19:00")
        #expect(slots.first?.members == ["kol", "lon", "ny"])
        #expect(slots.first?.interval == InstantInterval(start: ny8, end: kol19))
        #expect(slots.prefix(5).allSatisfy { $0.members.count == 3 })
        #expect(slots.count > 5 && slots[5].members.count == 2)
        for s in slots {
            #expect(s.interval.duration >= 3600)
            #expect(Set(s.members + s.missing) == ["ny", "lon", "kol"])
        }
        for (a, b) in zip(slots, slots.dropFirst()) {
            #expect(a.members.count > b.members.count || (a.members.count == b.members.count && a.interval.start <= b.interval.start))
        }
        // A 2-hour minimum leaves out the 90-minute three-way window.
        let long = Slots.find(snapshot: snap, members: ["ny", "lon", "kol"], from: from, days: 7, minimumMinutes: 120)
        #expect(long.allSatisfy { $0.members.count < 3 })
        #expect(Slots.find(snapshot: snap, members: ["ny"], from: at("2026-06-13T00:00:00Z"), days: 1, minimumMinutes: 60).isEmpty)
    }
}
