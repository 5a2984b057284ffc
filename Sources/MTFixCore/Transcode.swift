import Foundation

/// UTF-8 ⇄ UTF-16 conversion for whole documents. The standard library's `Array(text.utf16)` and
/// `String(decoding:as: UTF16.self)` go one code unit at a time through generic iterators; these loops
/// work on contiguous buffers and were a tenth of `check`'s time on a corpus of news articles.
enum Transcode {
    /// The UTF-16 code units of `text`.
    static func utf16(_ text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { bytes -> [UInt16] in
            let n = bytes.count
            return [UInt16](unsafeUninitializedCapacity: n) { out, count in
                var i = 0
                var k = 0
                while i < n {
                    let b = UInt32(bytes[i])
                    if b < 0x80 {
                        out[k] = UInt16(b)
                        i += 1
                        k += 1
                    } else {
                        decodeMultibyte(b, bytes.baseAddress!, &i, out.baseAddress!, &k)
                    }
                }
                count = k
            }
        }
    }

    /// A document's layout from its text in one pass over the UTF-8: the UTF-16 code units, each
    /// line's content range (UTF-16, without its `\n` or `\r\n`) and each line's start as a UTF-8
    /// offset (what `Document.position(at:)` reports). ASCII is widened eight bytes at a time up to the
    /// first line feed or non-ASCII byte; a run of non-ASCII characters is decoded without going back
    /// to the eight-byte test between them (CJK copy), four two-byte characters at once when they come
    /// in a row (Cyrillic, Greek).
    static func layout(_ text: String) -> (units: [UInt16], lines: [Range<Int>], lineByteStarts: [Int]) {
        var text = text
        // Reserved from the length (news copy runs about 40 bytes a line, blank lines included): grown
        // from empty, the two arrays were a dozen allocations for every document.
        let expected = Self.expectedLines(text.utf8.count)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(expected)
        var starts: [Int] = [0]
        starts.reserveCapacity(expected + 1)
        let units = text.withUTF8 { bytes -> [UInt16] in
            let n = bytes.count
            guard let base = bytes.baseAddress else { return [] }
            return [UInt16](unsafeUninitializedCapacity: n) { out, count in
                let raw = UnsafeMutableRawPointer(out.baseAddress!)
                var i = 0
                var k = 0
                var start = 0
                while i < n {
                    // (The word-at-a-time paths assume little-endian units and loads.)
                    // A loop of its own, with wrapping arithmetic: the overflow checks and the constants
                    // loaded again for each step were a third of its instructions.
                    while littleEndian && i &+ 8 <= n {
                        let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                        // The first byte with its top bit set or equal to 0x0A (the zero-byte test on
                        // w ^ 0x0A…, exact for the lowest flagged byte).
                        let lf = w ^ 0x0A0A_0A0A_0A0A_0A0A
                        let stop = (w | ((lf &- 0x0101_0101_0101_0101) & ~lf)) & 0x8080_8080_8080_8080
                        // All eight widened; only those before the first stop count (k + 8 <= i + 8 <= n).
                        raw.storeBytes(of: widen(w & 0xFFFF_FFFF).littleEndian, toByteOffset: k &* 2, as: UInt64.self)
                        raw.storeBytes(of: widen(w >> 32).littleEndian, toByteOffset: k &* 2 &+ 8, as: UInt64.self)
                        if stop != 0 {
                            let clean = stop.trailingZeroBitCount >> 3
                            i &+= clean
                            k &+= clean
                            break
                        }
                        i &+= 8
                        k &+= 8
                    }
                    if i >= n { break }
                    // One character at a time while they are not ASCII (then back to eight at a time).
                    repeat {
                        let b = UInt32(base[i])
                        if b < 0x80 {
                            out[k] = UInt16(b)
                            if b == 0x0A {
                                lines.append(start..<((k > start && out[k - 1] == 0x0D) ? k - 1 : k))
                                start = k + 1
                                starts.append(i + 1)
                            }
                            i &+= 1
                            k &+= 1
                            break
                        } else {
                            // Four two-byte characters at once (Cyrillic, Greek, accented Latin).
                            if b < 0xE0 && littleEndian && i &+ 8 <= n {
                                let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                                if w & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0 {
                                    let u = (w & 0x001F_001F_001F_001F) << 6 | (w >> 8) & 0x003F_003F_003F_003F
                                    raw.storeBytes(of: u.littleEndian, toByteOffset: k &* 2, as: UInt64.self)
                                    i &+= 8
                                    k &+= 4
                                    continue
                                }
                            }
                            decodeMultibyte(b, base, &i, out.baseAddress!, &k)
                        }
                    } while i < n
                }
                // The last line, unless the text ends with a line feed (an empty text is one empty line).
                if start < k || lines.isEmpty { lines.append(start..<k) }
                count = k
            }
        }
        starts.removeLast(starts.count - lines.count)
        return (units, lines, starts)
    }

