import Foundation
import MeridianKit
#if canImport(Glibc)
import Glibc
#endif

/// This device's journal name, made once and kept in `$XDG_STATE_HOME/meridian/device`.
/// Two processes starting at once agree on one id: the file is published with `link(2)`, which
/// fails if another process published first, and then that one's id is used.
enum DeviceID {
    static func loadOrCreate(stateDirectory: String) throws(CLIError) -> String {
        let file = stateDirectory + "/device"
        if let id = read(file) { return id }
        let host = (ProcessInfo.processInfo.hostName.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }).prefix(12)
        let suffix = String(JournalWriter.newEventID().prefix(6))
        let id = (host.isEmpty ? "dev" : String(host)) + "-" + suffix
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw .usage("Cannot create \(stateDirectory) to keep the device id: \(error.localizedDescription)")
        }
        let temp = stateDirectory + "/.device.\(getpid()).\(suffix)"
        defer { unlink(temp) }
        do {
            try (id + "\n").write(toFile: temp, atomically: false, encoding: .utf8)
        } catch {
            throw .usage("Cannot keep the device id in \(stateDirectory): \(error.localizedDescription)")
        }
        if link(temp, file) == 0 { return id }
        if errno == EEXIST {
            if let other = read(file) { return other }
            // An unreadable or invalid file: replace it.
            if rename(temp, file) == 0 { return id }
        }
        throw .usage("Cannot keep the device id in \(file): \(String(cString: strerror(errno))).")
    }

    private static func read(_ file: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return Identifiers.isValidName(id) ? id : nil
    }
}
