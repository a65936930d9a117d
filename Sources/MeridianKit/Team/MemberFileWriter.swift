import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes `members/<id>.toml` through a temp file and a rename, never through a symbolic link.
public enum MemberFileWriter {
    public static func write(teamPath: String, id: String, name: String, timezone: String, handle: String?, hours: WeeklyHours) throws(WriteError) {
        guard Identifiers.isValidName(id) else { throw WriteError("'\(id)' is not a valid member id (lowercase letters, digits, _ and -, up to 32)") }
        let folder = teamPath + "/members"
        switch SafeFiles.info(folder).kind {
        case .directory: break
        case .missing:
            if mkdir(folder, 0o755) != 0 { throw WriteError("cannot create members/: \(String(cString: strerror(errno)))") }
        default: throw WriteError("members/ is not a directory")
        }
        let target = folder + "/\(id).toml"
        if SafeFiles.info(target).kind == .symlink { throw WriteError("refusing to write through the symbolic link members/\(id).toml") }
        let text = render(name: name, timezone: timezone, handle: handle, hours: hours)
        let temp = folder + "/.\(id).toml.\(getpid()).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError("cannot write members/\(id).toml: \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard n == bytes.count, synced, rename(temp, target) == 0 else {
            unlink(temp)
            throw WriteError("cannot write members/\(id).toml: \(String(cString: strerror(errno)))")
        }
    }

    static func render(name: String, timezone: String, handle: String?, hours: WeeklyHours) -> String {
        var s = "name = \(quote(name))\ntimezone = \(quote(timezone))\n"
        if let handle { s += "handle = \(quote(handle))\n" }
        s += "\n[hours]\n"
        for (i, key) in WeeklyHours.dayKeys.enumerated() where !hours.days[i].isEmpty {
            let ranges = hours.days[i].map { quote($0.description) }
            s += ranges.count == 1 ? "\(key) = \(ranges[0])\n" : "\(key) = [\(ranges.joined(separator: ", "))]\n"
        }
        return s
    }

    /// A TOML basic string (JSON escaping is a valid subset).
    static func quote(_ s: String) -> String {
        var out = ""
        JSONWriter.writeString(s, into: &out)
        return out
    }
}