    /// Room for the lines of a text of `length` units: one per 32, enough for news copy without
    /// holding much more than the text itself on a text of long lines.
    private static func expectedLines(_ length: Int) -> Int { length / 32 + 2 }

    #if _endian(little)
    private static let littleEndian = true
    #else
    private static let littleEndian = false
    #endif

    /// Decodes the character of two to four bytes at `i` (valid UTF-8; `b` is its lead byte) into `out`
    /// at `k`, and moves both past it.
    @inline(__always)
    private static func decodeMultibyte(
        _ b: UInt32, _ bytes: UnsafePointer<UInt8>, _ i: inout Int, _ out: UnsafeMutablePointer<UInt16>, _ k: inout Int
    ) {
        if b < 0xE0 {
            out[k] = UInt16(truncatingIfNeeded: (b & 0x1F) << 6 | (UInt32(bytes[i &+ 1]) & 0x3F))
            i &+= 2
            k &+= 1
        } else if b < 0xF0 {
            out[k] = UInt16(truncatingIfNeeded: (b & 0x0F) << 12 | (UInt32(bytes[i &+ 1]) & 0x3F) << 6 | (UInt32(bytes[i &+ 2]) & 0x3F))
            i &+= 3
            k &+= 1
        } else {
            let v = (b & 0x07) << 18 | (UInt32(bytes[i &+ 1]) & 0x3F) << 12
                | (UInt32(bytes[i &+ 2]) & 0x3F) << 6 | (UInt32(bytes[i &+ 3]) & 0x3F)
            let w = v &- 0x10000
            out[k] = UInt16(truncatingIfNeeded: 0xD800 | (w >> 10))
            out[k &+ 1] = UInt16(truncatingIfNeeded: 0xDC00 | (w & 0x3FF))
            i &+= 4
            k &+= 2
        }
    }

    /// Four bytes (the low half of `w`) as four UTF-16 code units, little-endian as the units are stored.
    @inline(__always)
    private static func widen(_ w: UInt64) -> UInt64 {
        let x = (w | w << 16) & 0x0000_FFFF_0000_FFFF
        return (x | x << 8) & 0x00FF_00FF_00FF_00FF
    }

    /// Each line's content range (without its `\n` or `\r\n`), as `layout` finds them, or nil when a
    /// high surrogate lacks its low half or a low one its high half: one pass for what were two (lines,
    /// then lone surrogates) over every engine pass's output. Four units at a time when none of them
    /// is a line feed or a surrogate, tested in 16-bit lanes with the zero-lane trick.
    static func lines(_ units: [UInt16]) -> [Range<Int>]? {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(expectedLines(units.count))
        var start = 0
        let n = units.count
        let whole = units.withUnsafeBufferPointer { u -> Bool in
            guard let base = u.baseAddress else { return true }
            let lanesLow: UInt64 = 0x0001_0001_0001_0001
            let lanesHigh: UInt64 = 0x8000_8000_8000_8000
            var i = 0
            while i < n {
                // A loop of its own with wrapping arithmetic, as in `layout`.
                while i &+ 4 <= n {
                    let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let lf = w ^ 0x000A_000A_000A_000A
                    let surrogate = (w & 0xF800_F800_F800_F800) ^ 0xD800_D800_D800_D800
                    if ((lf &- lanesLow) & ~lf | (surrogate &- lanesLow) & ~surrogate) & lanesHigh != 0 { break }
                    i &+= 4
                }
                if i >= n { break }
                let v = u[i]
                if v == 0x0A {
                    lines.append(start..<((i > start && u[i - 1] == 0x0D) ? i - 1 : i))
                    start = i + 1
                } else if v & 0xF800 == 0xD800 {
                    if v & 0xFC00 == 0xDC00 || i + 1 == n || u[i + 1] & 0xFC00 != 0xDC00 { return false }
                    i += 1
                }
                i += 1
            }
            return true
        }
        guard whole else { return nil }
        if start < n || lines.isEmpty { lines.append(start..<n) }
        return lines
    }

