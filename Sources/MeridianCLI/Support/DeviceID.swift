import Foundation
import MeridianKit

/// This device's journal name, made once and kept in `$XDG_STATE_HOME/meridian/device`.
enum DeviceID {
    static func loadOrCreate(stateDirectory: String) throws(CLIError) -> String {
        let file = stateDirectory + "/device"
        if let text = try? String(contentsOfFile: file, encoding: .utf8) {
            let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if Identifiers.isValidName(id) { return id }
        }
        let host = (ProcessInfo.processInfo.hostName.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }).prefix(12)
        let suffix = String(JournalWriter.newEventID().prefix(6))
        let id = (host.isEmpty ? "dev" : String(host)) + "-" + suffix
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
            try (id + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        } catch {
            throw .usage("Cannot keep the device id in \(stateDirectory): \(error.localizedDescription)")
        }
        return id
    }
}
