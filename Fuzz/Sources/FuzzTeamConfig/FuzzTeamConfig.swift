import MeridianKit

/// The first byte picks the file kind (member, rotation, team, or bare TOML); the rest is the file.
/// Any text gives a model or problems, never a crash; what loads satisfies the model's own rules.
/// Bare TOML goes straight to `TOMLDocument`: an error lies inside the text, and so does every
/// value of an accepted document.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTeamConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 4 {
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
    case 3:
        let lines = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        do {
            let doc = try TOMLDocument(parsing: bytes)
            checkPositions(.table(doc.root), lines: lines)
        } catch {
            precondition(error.line >= 1 && error.line <= lines && error.column >= 1 && !error.message.isEmpty, "bad error \(error)")
        }
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

/// Every value of an accepted document starts on a line of the text.
private func checkPositions(_ value: TOMLValue, lines: Int) {
    switch value {
    case .array(let items):
        for n in items {
            precondition(n.line >= 1 && n.line <= lines && n.position.column >= 1, "value outside the text at \(n.position)")
            checkPositions(n.value, lines: lines)
        }
    case .table(let t):
        for (_, n) in t.entries {
            precondition(n.line >= 1 && n.line <= lines && n.position.column >= 1, "value outside the text at \(n.position)")
            checkPositions(n.value, lines: lines)
        }
    default: break
    }
}
