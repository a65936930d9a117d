import Foundation
import MeridianKit
import MeridianTerminal
@testable import MeridianUI
import Testing

/// The timeline's day has 23 or 25 hours on DST days; the oracle is Python's zoneinfo.
@Suite struct TimelineTests {
    /// Seconds in the local day containing `instant` in `zone`, from Python.
    static func oracleDayLength(_ zone: String, _ iso: String) throws -> Int {
        let script = """
        from datetime import datetime, timedelta
        from zoneinfo import ZoneInfo
        z = ZoneInfo('\(zone)')
        t = datetime.fromisoformat('\(iso)'.replace('Z', '+00:00')).astimezone(z)
        d = t.date()
        a = datetime(d.year, d.month, d.day, tzinfo=z)
        b = a.replace(tzinfo=None) + timedelta(days=1)
        b = datetime(b.year, b.month, b.day, tzinfo=z)
        print(int(b.timestamp() - a.timestamp()))
        """
        let text = Spawn.run(["python3", "-c", script]).output
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test(arguments: [
        ("Europe/Berlin", "2026-03-29T12:00:00Z"), ("Europe/Berlin", "2026-10-25T12:00:00Z"), ("Europe/Berlin", "2026-11-26T12:00:00Z"),
        ("America/New_York", "2026-03-08T17:00:00Z"), ("America/New_York", "2026-11-01T17:00:00Z"), ("Australia/Lord_Howe", "2026-04-05T06:00:00Z"),
        ("Asia/Kathmandu", "2026-11-26T12:00:00Z"),
    ])
    func dayLengthMatchesTheOracle(zone: String, instant: String) throws {
        let z = Zone(zone)!
        let day = TimelineView.day(containing: Instant.parse(instant)!, zone: z)
        #expect(Int(day.length) == (try Self.oracleDayLength(zone, instant)))
    }

    @Test func dstDayIsLabelledAndHoursSkip() throws {
        var state = try Fixture.state(width: 120, height: 40)
        state.clock = Instant.parse("2026-03-29T12:00:00Z")!
        var frame = FrameBuffer(width: 80, height: 10)
        TimelineView.draw(&frame, frame.area, state: state, style: RenderStyle(), focused: true)
        let lines = frame.lines()
        #expect(lines[0].contains("23h day"))
        // The axis jumps from 00 to 03 on the spring-forward morning (02:00 does not exist in Berlin).
        #expect(!lines[1].contains(" 02 "))
    }

    @Test func nowMarkerSitsAtTheShownTime() throws {
        var state = try Fixture.state(width: 120, height: 40)
        var frame = FrameBuffer(width: 15 + 96 + 2, height: 10)  // label 15 + 96 cells: 4 per hour
        TimelineView.draw(&frame, frame.area, state: state, style: RenderStyle(), focused: true)
        let axis = Array(frame.lines()[1])
        // 15:00 in Berlin: 15 hours × 4 cells after the label, plus the border.
        #expect(axis[1 + 15 + 60] == "│")
        _ = Update.update(&state, .key(.char("]")))
        frame = FrameBuffer(width: 113, height: 10)
        TimelineView.draw(&frame, frame.area, state: state, style: RenderStyle(), focused: true)
        #expect(Array(frame.lines()[1])[1 + 15 + 64] == "│")
    }

    @Test func overlapRowCountsPlannedMembers() throws {
        let state = try Fixture.state(width: 120, height: 40)
        var frame = FrameBuffer(width: 113, height: 10)
        TimelineView.draw(&frame, frame.area, state: state, style: RenderStyle(), focused: true)
        let overlap = Array(frame.lines()[8])
        // At 15:00 Berlin: Alice works, Bob (09:00 NY) works, Chen is on time off, Priya (19:30) is off: 2.
        #expect(overlap[1 + 15 + 60] == "2")
        #expect(frame.lines()[8].contains("overlap"))
    }
}
