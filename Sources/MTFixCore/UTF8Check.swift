import Foundation

/// Validation of UTF-8 input, with the byte offset of the first bad sequence for error messages.
public enum UTF8Check {
    /// Decodes `bytes` if they are valid UTF-8; otherwise returns the offset of the first invalid byte.
    /// The bytes are validated here and copied into the string unchecked: `String(validating:)` walks
    /// any text with one non-ASCII byte (a curly quote, a dash) one byte at a time through an iterator,
    /// which was most of the cost of reading a file.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Result<String, InvalidUTF8> {
        let b = bytes.bindMemory(to: UInt8.self)
        let (bad, ascii) = validate(b)
        if bad < b.count { return .failure(InvalidUTF8(offset: bad)) }
        if b.isEmpty { return .success("") }
        return .success(String(copying: UTF8Span(unchecked: Span(_unsafeElements: b), isKnownASCII: ascii)))
    }

    /// Offset of the first byte that does not start or continue a well-formed sequence (the count when
    /// there is none), and whether all bytes are ASCII. A sequence is well-formed as Unicode defines it:
    /// no overlong form, no surrogate, nothing above U+10FFFF.
    static func validate(_ b: UnsafeBufferPointer<UInt8>) -> (bad: Int, ascii: Bool) {
        guard let base = b.baseAddress else { return (0, true) }
        let n = b.count
        var i = 0
        // ASCII: eight bytes at a time.
        while i &+ 8 <= n {
            let high = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) & 0x8080_8080_8080_8080
            if high != 0 { i &+= high.trailingZeroBitCount >> 3; break }
            i &+= 8
        }
        while i < n && base[i] < 0x80 { i &+= 1 }
        if i == n { return (n, true) }
        // From the first non-ASCII byte on, one sequence at a time, going back to eight-byte steps
        // after each ASCII byte (CJK copy has few).
        while i < n {
            let c = base[i]
            if c < 0x80 {
                i &+= 1
                // Back in ASCII: skip eight at a time while it lasts (wrapping arithmetic: offsets stay
                // below the count).
                while i &+ 8 <= n {
                    let high = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) & 0x8080_8080_8080_8080
                    if high != 0 { i &+= high.trailingZeroBitCount >> 3; break }
                    i &+= 8
                }
                continue
            }
            if c < 0xE0 {
                // Four two-byte characters at once (Cyrillic, Greek): leads 0xC2...0xDF (bits 1-4 not
                // all clear: no overlong form), each followed by a continuation. Anything else is looked
                // at one sequence at a time, which names the first bad byte.
                if i &+ 8 <= n {
                    let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    let lanes: UInt64 = 0x8000_8000_8000_8000
                    if w & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0,
                        ((w & 0x001E_001E_001E_001E) &+ 0x7FFF_7FFF_7FFF_7FFF) & lanes == lanes
                    {
                        i &+= 8
                        continue
                    }
                }
                guard c >= 0xC2, i &+ 1 < n, base[i &+ 1] & 0xC0 == 0x80 else { return (i, false) }
                i &+= 2
            } else if c < 0xF0 {
                // The second byte's range says all: 0xA0... after 0xE0 (no overlong form), ...0x9F after
                // 0xED (no surrogate), a continuation otherwise (fewer instructions than decoding).
                guard i &+ 2 < n else { return (i, false) }
                let x = base[i &+ 1]
                let low: UInt8 = c == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = c == 0xED ? 0x9F : 0xBF
                guard x >= low, x <= high, base[i &+ 2] & 0xC0 == 0x80 else { return (i, false) }
                i &+= 3
            } else {
                guard c <= 0xF4, i + 3 < n else { return (i, false) }
                let x = UInt32(base[i + 1])
                let v = (UInt32(c) & 0x07) << 18 | (x & 0x3F) << 12
                guard (x | UInt32(base[i + 2]) << 8 | UInt32(base[i + 3]) << 16) & 0xC0C0C0 == 0x808080,
                    v >= 0x10000, v <= 0x10FFFF
                else { return (i, false) }
                i += 4
            }
        }
        return (n, false)
    }
}

/// Input that is not UTF-8, with where it stops being so.
public struct InvalidUTF8: Error, Sendable {
    public let offset: Int
}

extension StringProtocol {
    /// Byte-for-byte equality. Swift's `==` treats canonically equivalent strings as equal (`é` and
    /// `e` + U+0301), which would hide exactly the repairs the normalization rules make.
    @inlinable
    public func isIdentical<S: StringProtocol>(to other: S) -> Bool { utf8.elementsEqual(other.utf8) }
}

extension String {
    /// Byte-for-byte equality of two strings, compared as contiguous UTF-8 (one memcmp) rather than
    /// through the generic view iterators.
    public func isIdentical(to other: String) -> Bool {
        var a = self
        var b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }
}
