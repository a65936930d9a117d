import Foundation
import MeridianKit

extension Output {
    /// Bytes handed to stdout per `write(2)`: the whole document is never held at once.
    static let jsonChunkSize = 1 << 16

    /// Streams the document `body` emits, pretty-printed and ended by a newline, to stdout.
    /// Throws (exit 1, one sentence) when stdout cannot take it, e.g. a full disk.
    static func json(_ body: (inout JSONStream) -> Void) throws(CLIError) {
        var failure: Int32 = 0
        var stream = JSONStream(pretty: true, chunkSize: jsonChunkSize) { chunk in
            if failure == 0 { failure = StandardOutput.writeAll(chunk) }
        }
        body(&stream)
        stream.raw("\n")
        stream.flush()
        if failure != 0 {
            throw CLIError("Could not write to standard output (\(String(cString: strerror(failure)))).", code: 1)
        }
    }
}

/// File descriptor 1, written with `write(2)` directly (no Foundation buffering or copies).
enum StandardOutput {
    /// Writes every byte, retrying short writes and EINTR; 0, or the errno that stopped it.
    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard var p = bytes.baseAddress else { return 0 }
        var left = bytes.count
        while left > 0 {
            let n = write(STDOUT_FILENO, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            p += n
            left -= n
        }
        return 0
    }
}
