#if canImport(Glibc)
import Glibc
#endif

/// What has been read of one journal file: its identity, the bytes consumed up to the last
/// complete line, and the events and problems found so far. Appends are read incrementally.
struct JournalFileState {
    var device: UInt64 = 0
    var inode: UInt64 = 0
    /// Bytes up to and including the last complete line's `\n`.
    var consumed = 0
    /// Complete lines read (the next line's number is `lines + 1`).
    var lines = 0
    /// The last bytes before `consumed`, to notice a file rewritten in place.
    var tail: [UInt8] = []
    /// The events of the complete lines read, in file order.
    var log = EventLog()
    var problems: [Problem] = []
}

/// Reads new complete lines of a journal file in bounded chunks, so a huge line or file costs
/// bounded memory, and never opens anything that is not a regular file.
enum JournalFileReader {
    static let chunkSize = 1 << 20
    static let tailLength = 32

    enum Outcome {
        /// Nothing new since last time.
        case unchanged
        /// New complete lines were appended; `state` now includes them.
        case appended(newEvents: Range<Int>)
        /// The file is not the one read before (replaced, truncated or rewritten): read afresh.
        case replaced
        case unreadable(String)
    }

    /// Brings `state` up to date with the file at `path` (`relative` names it in problems).
    static func update(_ state: inout JournalFileState, path: String, relative: String, info: SafeFiles.Info) -> Outcome {
        update(&state, path: path, relative: relative, info: info, room: JournalReadRoom())
    }

    /// `update`, reading through `room` (memory a reading thread reuses from file to file).
    static func update(_ state: inout JournalFileState, path: String, relative: String, info: SafeFiles.Info, room: JournalReadRoom) -> Outcome {
        let fresh = state.inode == 0
        if !fresh && (info.inode != state.inode || info.device != state.device || info.size < state.consumed) {
            state = JournalFileState()
            let r = update(&state, path: path, relative: relative, info: info, room: room)
            if case .unreadable = r { return r }
            return .replaced
        }
        if !fresh && info.size == state.consumed { return .unchanged }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return .unreadable("not a regular file") }
        if !fresh {
            // A file rewritten in place keeps its inode: check the bytes before `consumed`.
            let start = state.consumed - state.tail.count
            if case .success(let bytes) = SafeFiles.readAll(fd: fd, from: start, upTo: state.consumed), bytes != state.tail {
                state = JournalFileState()
                _ = update(&state, path: path, relative: relative, info: info, room: room)
                return .replaced
            }
        }
        state.device = UInt64(st.st_dev)
        state.inode = UInt64(st.st_ino)
        let before = state.log.count
        let size = Int(st.st_size)
        // A large read (a file seen for the first time) sizes the lists once, then trims them.
        let large = size - state.consumed > 64 * 1024
        if large { state.log.reserve(forJournalBytes: size - state.consumed) }
        var offset = state.consumed
        var skippingLong = false
        var longStart = 0
        var carry: [UInt8] = []
        // One buffer for every chunk, kept by the thread from file to file (its pages are faulted
        // in once, not once per file) and filled straight from the file (never zeroed first).
        let chunk = room.buffer(atLeast: max(1, min(chunkSize, size - offset)))
        // The room's scratch, taken out for this read: a class's property passed `inout` for every
        // line would be checked for exclusive access each time.
        var scratch = LineScratch()
        swap(&scratch, &room.scratch)
        defer { swap(&scratch, &room.scratch) }
        // Where the last chunk read lies in the file, to take the tail from it.
        var lastChunk = 0..<0
        while offset < size {
            let end = min(size, offset + min(chunk.count, chunkSize))
            let got = readChunk(fd, from: offset, upTo: end, into: chunk)
            guard got > 0 else { break }
            lastChunk = offset..<(offset + got)
            let buf = UnsafeBufferPointer(start: chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: got)
            var lineStart = 0
            while let nl = memchrIndex(buf, from: lineStart) {
                let lineNumber = state.lines + 1
                let absoluteStart = offset + lineStart - carry.count
                if skippingLong {
                    let length = offset + nl - longStart
                    state.problems.append(Problem(file: relative, line: lineNumber, message: "line is \(length) bytes, over the 64 KiB limit"))
                    skippingLong = false
                } else if carry.isEmpty {
                    let line = UnsafeBufferPointer(rebasing: buf[lineStart..<nl])
                    consume(line, state: &state, scratch: &scratch, relative: relative, line: lineNumber, offset: absoluteStart)
                } else {
                    carry.append(contentsOf: buf[lineStart..<nl])
                    carry.withUnsafeBufferPointer { consume($0, state: &state, scratch: &scratch, relative: relative, line: lineNumber, offset: absoluteStart) }
                    carry.removeAll(keepingCapacity: true)
                }
                state.lines += 1
                lineStart = nl + 1
                state.consumed = offset + lineStart
            }
            // The rest of the chunk is an unfinished line.
            if !skippingLong {
                carry.append(contentsOf: buf[lineStart..<buf.count])
                if carry.count > EventDecoder.maxLineBytes + 1 {
                    skippingLong = true
                    longStart = offset + buf.count - carry.count
                    carry.removeAll()
                }
            }
            offset += got
        }
        if large { state.log.shrinkToFit() }
        let tailStart = max(0, state.consumed - tailLength)
        if lastChunk.lowerBound <= tailStart && state.consumed <= lastChunk.upperBound {
            // The tail is still in the buffer: no second read.
            let base = chunk.baseAddress!.assumingMemoryBound(to: UInt8.self) + (tailStart - lastChunk.lowerBound)
            state.tail = Array(UnsafeBufferPointer(start: base, count: state.consumed - tailStart))
        } else if case .success(let t) = SafeFiles.readAll(fd: fd, from: tailStart, upTo: state.consumed) {
            state.tail = t
        }
        return .appended(newEvents: before..<state.log.count)
    }

    /// Reads bytes [from, upTo) of an open file into `room` (which is big enough): how many
    /// were read, fewer at the end of the file, 0 on an error.
    private static func readChunk(_ fd: Int32, from: Int, upTo: Int, into room: UnsafeMutableRawBufferPointer) -> Int {
        let count = upTo - from
        var done = 0
        while done < count {
            let n = pread(fd, room.baseAddress! + done, count - done, off_t(from + done))
            if n < 0 {
                if errno == EINTR { continue }
                return 0
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    private static func memchrIndex(_ buf: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < buf.count, let base = buf.baseAddress else { return nil }
        guard let p = memchr(base + from, 0x0A, buf.count - from) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    private static func consume(_ raw: UnsafeBufferPointer<UInt8>, state: inout JournalFileState, scratch: inout LineScratch,
                                relative: String, line: Int, offset: Int) {
        // The limit counts every byte but the `\n` (a `\r` before it too), as SPEC §1 says.
        if raw.count > EventDecoder.maxLineBytes {
            state.problems.append(Problem(file: relative, line: line, message: "line is \(raw.count) bytes, over the 64 KiB limit"))
            return
        }
        var line2 = raw
        if let last = line2.last, last == 0x0D { line2 = UnsafeBufferPointer(rebasing: line2[0..<(line2.count - 1)]) }
        // Blank lines are ignored.
        if line2.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        // The recorded length leaves out a trailing `\r`: a CRLF copy of a line is the same event.
        if let failure = EventDecoder.append(line2, line: line, offset: offset, length: line2.count, to: &state.log, scratch: &scratch) {
            state.problems.append(Problem(file: relative, line: line, message: failure.message))
        }
    }
}
