import Foundation

/// Writes to stdout/stderr through FileHandle (Swift 6: no global `stdout`).
enum Output {
    static func out(_ text: String) {
        let s = text.hasSuffix("\n") ? text : text + "\n"
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func error(_ text: String) {
        let s = text.hasSuffix("\n") ? text : text + "\n"
        FileHandle.standardError.write(Data(s.utf8))
    }
}
