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
                    } else if b < 0xE0 {
                        out[k] = UInt16((b & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F))
                        i += 2
                        k += 1
                    } else if b < 0xF0 {
                        out[k] = UInt16((b & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F))
                        i += 3
                        k += 1
                    } else {
                        let v = (b & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12
                            | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F)
                        let w = v - 0x10000
                        out[k] = UInt16(0xD800 | (w >> 10))
                        out[k + 1] = UInt16(0xDC00 | (w & 0x3FF))
                        i += 4
                        k += 2
                    }
                }
                count = k
            }
        }
    }

    /// Whether a high surrogate lacks its low half or a low one its high half (such units cannot be
    /// kept in a `String`).
    static func hasLoneSurrogate(_ units: [UInt16]) -> Bool {
        units.withUnsafeBufferPointer { u in
            let n = u.count
            var i = 0
            while i < n {
                let v = u[i]
                i += 1
                if v & 0xF800 != 0xD800 { continue }
                if v & 0xFC00 == 0xDC00 || i == n || u[i] & 0xFC00 != 0xDC00 { return true }
                i += 1
            }
            return false
        }
    }

    /// Whether a surrogate next to one of `boundaries` (offsets between units) is lone: a high one just
    /// before, or a low one just after, without its partner.
    static func hasLoneSurrogate(_ units: [UInt16], at boundaries: [Int]) -> Bool {
        let n = units.count
        for p in boundaries where p >= 0 && p <= n {
            if p > 0 && units[p - 1] & 0xFC00 == 0xD800 && (p == n || units[p] & 0xFC00 != 0xDC00) { return true }
            if p < n && units[p] & 0xFC00 == 0xDC00 && (p == 0 || units[p - 1] & 0xFC00 != 0xD800) { return true }
        }
        return false
    }

    /// A string from UTF-16 code units; a lone surrogate becomes U+FFFD, as with `String(decoding:)`.
    static func string(_ units: [UInt16]) -> String { units.withUnsafeBufferPointer { string($0) } }

    /// A string from a slice of UTF-16 code units (as `string(_:)`).
    static func string(_ units: ArraySlice<UInt16>) -> String { units.withUnsafeBufferPointer { string($0) } }

    /// A string from UTF-16 code units in a buffer (as `string(_:)`).
    static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        let n = units.count
        if n == 0 { return "" }
        return String(unsafeUninitializedCapacity: n * 3) { out in
            var i = 0
            var k = 0
            while i < n {
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
    }

    /// Whether two code unit arrays hold the same units (one memcmp).
    static func same(_ a: [UInt16], _ b: [UInt16]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}
