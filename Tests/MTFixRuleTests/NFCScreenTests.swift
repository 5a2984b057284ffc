import MTFixCore
import MTFixICU
import Testing

@testable import MTFixUnicode

/// The NFC screen (the census's `nfcSuspect` flag, for the whole document) must find a suspect unit
/// (one the table marks) wherever it sits among units of any kind, line terminators included.
@Suite("Decomposed-accent screen")
struct NFCScreenTests {
    static func suspect(_ c: UInt16) -> Bool {
        (NormalizationDetector.nfcSuspects[Int(c) >> 6] >> UInt64(c & 63)) & 1 != 0
    }

    /// Whether the screen passes the document of `units` (a lone surrogate decoded as U+FFFD) on to the
    /// quick check, and whether it should.
    static func screened(_ units: [UInt16]) -> (screen: Bool, expected: Bool) {
        let d = Document(text: String(decoding: units, as: UTF16.self), language: "en")
        return (UnicodeCensus.of(d).all.contains(.nfcSuspect), d.utf16.contains(where: suspect))
    }

    @Test func screenAgreesWithTheTableAtEveryPosition() {
        let fillers: [UInt16] = [0x61, 0x20, 0xE9, 0x2FF, 0x100, 0x1FF, 0x430, 0x4E00, 0x2019, 0x3042]
        let marks: [UInt16] = [0x300, 0x301, 0x308, 0x3099, 0xD83D, 0xF900, 0x2FF, 0x300 - 1, 0x3FF, 0x0A]
        #expect(marks.filter(Self.suspect).count >= 5)
        for filler in fillers {
            for other in fillers {
                for length in 0..<14 {
                    var base = [UInt16](repeating: filler, count: length)
                    for k in stride(from: 1, to: length, by: 3) { base[k] = other }
                    let paired = Self.screened(base + [0xD83D, 0xDE00])
                    #expect(paired.screen && paired.expected)
                    let plain = Self.screened(base)
                    #expect(plain.screen == plain.expected)
                    for at in 0..<length {
                        for mark in marks {
                            var u = base
                            u[at] = mark
                            let r = Self.screened(u)
                            #expect(r.screen == r.expected, "\(u)")
                        }
                    }
                }
            }
        }
    }

    /// The table reads each unit's NFC_Quick_Check property: for one unit that must say what the quick
    /// check of the unit alone says (the table was built from that check).
    @Test func quickCheckPropertyAgreesWithTheQuickCheckOfEveryUnit() {
        for c in 0..<0x10000 where !(0xD800..<0xE000).contains(c) {
            let unit = [UInt16(c)]
            let span = unit.withUnsafeBufferPointer { Normalizer.quickCheckPrefix($0, .nfc) }
            #expect(Normalizer.isNFCQuickCheckYes(UInt32(c)) == (span == 1), "U+\(String(c, radix: 16))")
        }
    }

    /// The table skips whole blocks (CJK, Hangul, private use): it must still mark exactly the units with
    /// a combining class other than 0 or a quick check other than yes, and the surrogates.
    @Test func tableMarksExactlyTheSuspects() {
        for c in 0x300..<0x10000 {
            var suspect = true
            if let s = Unicode.Scalar(UInt32(c)) {
                let unit = [UInt16(c)]
                suspect =
                    s.properties.canonicalCombiningClass.rawValue != 0
                    || unit.withUnsafeBufferPointer { Normalizer.quickCheckPrefix($0, .nfc) } != 1
            }
            #expect(Self.suspect(UInt16(c)) == suspect, "U+\(String(c, radix: 16))")
        }
    }
}
