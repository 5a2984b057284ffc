import MTFixICU
import Testing

@testable import MTFixUnicode

/// `LookAlikes` groups letters by their confusable skeletons' UTF-16 units: it must pair exactly the
/// letters that grouping by skeleton strings (canonical equivalence) pairs.
@Suite("Look-alike letters")
struct LookAlikeTableTests {
    @Test func unitKeysPairLettersAsStringKeysDo() throws {
        let spoof = try SpoofChecker()
        let table = try LookAlikes.shared()
        let ranges: [ClosedRange<UInt16>] = [0x41...0x5A, 0x61...0x7A, 0xC0...0x17F, 0x370...0x3FF, 0x400...0x45F]
        var letters: [(c: UInt16, family: LookAlikes.Family, skeleton: String)] = []
        var bySkeleton: [String: [LookAlikes.Family: UInt16]] = [:]
        for c in ranges.joined() {
            let f = LookAlikes.family(c)
            guard f != .other, let s = Unicode.Scalar(c), s.properties.isAlphabetic else { continue }
            let sk = spoof.skeleton(String(s))
            letters.append((c, f, sk))
            if bySkeleton[sk]?[f] == nil { bySkeleton[sk, default: [:]][f] = c }
        }
        var pairs = 0
        for (c, f, sk) in letters {
            for target in [LookAlikes.Family.latin, .cyrillic, .greek] where target != f {
                var expected: UInt16? = nil
                if let twin = bySkeleton[sk]?[target],
                    Unicode.Scalar(twin)!.properties.isUppercase == Unicode.Scalar(c)!.properties.isUppercase
                {
                    expected = twin
                }
                #expect(table.twin(of: c, in: target) == expected, "U+\(String(c, radix: 16)) in \(target)")
                if expected != nil { pairs += 1 }
            }
        }
        #expect(pairs > 50)
    }
}
