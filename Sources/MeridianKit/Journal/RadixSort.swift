/// Sorts unsigned 64-bit keys by their bits, eleven at a time from the lowest (a least
/// significant digit radix sort), skipping the digits on which all keys agree. For the merge's
/// 200,000 packed (clock, position) keys this is five passes of plain counting and copying,
/// where a comparison sort needs about eighteen rounds of unpredictable compares.
enum RadixSort {
    static let digitBits = 11

    /// Sorts `keys` ascending (the same order as `keys.sort()`).
    static func sort(_ keys: inout [UInt64]) {
        let n = keys.count
        guard n > 1 else { return }
        var all: UInt64 = 0, common: UInt64 = .max
        for k in keys {
            all |= k
            common &= k
        }
        let varying = all ^ common
        guard varying != 0 else { return }
        let radix = 1 << digitBits
        let digitMask = UInt64(radix - 1)
        let spare = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n)
        defer { spare.deallocate() }
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: radix)
        defer { counts.deallocate() }
        keys.withUnsafeMutableBufferPointer { mine in
            var from = mine, to = spare
            var shift: UInt64 = 0
            while shift < 64 {
                defer { shift += UInt64(digitBits) }
                guard varying & (digitMask << shift) != 0 else { continue }
                counts.update(repeating: 0)
                for k in from { counts[Int((k >> shift) & digitMask)] += 1 }
                // Each digit's first slot.
                var start = 0
                for d in 0..<radix {
                    let c = counts[d]
                    counts[d] = start
                    start += c
                }
                // In order of the keys: equal digits keep their order, so each pass is stable.
                for k in from {
                    let d = Int((k >> shift) & digitMask)
                    to[counts[d]] = k
                    counts[d] += 1
                }
                swap(&from, &to)
            }
            if from.baseAddress != mine.baseAddress {
                _ = mine.update(fromContentsOf: from)
            }
        }
    }
}