    /// A string from UTF-16 code units; a lone surrogate becomes U+FFFD, as with `String(decoding:)`.
    static func string(_ units: [UInt16]) -> String { units.withUnsafeBufferPointer { string($0) } }

    /// A string from a slice of UTF-16 code units (as `string(_:)`).
    static func string(_ units: ArraySlice<UInt16>) -> String { units.withUnsafeBufferPointer { string($0) } }

    /// A string from UTF-16 code units in a buffer (as `string(_:)`). The UTF-8 is written to a
    /// scratch buffer and copied into the string unchecked: it is well-formed by construction, and
    /// `String(unsafeUninitializedCapacity:)` validated it byte by byte.
    static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        let n = units.count
        if n == 0 { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n * 3) { out -> String in
            let k = encode(units, into: out)
            // Every unit gave one byte only if all were ASCII.
            let utf8 = UnsafeBufferPointer(rebasing: out[..<k])
            return String(copying: UTF8Span(unchecked: Span(_unsafeElements: utf8), isKnownASCII: k == n))
        }
    }

    /// Writes the UTF-8 of `units` (a lone surrogate as U+FFFD) to `out`, which has room for three
    /// bytes a unit; returns how many it wrote.
    private static func encode(_ units: UnsafeBufferPointer<UInt16>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let n = units.count
        var i = 0
        var k = 0
        let raw = UnsafeMutableRawPointer(out.baseAddress!)
        let source = UnsafeRawPointer(units.baseAddress!)
        while i < n {
            // Four ASCII units (no unit with a bit above the low seven set) narrowed to four bytes
            // at once, as `layout` widens them.
            if littleEndian && i + 4 <= n {
                let w = source.loadUnaligned(fromByteOffset: 2 * i, as: UInt64.self)
                if w & 0xFF80_FF80_FF80_FF80 == 0 {
                    let x = (w | w >> 8) & 0x0000_FFFF_0000_FFFF
                    raw.storeBytes(of: UInt32(truncatingIfNeeded: x | x >> 16), toByteOffset: k, as: UInt32.self)
                    i += 4
                    k += 4
                    continue
                }
            }
            var v = UInt32(units[i])
            i += 1
            if v & 0xFC00 == 0xD800, i < n, units[i] & 0xFC00 == 0xDC00 {
                v = 0x10000 + ((v & 0x3FF) << 10 | (UInt32(units[i]) & 0x3FF))
                i += 1
            } else if v & 0xF800 == 0xD800 {
                v = 0xFFFD
            }
            if v < 0x80 {
                out[k] = UInt8(v)
                k += 1
            } else if v < 0x800 {
                out[k] = UInt8(0xC0 | v >> 6)
                out[k + 1] = UInt8(0x80 | v & 0x3F)
                k += 2
            } else if v < 0x10000 {
                out[k] = UInt8(0xE0 | v >> 12)
                out[k + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
                out[k + 2] = UInt8(0x80 | v & 0x3F)
                k += 3
            } else {
                out[k] = UInt8(0xF0 | v >> 18)
                out[k + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                out[k + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
                out[k + 3] = UInt8(0x80 | v & 0x3F)
                k += 4
            }
        }
        return k
    }

    /// Whether two code unit arrays hold the same units (one memcmp).
    static func same(_ a: [UInt16], _ b: [UInt16]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}
