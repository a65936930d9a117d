import Foundation

/// A coming change in how far a member's clock is from the viewer's, because either zone changes
/// its offset (DST or otherwise): "in 9 days London is 4 h ahead of New York, not 5 h".
public struct DSTChange: Hashable, Sendable {
    /// The first instant with the new offsets.
    public var at: Date
    public var memberZone: Zone
    public var viewerZone: Zone
    public var memberOffsetBefore: Int
    public var memberOffsetAfter: Int
    public var viewerOffsetBefore: Int
    public var viewerOffsetAfter: Int

    /// Seconds the member's clock is ahead of the viewer's (negative: behind) before the change.
    public var differenceBefore: Int { memberOffsetBefore - viewerOffsetBefore }
    /// The same after the change.
    public var differenceAfter: Int { memberOffsetAfter - viewerOffsetAfter }

    /// How far ahead SPEC's warning looks.
    public static let lookahead: TimeInterval = 14 * 86400

    /// The first instant in `(now, now + within]` where the member's offset relative to the
    /// viewer's changes; nil when it does not (changes made by both zones together cancel out).
    public static func next(member: Zone, viewer: Zone, after now: Date, within: TimeInterval = lookahead) -> DSTChange? {
        guard member.identifier != viewer.identifier else { return nil }
        let window = InstantInterval(start: now, end: now.addingTimeInterval(within + 1))
        let candidates = Set(member.offsetChanges(in: window) + viewer.offsetChanges(in: window)).filter { $0 > now }.sorted()
        for t in candidates {
            let before = t.addingTimeInterval(-1)
            let change = DSTChange(at: t, memberZone: member, viewerZone: viewer,
                                   memberOffsetBefore: member.offset(at: before), memberOffsetAfter: member.offset(at: t),
                                   viewerOffsetBefore: viewer.offset(at: before), viewerOffsetAfter: viewer.offset(at: t))
            // Zones that switch a few hours apart (New York and Los Angeles) differ for those hours
            // only: a change counts when the difference held for a day before and holds a day after.
            let dayBefore = t.addingTimeInterval(-86_400), dayAfter = t.addingTimeInterval(86_400)
            let heldBefore = member.offset(at: dayBefore) - viewer.offset(at: dayBefore) == change.differenceBefore
            let holdsAfter = member.offset(at: dayAfter) - viewer.offset(at: dayAfter) == change.differenceAfter
            if change.differenceBefore != change.differenceAfter && heldBefore && holdsAfter { return change }
        }
        return nil
    }

    /// A sentence for people: "In 9 days (Sun 8 Mar) London is 4 h ahead of New York, not 5 h."
    public func message(now: Date) -> String {
        let days = viewerZone.date(at: at).daysSinceEpoch - viewerZone.date(at: now).daysSinceEpoch
        let local = viewerZone.local(at)
        let when: String
        switch days {
        case ...0: when = "Today"
        case 1: when = "Tomorrow"
        default: when = "In \(days) days"
        }
        let day = TimeText.day(local.date)
        let who = Self.city(memberZone), whom = Self.city(viewerZone)
        var was = Self.amount(differenceBefore)
        if differenceBefore != 0, differenceAfter == 0 || (differenceBefore > 0) != (differenceAfter > 0) {
            was += differenceBefore > 0 ? " ahead" : " behind"
        }
        return "\(when) (\(day)) \(Self.relation(who, whom, differenceAfter)), not \(was)."
    }

    /// "London is 4 h ahead of New York" / "… behind …" / "… on the same time as …".
    static func relation(_ a: String, _ b: String, _ seconds: Int) -> String {
        if seconds == 0 { return "\(a) is on the same time as \(b)" }
        return "\(a) is \(amount(seconds)) \(seconds > 0 ? "ahead of" : "behind") \(b)"
    }

    /// "4 h", "5 h 45 min", "30 min", "0 h"; the sign is dropped (and said as ahead/behind).
    public static func amount(_ seconds: Int) -> String {
        seconds == 0 ? "0 h" : TimeText.hoursAndMinutes(TimeInterval(seconds))
    }

    /// The place part of a zone name: `America/Argentina/Buenos_Aires` → `Buenos Aires`.
    public static func city(_ zone: Zone) -> String {
        let last = zone.identifier.split(separator: "/").last.map(String.init) ?? zone.identifier
        return last.replacingOccurrences(of: "_", with: " ")
    }
}
