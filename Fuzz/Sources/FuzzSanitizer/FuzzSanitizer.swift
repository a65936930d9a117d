import MeridianTerminal

/// Any text through the sanitizer: no unsafe scalar (C0, C1, DEL, bidi, invisible) survives, and
/// cleaning twice changes nothing more.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSanitizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let clean = TextSanitizer.clean(text)
    for scalar in clean.unicodeScalars {
        precondition(!TextSanitizer.isUnsafe(scalar), "U+\(String(scalar.value, radix: 16)) survived")
    }
    precondition(!clean.utf8.contains(0x1B))
    precondition(TextSanitizer.clean(clean) == clean, "not idempotent")
    return 0
}
