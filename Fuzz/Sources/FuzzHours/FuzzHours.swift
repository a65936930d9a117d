import MeridianKit

/// The first byte picks a parser; the rest is its text. Whatever parses must print back to text
/// that parses to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHours(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    switch data[0] % 4 {
    case 0:
        if case .success(let r) = HourRange.parse(text) {
            precondition((0..<1440).contains(r.startMinute) && (0...1440).contains(r.endMinute) && r.startMinute != r.endMinute)
            precondition(r.wallMinutes > 0 && r.wallMinutes <= 1440)
            guard case .success(let again) = HourRange.parse(r.description) else { preconditionFailure("'\(r)' does not parse back") }
            precondition(again == r)
        }
    case 1:
        if case .success(let hours) = WeeklyHours.parseSpec(text) {
            precondition(hours.days.count == 7 && !hours.isEmpty)
            for day in hours.days { for r in day { precondition(r.startMinute != r.endMinute && r.startMinute < 1440) } }
        }
    case 2:
        if let shift = ShiftLength.parse(text) {
            switch shift {
            case .days(let n), .hours(let n): precondition(n > 0)
            }
            precondition(ShiftLength.parse(shift.description) == shift, "'\(shift)' does not parse back")
        }
    default:
        if let days = DaySet.parse(text) {
            precondition(!days.isEmpty && days == days.sorted() && Set(days).count == days.count && days.allSatisfy { (0..<7).contains($0) })
        }
    }
    return 0
}
