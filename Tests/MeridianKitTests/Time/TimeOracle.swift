import Foundation
import MeridianTestSupport

/// The independent source of truth for time answers: Python's zoneinfo and `zdump`, both reading
/// the system's tz database, run as subprocesses. Nothing here uses MeridianKit.
enum TimeOracle {
    /// Python's rule for a naive wall time (fold=0) is SPEC's: a time in a gap is read with the
    /// offset before it (so it moves forward by the gap), a repeated time is its first occurrence.
    /// The script answers one line per query line: `w ZONE WALL` → seconds since 1970;
    /// `o ZONE SECONDS` → `OFFSET LOCALWALL`.
    static let script = """
    import sys, datetime, zoneinfo
    for line in sys.stdin:
        kind, zone, arg = line.split()
        z = zoneinfo.ZoneInfo(zone)
        if kind == "w":
            out = str(int(datetime.datetime.fromisoformat(arg).replace(tzinfo=z).timestamp()))
        else:
            d = datetime.datetime.fromtimestamp(int(arg), tz=z)
            out = str(int(d.utcoffset().total_seconds())) + " " + d.strftime("%Y-%m-%dT%H:%M:%S")
        sys.stdout.write(out + "\\n")
        sys.stdout.flush()
    """

    /// One Python process for the whole test run, asked one query at a time.
    final class Server: @unchecked Sendable {
        let lock = NSLock()
        /// Our ends of the pipes to python's stdin and from its stdout.
        let toPython: Int32, fromPython: Int32
        var buffer: [UInt8] = []

        init() {
            guard let inPipe = ChildProcess.makePipe(), let outPipe = ChildProcess.makePipe() else { fatalError("cannot make pipes") }
            let started = ChildProcess.spawn(["python3", "-u", "-c", TimeOracle.script], stdin: inPipe.read, stdout: outPipe.write, stderr: 2)
            precondition(started != nil, "cannot run python3")
            close(inPipe.read)
            close(outPipe.write)
            toPython = inPipe.write
            fromPython = outPipe.read
        }

        func ask(_ lines: [String]) -> [String] {
            lock.lock()
            defer { lock.unlock() }
            TimeOracle.writeAll(toPython, lines.map { $0 + "\n" }.joined())
            return lines.map { _ in readLine() }
        }

        private func readLine() -> String {
            while true {
                if let nl = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[..<nl], as: UTF8.self)
                    buffer.removeSubrange(...nl)
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = read(fromPython, &chunk, chunk.count)
                if n < 0, errno == EINTR { continue }
                precondition(n > 0, "python3 oracle ended")
                buffer += chunk[..<n]
            }
        }
    }

    static let server = Server()

    /// Writes all of `text`, retrying on EINTR.
    static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            precondition(n > 0, "write to oracle failed")
            bytes = bytes.dropFirst(n)
        }
    }

    /// Runs a program (found on PATH) and returns its stdout.
    static func run(_ program: String, _ args: [String]) -> String {
        ChildProcess.run([program] + args, deadline: 60).out
    }

    /// Instants (seconds since 1970) of wall times `YYYY-MM-DDTHH:MM[:SS]` in `zone`.
    static func instants(_ zone: String, _ walls: [String]) -> [Int] {
        server.ask(walls.map { "w \(zone) \($0)" }).map { Int($0)! }
    }

    static func instant(_ zone: String, _ wall: String) -> Date {
        Date(timeIntervalSince1970: Double(instants(zone, [wall])[0]))
    }

    /// (offset seconds, local wall text) of instants in `zone`.
    static func locals(_ zone: String, _ instants: [Int]) -> [(offset: Int, wall: String)] {
        server.ask(instants.map { "o \(zone) \($0)" }).map { line in
            let parts = line.split(separator: " ")
            return (Int(parts[0])!, String(parts[1]))
        }
    }

    /// Offset changes of `zone` in the years `from...to` as `zdump -v -c` lists them:
    /// (first instant of the new offset, offset before, offset after).
    static func transitions(_ zone: String, from: Int, to: Int) -> [(at: Int, before: Int, after: Int)] {
        let text = run("zdump", ["-v", "-c", "\(from),\(to + 1)", zone])
        var rows: [(t: Int, off: Int)] = []
        for line in text.split(separator: "\n") {
            // "Zone  Sun Mar  8 07:00:00 2026 UT = Sun Mar  8 03:00:00 2026 EDT isdst=1 gmtoff=-14400"
            let w = line.split(separator: " ")
            guard w.count > 6, w[6] == "UT", let g = w.last, g.hasPrefix("gmtoff="), let off = Int(g.dropFirst(7)) else { continue }
            rows.append((utcSeconds(month: String(w[2]), day: Int(w[3])!, time: String(w[4]), year: Int(w[5])!), off))
        }
        var out: [(Int, Int, Int)] = []
        for i in 1..<max(1, rows.count) where rows[i].t == rows[i - 1].t + 1 && rows[i].off != rows[i - 1].off {
            out.append((rows[i].t, rows[i - 1].off, rows[i].off))
        }
        return out
    }

    /// Seconds since 1970 of a UTC date and time, by Foundation's Gregorian calendar.
    static func utcSeconds(month: String, day: Int, time: String, year: Int) -> Int {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let hms = time.split(separator: ":").map { Int($0)! }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = DateComponents(year: year, month: months.firstIndex(of: month)! + 1, day: day, hour: hms[0], minute: hms[1], second: hms[2])
        return Int(cal.date(from: c)!.timeIntervalSince1970)
    }

    /// `YYYY-MM-DDTHH:MM` of naive seconds (wall arithmetic without a zone).
    static func wall(naive s: Int) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: Double(s)))
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// Naive seconds of `YYYY-MM-DDTHH:MM` (as if UTC).
    static func naive(_ wall: String) -> Int {
        let f = wall.split(whereSeparator: { "-T:".contains($0) }).map { Int($0)! }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return Int(cal.date(from: DateComponents(year: f[0], month: f[1], day: f[2], hour: f[3], minute: f[4]))!.timeIntervalSince1970)
    }
}
