import Foundation
import MTFixCore
import MTFixICU

/// Lint: Japanese or Chinese stored as UTF-8 and read as a double-byte legacy codec (`譁ｰ蟾･蝣ｴ` for
/// 新工場, UTF-8 read as Shift_JIS; `鍙屾柟鍚屾剰` for 双方同意, read as GBK). Format: the run's bytes in
/// that codec, decoded as UTF-8.
///
/// A run is repaired only when its bytes are valid UTF-8 from its first character to its last, decode to
/// at least `min_characters` CJK characters, and most of those are common ones (kana, CJK punctuation, the
/// codec's first-level ideographs): real writing in the codec almost never forms such a chain, and
/// decoded garbage is mostly rare ideographs.
public struct MojibakeCJKDetector: Rule {
    public let descriptor: RuleDescriptor
    /// The legacy codec per document language (`ja: windows-31j`, `zh: GBK`).
    let codecs: [String: CodecProfile]
    let minimumCharacters: Int
    let commonShare: Double

    public var scope: RuleScope { .line }

    public init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        var codecs: [String: CodecProfile] = [:]
        for (language, value) in options["codecs"]?.pairs ?? [] {
            guard let name = value["codec"]?.string, let common = value["common_leads"]?.strings else {
                throw RuleOptionError("codecs.\(language) needs `codec` and `common_leads`")
            }
            codecs[language] = try CodecProfile(name: name, commonLeads: common)
        }
        self.codecs = codecs
        minimumCharacters = Int(options["min_characters"]?.number ?? 3)
        commonShare = options["common_share"]?.number ?? 0.7
    }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        guard let profile = codecs[document.language] else { return [] }
        let openers = profile.openerTable()
        var codec: Codec? = nil
        return UnicodeCensus.scan(document, having: [.han, .halfwidthForms]) { u, line, out in
            var i = line.lowerBound
            while i < line.upperBound {
                // Only a character whose codec bytes can open a UTF-8 sequence starts a candidate.
                let c = u[i]
                guard c >= 0x3000, (openers[Int(c) >> 6] >> UInt64(c & 63)) & 1 != 0 else { i += 1; continue }
                if codec == nil { codec = profile.makeCodec() }
                guard let codec else { return }
                var end = i
                while end < line.upperBound && CodecProfile.isCJK(u[end]) { end += 1 }
                if let (range, decoded) = repair(u, from: i, to: end, profile, codec) {
                    out.append(Finding(
                        descriptor: descriptor, range: range, replacement: decoded,
                        message: "\(descriptor.message) (\(profile.name))"))
                    i = range.upperBound
                } else {
                    i += 1
                }
            }
        }
    }

    /// The longest stretch from `start` (before `end`) whose codec bytes decode as UTF-8 to common CJK text.
    func repair(
        _ u: [UInt16], from start: Int, to end: Int, _ profile: CodecProfile, _ codec: Codec
    ) -> (Range<Int>, String)? {
        var bytes: [UInt8] = []
        var boundary: [Int: Int] = [0: start]  // byte offset → unit index, at character boundaries
        var p = 0
        var scalars: [Unicode.Scalar] = []
        var best: (unit: Int, count: Int)? = nil
        var k = start
        // Characters are encoded only as far as their bytes keep forming UTF-8 sequences.
        while k < end {
            guard let b = [u[k]].withUnsafeBufferPointer({ codec.encode($0) }), !b.isEmpty else { break }
            bytes.append(contentsOf: b)
            k += 1
            boundary[bytes.count] = k
            while let (scalar, length) = CodecProfile.utf8Sequence(bytes, at: p) {
                guard CodecProfile.isCJK(scalar) else { k = end; break }
                scalars.append(scalar)
                p += length
                if let unit = boundary[p] { best = (unit, scalars.count) }
            }
            if p < bytes.count && bytes.count - p >= 3 { break }  // three bytes that are no sequence
        }
        guard let best, best.count >= minimumCharacters else { return nil }
        let kept = scalars[..<best.count]
        guard Double(kept.filter { profile.isCommon($0, codec: codec) }.count) >= commonShare * Double(best.count) else {
            return nil
        }
        return (start..<best.unit, String(String.UnicodeScalarView(kept)))
    }
}

/// An error in a detector's `options:`.
struct RuleOptionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
