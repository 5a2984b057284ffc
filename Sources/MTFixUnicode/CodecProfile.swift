import Foundation
import MTFixICU

/// What `MojibakeCJKDetector` needs to know of one double-byte codec (Shift_JIS, GBK): which characters
/// can open a UTF-8 sequence when written in it, each character's bytes, and which lead bytes hold its
/// common characters. Tables are made on first use (by decoding 512 byte pairs), so loading the rule
/// costs nothing for a run without Japanese or Chinese.
final class CodecProfile: @unchecked Sendable {
    let name: String
    /// Lead bytes of the codec's common characters (`88-9F`: Shift_JIS level 1 kanji).
    private let commonLeads: [ClosedRange<UInt8>]
    private let lock = NSLock()
    private var openers: [UInt64]?

    init(name: String, commonLeads: [String]) throws {
        self.name = name
        _ = try Codec(name)  // an unknown codec fails when the rule loads, not on the first document
        self.commonLeads = try commonLeads.map { text in
            let parts = text.split(separator: "-").compactMap { UInt8($0, radix: 16) }
            guard parts.count == 2, parts[0] <= parts[1] else {
                throw RuleOptionError("common_leads: '\(text)' is not a byte range like 88-9F")
            }
            return parts[0]...parts[1]
        }
    }

    /// Units whose bytes in the codec are a UTF-8 lead of a CJK character (E3–E9, EF) and a continuation
    /// byte: every run of CJK text read wrongly as this codec holds some.
    func openerTable() -> [UInt64] {
        lock.lock()
        defer { lock.unlock() }
        if let openers { return openers }
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        if let codec = try? Codec(name) {
            for lead: UInt8 in [0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEF] {
                for trail: UInt8 in 0x80...0xBF {
                    let pair = [lead, trail]
                    guard let units = pair.withUnsafeBufferPointer({ codec.decode($0) }), units.count == 1 else { continue }
                    bits[Int(units[0]) >> 6] |= 1 << UInt64(units[0] & 63)
                }
            }
        }
        openers = bits
        return bits
    }

    /// A codec for one caller at a time (ICU converters are not thread-safe).
    func makeCodec() -> Codec? { try? Codec(name) }

    /// Whether `scalar`, decoded from a run, is common writing: kana, CJK punctuation, full-width ASCII,
    /// or an ideograph whose lead byte in the codec is one of the common ones.
    func isCommon(_ scalar: Unicode.Scalar, codec: Codec) -> Bool {
        let v = scalar.value
        if (0x3000...0x30FF).contains(v) || (0xFF01...0xFF5E).contains(v) { return true }
        let unit = [UInt16(truncatingIfNeeded: v)]
        guard v <= 0xFFFF, let bytes = unit.withUnsafeBufferPointer({ codec.encode($0) }), bytes.count == 2 else { return false }
        return commonLeads.contains { $0.contains(bytes[0]) }
    }

    /// CJK text that a misread run can hold or decode to: CJK punctuation, kana, ideographs, compatibility
    /// ideographs, full- and half-width forms.
    static func isCJK(_ u: UInt16) -> Bool {
        (0x3000...0x9FFF).contains(u) || (0xF900...0xFAFF).contains(u) || (0xFF01...0xFFEF).contains(u)
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool { s.value <= 0xFFFF && isCJK(UInt16(s.value)) }

    /// The scalar and length of the three-byte UTF-8 sequence at `p`, if it is one (every character a
    /// misread CJK run can decode to takes three bytes).
    static func utf8Sequence(_ b: [UInt8], at p: Int) -> (Unicode.Scalar, Int)? {
        guard p < b.count else { return nil }
        let lead = b[p]
        func continuation(_ k: Int) -> UInt32? {
            guard k < b.count, b[k] & 0xC0 == 0x80 else { return nil }
            return UInt32(b[k] & 0x3F)
        }
        if lead >= 0xE0 && lead <= 0xEF, let c1 = continuation(p + 1), let c2 = continuation(p + 2) {
            let v = (UInt32(lead & 0x0F) << 12) | (c1 << 6) | c2
            guard v >= 0x800, !(0xD800...0xDFFF).contains(v), let s = Unicode.Scalar(v) else { return nil }
            return (s, 3)
        }
        return nil
    }
}
