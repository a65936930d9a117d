import Foundation
import Testing
@testable import MeridianKit

/// The memory reused between reads never shows in an answer: files read one after another
/// through one `JournalReadRoom` (its buffer holding the last file's bytes) decode exactly as
/// each read with a room of its own; `PodList` keeps its elements and its copies apart when it
/// is resized in place; the cache checksum notices any changed byte; the byte-level hours
/// reader agrees with `HourRange.parse`'s long way.
@Suite struct ReadRoomTests {
    /// Files of falling and rising sizes (so the buffer is both longer than the file and grown),
    /// with bad lines, CRLF, a partial last line and long lines.
    @Test func filesReadThroughOneRoomDecodeAsWithFreshRooms() throws {
        let f = TeamFixture(teamToml: "name = \"Rooms\"\n")
        var rng = SeededRandom(seed: 19)
        var rels: [String] = []
        for (k, count) in [400, 30, 900, 5, 0, 250, 1200].enumerated() {
            var text = RandomJournal.events(count: count, rng: &rng).enumerated().map { $1.line(lc: Int64(10 + $0)) }.joined()
            if k % 2 == 1 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            if k == 2 { text += "{\"id\":\"x\"}\nnot json\n" + String(repeating: "y", count: 70_000) + "\n" }
            text += "{\"id\":\"partial"
            let rel = "journal/m\(k)/lap.jsonl"
            f.write(rel, text)
            rels.append(rel)
        }
        let room = JournalReadRoom()
        for rel in rels {
            let info = SafeFiles.info(f.path + "/" + rel)
            var shared = JournalFileState(), fresh = JournalFileState()
            _ = JournalFileReader.update(&shared, path: f.path + "/" + rel, relative: rel, info: info, room: room)
            _ = JournalFileReader.update(&fresh, path: f.path + "/" + rel, relative: rel, info: info, room: JournalReadRoom())
            #expect(shared.consumed == fresh.consumed && shared.lines == fresh.lines && shared.tail == fresh.tail, "\(rel)")
            #expect(shared.problems == fresh.problems, "\(rel)")
            #expect("\(shared.log.events(file: rel))" == "\(fresh.log.events(file: rel))", "\(rel)")
            #expect(shared.log.count == fresh.log.count && shared.log.text.count == fresh.log.text.count, "\(rel)")
            #expect(shared.tail == Array(try Data(contentsOf: URL(fileURLWithPath: f.path + "/" + rel)).prefix(shared.consumed).suffix(32)))
        }
    }

    @Test func podListResizedInPlaceKeepsElementsAndCopiesApart() {
        var list = PodList<UInt64>()
        for i in 0..<1000 { list.append(UInt64(i) &* 0x9E37_79B9) }
        let copy = list
        list.reserveCapacity(100_000)
        list.append(7)
        list.shrinkToFit()
        #expect(copy.count == 1000 && list.count == 1001)
        #expect((0..<1000).allSatisfy { copy[$0] == UInt64($0) &* 0x9E37_79B9 && list[$0] == copy[$0] })
        var alone = PodList<UInt64>()
        for i in 0..<5000 { alone.append(UInt64(i)) }
        alone.removeSuffix(from: 10)
        alone.shrinkToFit()
        alone.reserveCapacity(3)
        #expect(Array(alone.view) == (0..<10).map { UInt64($0) })
        let filled = PodList<UInt8>(count: 4) { raw in
            raw.copyBytes(from: [1, 2, 3, 4])
            return true
        }
        #expect(filled.map { Array($0.view) } == [1, 2, 3, 4])
        #expect(PodList<UInt8>(count: 4) { _ in false } == nil)
    }

    @Test func checksumNoticesEveryChangedByte() {
        var rng = SeededRandom(seed: 5)
        for length in [0, 1, 7, 8, 31, 32, 33, 64, 100, 1000] {
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let sum = bytes.withUnsafeBytes { CacheChecksum.of($0) }
            for i in 0..<length {
                for bit in [0, 3, 7] {
                    bytes[i] ^= UInt8(1 << bit)
                    #expect(bytes.withUnsafeBytes { CacheChecksum.of($0) } != sum, "length \(length) byte \(i) bit \(bit)")
                    bytes[i] ^= UInt8(1 << bit)
                }
            }
            #expect((bytes + [0]).withUnsafeBytes { CacheChecksum.of($0) } != sum, "a longer input differs")
        }
    }

    @Test func hoursFastPathAgreesWithHourRangeParse() {
        var texts = ["09:00-17:00", "00:00-24:00", "24:00-01:00", "23:59-00:00", "10:00-10:00", "9:00-17:00", "09:00 - 17:00",
                     "09:60-17:00", "25:00-01:00", "09:00-24:01", "0a:00-17:00", "09:00-17:00 ", "09.00-17:00", "09:00–17:00",
                     "१०:00-18:00", "", "-", "09:00-", "12:30-03:15"]
        var rng = SeededRandom(seed: 11)
        let alphabet = Array("0123456789:-2 4")
        for _ in 0..<5000 { texts.append(String((0..<11).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })) }
        for text in texts {
            let fast = HourRangeFastParse.parse(text)
            switch HourRange.parseAnySpelling(text) {
            case .success(let r): #expect(fast == nil || fast == r, "\(text)")
            case .failure: #expect(fast == nil, "\(text)")
            }
            if text.utf8.count == 11, text.utf8.allSatisfy({ $0 < 0x80 }), case .success(let r) = HourRange.parseAnySpelling(text),
               !text.contains(" ") {
                #expect(fast == r, "the common spelling is read by the fast path: \(text)")
            }
        }
    }
}
