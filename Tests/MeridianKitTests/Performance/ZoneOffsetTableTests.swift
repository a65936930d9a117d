import Foundation
import Testing
@testable import MeridianKit

/// `Zone`'s offset table and hand-written digits against the straightforward Foundation answers:
/// `TimeZone.secondsFromGMT` for offsets, the old wall → instant rule read through Foundation, and
/// `String(format:)` for zero-padded numbers.
@Suite("Performance: zone offset table and digit text equal Foundation")
struct ZoneOffsetTableTests {
    static let zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu",
                        "Pacific/Chatham", "America/St_Johns", "UTC", "Pacific/Apia", "Africa/Casablanca",
                        "Antarctica/Troll", "Europe/Moscow", "America/Sao_Paulo"]

    /// Seconds since 1970 at the start of a UTC year.
    static func year(_ y: Int) -> Int { LocalDate(year: y, month: 1, day: 1).daysSinceEpoch * 86400 }

    /// Every change of offset in [from, to), found by probing Foundation hourly and bisecting to
    /// the second (independent of the transitions the table asks for).
    static func probedTransitions(_ tz: TimeZone, from: Int, to: Int) -> [Int] {
        func offset(_ t: Int) -> Int { tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t))) }
        var out: [Int] = []
        var a = from, oa = offset(from)
        while a < to {
            let b = a + 3600, ob = offset(b)
            if ob != oa {
                var lo = a, hi = b
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2
                    if offset(mid) == oa { lo = mid } else { hi = mid }
                }
                out.append(hi)
                a = hi
                oa = offset(hi)
            } else {
                a = b
            }
        }
        return out
    }

    @Test("offsets equal secondsFromGMT around every transition of 2025–2028 and every 37 minutes", arguments: zones)
    func offsets(zone name: String) {
        let zone = Zone(name)!
        let tz = TimeZone(identifier: name)!
        let transitions = Self.probedTransitions(tz, from: Self.year(2025), to: Self.year(2029))
        // These keep DST in 2025–2028 (the others hold one offset then), so the probes cross changes.
        if ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns"].contains(name) {
            #expect(transitions.count >= 8, "\(name) changes offset twice a year")
        }
        var probes: [Double] = []
        for t in transitions {
            for d in [-3601.0, -1801, -2, -1, -0.5, -0.001, 0, 0.001, 0.5, 1, 2, 1799, 3600] { probes.append(Double(t) + d) }
        }
        var t = Self.year(2025) - 86400
        while t < Self.year(2029) + 86400 {
            probes.append(Double(t))
            t += 37 * 60 + 11
        }
        for p in probes {
            let expected = tz.secondsFromGMT(for: Date(timeIntervalSince1970: p))
            #expect(zone.offset(at: Date(timeIntervalSince1970: p)) == expected, "\(name) at \(p)")
        }
    }

    @Test("offsets equal secondsFromGMT far in the past and the future", arguments: zones)
    func farOffsets(zone name: String) {
        let zone = Zone(name)!
        let tz = TimeZone(identifier: name)!
        var probes: [Double] = [-1e12, -6e9, Double(Self.year(1883)), Double(Self.year(1900)) - 1, Double(Self.year(1900)),
                                 Double(Self.year(2200)) - 1, Double(Self.year(2200)), Double(Self.year(2200)) + 1, 1e11, 1e12, 0, -1]
        for y in stride(from: 1890, through: 2300, by: 7) {
            for day in [15, 100, 190, 280] { probes.append(Double(Self.year(y) + day * 86400 + 3 * 3600 + 17)) }
        }
        for (from, to) in [(1900, 1905), (1940, 1946), (1970, 1973), (2037, 2040), (2150, 2152)] {
            for t in Self.probedTransitions(tz, from: Self.year(from), to: Self.year(to)) {
                probes += [Double(t - 1), Double(t), Double(t + 1)]
            }
        }
        for p in probes {
            let expected = tz.secondsFromGMT(for: Date(timeIntervalSince1970: p))
            #expect(zone.offset(at: Date(timeIntervalSince1970: p)) == expected, "\(name) at \(p)")
        }
    }

    /// The wall → instant rule as it was written before the table, with every offset from Foundation.
    static func referenceInstant(_ tz: TimeZone, _ wall: LocalDateTime) -> Date {
        func offset(_ t: Int) -> Int { tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t))) }
        let l = wall.naiveSeconds
        let before = offset(l - 129_600), after = offset(l + 129_600)
        var best: Int?
        for o in Set([before, after, offset(l)]) where offset(l - o) == o {
            best = min(best ?? (l - o), l - o)
        }
        if let best { return Date(timeIntervalSince1970: Double(best)) }
        return Date(timeIntervalSince1970: Double(l - offset(l - after)))
    }

    @Test("wall → instant equals the Foundation rule around every transition (gaps and repeats)", arguments: zones)
    func instants(zone name: String) {
        let zone = Zone(name)!
        let tz = TimeZone(identifier: name)!
        var walls: [Int] = []
        for t in Self.probedTransitions(tz, from: Self.year(2025), to: Self.year(2029)) {
            // Wall times on both sides of the change, in whole minutes and odd seconds.
            let before = t + tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t - 1)))
            for d in stride(from: -7200, through: 7200, by: 900) { walls += [before + d, before + d + 1, before + d - 1] }
        }
        for d in stride(from: 0, to: 4 * 366, by: 3) { walls.append(Self.year(2025) + d * 86400 + 9 * 3600) }
        for w in walls {
            let wall = LocalDateTime(naiveSeconds: w)
            #expect(zone.instant(wall) == Self.referenceInstant(tz, wall), "\(name) wall \(wall)")
        }
    }

    @Test("lookups from several threads at once agree with Foundation")
    func concurrent() {
        let names = Self.zones
        let failures = Mutexed(0)
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            let zone = Zone(names[k % names.count])!
            let tz = TimeZone(identifier: names[k % names.count])!
            var t = Double(Self.year(2020 + k))
            for _ in 0..<2000 {
                if zone.offset(at: Date(timeIntervalSince1970: t)) != tz.secondsFromGMT(for: Date(timeIntervalSince1970: t)) {
                    failures.add(1)
                }
                t += 20_011
            }
        }
        #expect(failures.value == 0)
    }

    @Test("zero-padded digits equal String(format:)")
    func digits() {
        for v in [-100, -10, -9, -1, 0, 1, 9, 10, 59, 99, 100, 123, 999, 1000, 9999, 10000, 123_456] {
            #expect(DigitText.clock(v, 7) == String(format: "%02d:%02d", v, 7))
            #expect(DigitText.clock(3, v, v) == String(format: "%02d:%02d:%02d", 3, v, v))
            #expect(DigitText.date(v, 3, 4) == String(format: "%04d-%02d-%02d", v, 3, 4))
            #expect(DigitText.date(2026, v, v) == String(format: "%04d-%02d-%02d", 2026, v, v))
        }
        for s in [-400_000, -360_000, -359_999, -45_900, -3600, -59, 0, 59, 20_700, 49_500, 359_999, 360_000, 1_000_000] {
            let a = abs(s) / 60
            #expect(Zone.formatOffset(s) == (s < 0 ? "-" : "+") + String(format: "%02d:%02d", a / 60, a % 60), "\(s)")
        }
    }

    @Test("instants, local times and dates print as String(format:) printed them")
    func formats() {
        let zone = Zone("Pacific/Chatham")!
        var t = -62_200_000_000.0 // before year 1
        while t < 400_000_000_000 { // after year 9999
            for ms in [0.0, 0.001, 0.5, 0.999] {
                let date = Date(timeIntervalSince1970: t + ms)
                let msTotal = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
                let secs = msTotal >= 0 ? msTotal / 1000 : -((-msTotal + 999) / 1000)
                let rest = msTotal - secs * 1000
                let l = LocalDateTime(naiveSeconds: secs)
                let d = l.date
                let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day, l.hour, l.minute, l.second)
                #expect(l.description == text)
                #expect(Instant.format(date) == (rest == 0 ? text + "Z" : text + String(format: ".%03dZ", rest)))
                let o = zone.offset(at: date)
                let local = LocalDateTime(naiveSeconds: Int(date.timeIntervalSince1970.rounded(.down)) + o)
                #expect(zone.isoLocal(date) == local.description + Zone.formatOffset(o))
            }
            t += 987_654_321.25
        }
    }
}

/// A counter several threads may add to.
private final class Mutexed: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    init(_ value: Int) { count = value }
    func add(_ n: Int) { lock.lock(); count += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
