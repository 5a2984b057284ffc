import Foundation

/// A set of short UTF-16 strings (words), each numbered in the order it was added; not thread-safe.
///
/// An open-addressing table (linear probing): each slot packs the upper half of a word's hash with its
/// number plus one (0: empty), so a probe reads one array and compares units only when the hashes agree.
/// Faster than a `Dictionary` keyed by the units, whose probes hash and compare whole keys.
struct UnitTable {
    private var table = [UInt64](repeating: 0, count: 1024)
    /// Where each word's units are in `pool`, by number.
    private var stored: [(start: Int32, count: Int32)] = []
    /// The units of every word, one after another.
    private var pool: [UInt16] = []

    var count: Int { stored.count }

    /// The hash of the units at `range` the table is keyed by (FNV-1a, high bits folded down).
    static func hash(_ u: [UInt16], _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range { h = (h ^ UInt64(u[i])) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// `hash(_:_:)` read through a buffer (no bounds checks).
    static func hash(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range { h = (h ^ UInt64(u[i])) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The number of the word at `range` of `u`, whose hash is `h`, or nil when it is not in the table.
    func find(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, _ h: UInt64) -> Int? {
        let tag = h >> 32
        let n = range.count
        return table.withUnsafeBufferPointer { t in
            stored.withUnsafeBufferPointer { s in
                pool.withUnsafeBufferPointer { p in
                    let mask = t.count - 1
                    var i = Int(truncatingIfNeeded: h) & mask
                    while t[i] != 0 {
                        if t[i] >> 32 == tag {
                            let k = Int(t[i] & 0xFFFF_FFFF) - 1
                            if Int(s[k].count) == n
                                && UnitTable.same(p.baseAddress! + Int(s[k].start), u.baseAddress! + range.lowerBound, n)
                            {
                                return k
                            }
                        }
                        i = (i + 1) & mask
                    }
                    return nil
                }
            }
        }
    }

    /// Whether `n` units at `a` and `b` are equal (words are short: a loop beats calling `memcmp`).
    @inline(__always)
    private static func same(_ a: UnsafePointer<UInt16>, _ b: UnsafePointer<UInt16>, _ n: Int) -> Bool {
        for k in 0..<n where a[k] != b[k] { return false }
        return true
    }

    /// Adds the word at `range` of `u` (hash `h`, not in the table yet) and returns its number.
    @discardableResult
    mutating func insert(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, _ h: UInt64) -> Int {
        if (stored.count + 1) * 2 > table.count { grow() }
        stored.append((Int32(pool.count), Int32(range.count)))
        pool.append(contentsOf: u[range])
        place((h >> 32) << 32 | UInt64(stored.count), hash: h)
        return stored.count - 1
    }

    mutating func removeAll() {
        stored.removeAll(keepingCapacity: true)
        pool.removeAll(keepingCapacity: true)
        for i in table.indices { table[i] = 0 }
    }

    private mutating func place(_ slot: UInt64, hash h: UInt64) {
        let mask = table.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while table[i] != 0 { i = (i + 1) & mask }
        table[i] = slot
    }

    /// Doubles the table; the slots' low hash bits are gone, so each word's hash is computed again.
    private mutating func grow() {
        table = [UInt64](repeating: 0, count: table.count * 2)
        for (k, s) in stored.enumerated() {
            let h = UnitTable.hash(pool, Int(s.start)..<Int(s.start + s.count))
            place((h >> 32) << 32 | UInt64(k + 1), hash: h)
        }
    }
}

/// Numbers for the capitalized words of every document, shared by all name rules of the process.
///
/// Both name rules analyse the same words of a document, and each kept its own table of analyses keyed by
/// the words' units: two look-ups (lock, probe, compare) per word. The words are now numbered once per
/// document (`NameWordList`), and each rule finds its analysis by number in a plain array. Numbers are never
/// reused, so the table stops growing at `capacity`; later new words get no number and each rule looks
/// them up by their units as before.
final class NameWordNumbers: @unchecked Sendable {
    static let shared = NameWordNumbers()
    static let capacity = 1 << 16
    private let lock = NSLock()
    private var words = UnitTable()

    /// Numbers `list`'s words (of the text `u`), -1 for a new word once the table is full.
    func number(_ list: inout [NameWordList.Word], in u: [UInt16]) {
        u.withUnsafeBufferPointer { u in
            lock.lock()
            defer { lock.unlock() }
            // Through a buffer: writing each number checked the list's uniqueness.
            list.withUnsafeMutableBufferPointer { list in
                for k in list.indices {
                    let w = list[k]
                    if let n = words.find(u, w.range, w.hash) {
                        list[k].number = Int32(n)
                    } else if words.count < NameWordNumbers.capacity {
                        list[k].number = Int32(words.insert(u, w.range, w.hash))
                    }
                }
            }
        }
    }
}
