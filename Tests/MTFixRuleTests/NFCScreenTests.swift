import MTFixICU
import Testing

@testable import MTFixUnicode

/// `NormalizationDetector.mayBreakNFC` skips units below U+0300 four at a time: it must still find a
/// suspect unit (one the table marks) wherever it sits among units of any kind.
@Suite("Decomposed-accent screen")
struct NFCScreenTests {
    static func suspect(_ c: UInt16) -> Bool {
        (NormalizationDetector.nfcSuspects[Int(c) >> 6] >> UInt64(c & 63)) & 1 != 0
    }

    @Test func screenAgreesWithTheTableAtEveryPosition() {
        let fillers: [UInt16] = [0x61, 0x20, 0xE9, 0x2FF, 0x100, 0x1FF, 0x430, 0x4E00, 0x2019, 0x3042]
        let marks: [UInt16] = [0x300, 0x301, 0x308, 0x3099, 0xD83D, 0xF900, 0x2FF, 0x300 - 1, 0x3FF]
        #expect(marks.filter(Self.suspect).count >= 5)
        for filler in fillers {
            for other in fillers {
                for length in 0..<14 {
                    var base = [UInt16](repeating: filler, count: length)
                    for k in stride(from: 1, to: length, by: 3) { base[k] = other }
                    #expect(NormalizationDetector.mayBreakNFC(base) == base.contains(where: Self.suspect))
                    for at in 0..<length {
                        for mark in marks {
                            var u = base
                            u[at] = mark
                            #expect(NormalizationDetector.mayBreakNFC(u) == u.contains(where: Self.suspect), "\(u)")
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
