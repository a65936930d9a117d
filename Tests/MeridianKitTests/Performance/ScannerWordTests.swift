import Foundation
import Testing
@testable import MeridianKit

/// The word-at-a-time helpers of the journal line scanner against the byte-by-byte way.
@Suite struct ScannerWordTests {
    /// Eight bytes as a little-endian word (first byte lowest).
    static func word(_ b: [UInt8]) -> UInt64 {
        b.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    /// Every count of leading digits, followed by every kind of byte (carries out of 0xFA and up
    /// included), gives the count and the value the slow way gives.
    @Test func leadingDigitsAndTheirValue() {
        var rng = SeededRandom(seed: 7)
        let digits = Array(UInt8(ascii: "0")...UInt8(ascii: "9"))
        for _ in 0..<20_000 {
            let m = rng.below(9)
            var b = (0..<m).map { _ in digits[rng.below(10)] }
            while b.count < 8 {
                // The byte after the digits is never a digit; the ones after it are anything.
                let any = UInt8(truncatingIfNeeded: rng.next())
                let tricky: [UInt8] = [0x2F, 0x3A, 0xFA, 0xFF, 0x00, 0x2E, 0x65, 0x30, 0xF9, 0x39 + 0x80]
                let byte = rng.below(2) == 0 ? any : tricky[rng.below(tricky.count)]
                if b.count == m && (0x30...0x39).contains(byte) { continue }
                b.append(byte)
            }
            let w = Self.word(b)
            #expect(JournalLineScanner.leadingDigits(w) == m, "\(b)")
            if m > 0 {
                let slow = b[0..<m].reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 0x30) }
                #expect(JournalLineScanner.digitsValue(w, count: m) == slow, "\(b)")
            }
        }
    }

    /// Integers of every length around the word boundaries scan as the full parser reads them.
    @Test func integersOfEveryLength() {
        for length in 1...22 {
            for sign in ["", "-"] {
                for lead in ["1", "0", "9"] {
                    let number = sign + lead + String(repeating: "7", count: length - 1)
                    for after in ["}", ".5}", "e3}", ",\"x\":1}", " }"] {
                        let line = Array("{\"lc\":\(number)\(after)".utf8)
                        var fast: FieldToken?
                        var scratch = LineScratch()
                        let read = line.withUnsafeBufferPointer { JournalLineScanner.scan($0, scratch: &scratch) { k, v in if k == .lc { fast = v } } }
                        let full = line.withUnsafeBufferPointer { try? JSONParser.parse($0) }
                        if read {
                            guard case .integer(let v)? = fast, case .object(let o)? = full, case .integer(let w)? = o["lc"] else {
                                Issue.record("scanned \(number)\(after) but not as an integer")
                                continue
                            }
                            #expect(v == w, "\(number)\(after)")
                            #expect(number.count <= 18)
                        } else {
                            // Declined: too long, a leading zero, a fraction or exponent, or not JSON.
                            let plain = number.count <= 18 && !(lead == "0" && length > 1) && (after == "}" || after.hasPrefix(",") || after == " }")
                            #expect(!plain, "\(number)\(after) should have been scanned")
                        }
                    }
                }
            }
        }
    }

    /// `isValidUTF8` agrees with `String(validating:)` on lines mixing ASCII runs of every length
    /// with valid and broken multi-byte sequences.
    @Test func utf8CheckMatchesTheStandardLibrary() {
        var rng = SeededRandom(seed: 11)
        let pieces: [[UInt8]] = [[0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x91, 0x8D], [0xC3], [0xE2, 0x82], [0xFF], [0x80],
                                 [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]
        for _ in 0..<5_000 {
            var b: [UInt8] = []
            for _ in 0..<rng.below(6) {
                b += (0..<rng.below(20)).map { _ in UInt8(0x20 + rng.below(0x5F)) }
                if rng.below(3) > 0 { b += pieces[rng.below(pieces.count)] }
            }
            let fast = b.withUnsafeBufferPointer { JournalBytes.isValidUTF8($0) }
            #expect(fast == (String(validating: b, as: UTF8.self) != nil), "\(b)")
        }
    }
}

/// The journal's fixed-shape `at` reading (`JournalBytes.writerTime`) against the long way.
@Suite struct WriterTimeTests {
    /// Every hour, minute and second edge, random fractions, and one-byte changes of the shape:
    /// the fast reading gives the long way's answer to the bit, or declines.
    @Test func writerTimeMatchesTheLongWay() {
        var rng = SeededRandom(seed: 3)
        var texts: [String] = []
        for hh in [0, 1, 9, 10, 19, 23, 24, 25, 29, 99] {
            for mm in [0, 1, 30, 59, 60, 99] {
                for ss in [0, 1, 59, 60, 61, 99] {
                    let frac = String(format: "%03d", rng.below(1000))
                    texts.append(String(format: "2026-03-14T%02d:%02d:%02d.", hh, mm, ss) + frac + "Z")
                }
            }
        }
        for ms in [0, 1, 5, 9, 10, 99, 100, 123, 456, 500, 789, 900, 999] {
            texts.append(String(format: "1969-12-31T23:59:59.%03dZ", ms))
            texts.append(String(format: "2026-11-25T14:03:12.%03dZ", ms))
        }
        let alphabet = Array("0123456789:.TtZz+- /".utf8)
        for _ in 0..<3_000 {
            var u = Array(texts[rng.below(texts.count)].utf8)
            u[10 + rng.below(14)] = alphabet[rng.below(alphabet.count)]
            texts.append(String(decoding: u, as: UTF8.self))
        }
        var fastHits = 0
        for text in texts {
            var t = text
            t.withUTF8 { u in
                guard let date = JournalBytes.date(UnsafeBufferPointer(rebasing: u[0..<10])) else { return }
                let days = date.daysSinceEpoch
                let long = JournalBytes.timeLongWay(u, days: days)
                if let fast = JournalBytes.writerTime(u, days: days) {
                    fastHits += 1
                    #expect(fast.timeIntervalSince1970.bitPattern == long?.timeIntervalSince1970.bitPattern, "\(text)")
                } else if u[10] == UInt8(ascii: "T") && u[23] == UInt8(ascii: "Z") && u[19] == UInt8(ascii: ".") {
                    // Declined in the writers' shape: the long way must decline too.
                    #expect(long == nil, "\(text)")
                }
                #expect(JournalBytes.instant(u)?.timeIntervalSince1970.bitPattern == long?.timeIntervalSince1970.bitPattern, "\(text)")
            }
        }
        #expect(fastHits > 200)
    }
}
