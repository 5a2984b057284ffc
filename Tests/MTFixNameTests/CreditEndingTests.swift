@testable import MTFixDetectors
import Testing

/// The caption detector's line-end gate: which characters a credit pattern can end with, and "unknown"
/// (nil, run the pattern) for every end it does not understand.
@Suite("Credit endings")
struct CreditEndingTests {
    func ends(_ pattern: String) -> Set<String>? {
        CreditEnding.finalUnits(of: pattern).map { Set($0.map { String(UnicodeScalar($0)!) }) }
    }

    @Test func understoodEnds() {
        #expect(ends(#"\((?:Photo|Image)s?: [^()]{1,80}\)"#) == [")"])
        #expect(ends("（(?:共同|時事)[^（）]{0,20}）") == ["）"])
        #expect(ends("＝[^＝。「」]{2,40}で") == ["で"])
        #expect(ends(#"(?:Foto|Bild): [^()]{1,60}/(?:dpa|AP|picture alliance)"#) == ["a", "P", "e"])
    }

    @Test(arguments: [
        #"Photo\s"#, "AP|Reuters", "(?i)photo", "(?:AP)?", "(AP|Reuters)", "Photo.", "[a-z]", "AP\\d",
        "x(?=y)", #"(?:A\.|B)"#, "(?:A|)", "AP ", "x{2}", "\\QAP\\E",
    ])
    func unknownEnds(pattern: String) {
        #expect(ends(pattern) == nil)
    }

    @Test func trailingSpace() {
        for u: UInt16 in [0x20, 0x09, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2003, 0x2028, 0x2029, 0x202F, 0x3000] {
            #expect(CreditEnding.isTrailingSpace(u))
        }
        for u: UInt16 in [0x29, 0xFF09, 0x41, 0x2E, 0xFEFF, 0xD83D] { #expect(!CreditEnding.isTrailingSpace(u)) }
        // The list must hold every white space and separator character (what `\s` and `$` let through).
        for u in UInt16(0)...UInt16(0xFFFF) {
            guard let s = Unicode.Scalar(u) else { continue }
            let space = s.properties.isWhitespace || [.spaceSeparator, .lineSeparator, .paragraphSeparator].contains(s.properties.generalCategory)
            if space { #expect(CreditEnding.isTrailingSpace(u), "U+\(String(u, radix: 16))") }
        }
    }

    /// The literal search of credits that end in a name agrees with a plain search, wherever the literal
    /// and its anchor unit stand (first, inside, last; at the range's edges; partial matches).
    @Test func creditLiteralSearch() {
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let alphabet = Array("AP Photo/RE/x".utf16)
        for _ in 0..<3000 {
            let literal = (0..<(1 + next(4))).map { _ in alphabet[next(alphabet.count)] }
            let text = (0..<next(30)).map { _ in alphabet[next(alphabet.count)] }
            let lo = next(text.count + 1)
            let hi = lo + next(text.count - lo + 1)
            let expected = hi - lo >= literal.count && (lo...(hi - literal.count)).contains { text[$0..<($0 + literal.count)].elementsEqual(literal) }
            #expect(CaptionDetector.occurs(literal, in: text, lo..<hi) == expected, "\(literal) in \(text)[\(lo)..<\(hi)]")
        }
    }
}
