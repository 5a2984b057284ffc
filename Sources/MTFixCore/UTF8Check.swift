import Foundation

/// Validation of UTF-8 input, with the byte offset of the first bad sequence for error messages.
public enum UTF8Check {
    /// Decodes `bytes` if they are valid UTF-8; otherwise returns the offset of the first invalid byte.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Result<String, InvalidUTF8> {
        let b = bytes.bindMemory(to: UInt8.self)
        if let s = String(validating: b, as: UTF8.self) { return .success(s) }
        return .failure(InvalidUTF8(offset: firstInvalid(b)))
    }

    /// Offset of the first byte that does not start or continue a well-formed sequence.
    static func firstInvalid(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            for k in 1...need {
                guard i + k < n else { return i }
                let x = b[i + k]
                if k == 1 { if x < lo || x > hi { return i } } else if x < 0x80 || x > 0xBF { return i }
            }
            i += need + 1
        }
        return n
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
