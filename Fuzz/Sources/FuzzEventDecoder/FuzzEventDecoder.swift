import MeridianKit

/// One journal line in, an event or a problem out: never a crash. Checks what a decoded event
/// promises, and that any JSON value without floats survives a write and a re-parse unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let line = UnsafeBufferPointer(start: data, count: size)
    let source = EventSource(file: "journal/fuzz/dev.jsonl", line: 1, offset: 0, length: size)
    switch EventDecoder.decode(line, source: source) {
    case .success(let e):
        precondition(size <= EventDecoder.maxLineBytes)
        precondition(!e.id.isEmpty && e.lc >= 0 && Identifiers.isValidName(e.by))
        if let task = e.payload.taskID { precondition(Identifiers.isValidTaskID(task)) }
    case .failure(let f):
        precondition(!f.message.isEmpty)
    }
    if let value = try? JSONParser.parse(line), !containsFloat(value) {
        var text = ""
        JSONWriter.write(value, into: &text)
        let again = Array(text.utf8).withUnsafeBufferPointer { try? JSONParser.parse($0) }
        precondition(again == value, "JSON round trip changed the value")
    }
    return 0
}

private func containsFloat(_ v: JSONValue) -> Bool {
    switch v {
    case .number: return true
    case .array(let items): return items.contains(where: containsFloat)
    case .object(let members): return members.values.contains(where: containsFloat)
    default: return false
    }
}
