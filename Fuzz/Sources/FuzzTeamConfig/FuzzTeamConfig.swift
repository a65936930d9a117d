import MeridianKit

/// The first byte picks the file kind (member, rotation, team); the rest is the file. Any text
/// gives a model or problems, never a crash; what loads satisfies the model's own rules.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTeamConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 3 {
    case 0:
        let (member, problems) = TeamConfigParsing.member(bytes: bytes, id: "fuzz")
        if let m = member {
            precondition(m.id == "fuzz" && !m.name.isEmpty && m.hours.days.count == 7)
            for day in m.hours.days {
                for r in day { precondition((0..<1440).contains(r.startMinute) && (0...1440).contains(r.endMinute) && r.startMinute != r.endMinute) }
            }
        } else {
            precondition(!problems.isEmpty, "a member left out without a problem")
        }
        checkLines(problems, bytes)
    case 1:
        let (rotation, problems) = TeamConfigParsing.rotation(bytes: bytes, id: "fuzz")
        if let r = rotation {
            precondition(!r.members.isEmpty && r.members.allSatisfy(Identifiers.isValidName))
            for w in r.restrict { precondition(!w.days.isEmpty && w.days.allSatisfy { (0..<7).contains($0) }) }
        } else {
            precondition(!problems.isEmpty, "a rotation left out without a problem")
        }
        checkLines(problems, bytes)
    default:
        let (settings, problems) = TeamConfigParsing.team(bytes: bytes)
        precondition(!settings.columns.isEmpty && Set(settings.columns).count == settings.columns.count)
        precondition(settings.wipLimits.keys.allSatisfy(settings.columns.contains))
        checkLines(problems, bytes)
    }
    return 0
}

/// A problem's line, where given, lies inside the file.
private func checkLines(_ problems: [Problem], _ bytes: [UInt8]) {
    let lines = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    for p in problems {
        if let l = p.line { precondition(l >= 1 && l <= lines + 1, "problem line \(l) outside a \(lines)-line file: \(p)") }
    }
}
