import Testing

@testable import MTFixUnicode

/// `UnicodeCensus.table` is filled run by run between `runStarts`: it must hold `classify` of every unit.
@Suite("Unicode census table")
struct UnicodeCensusTableTests {
    @Test func tableIsTheClassOfEveryUnit() {
        #expect(UnicodeCensus.runStarts == UnicodeCensus.runStarts.sorted())
        let flag = UnicodeCensus.Classes.nfcSuspect.rawValue
        for u in 0..<0x10000 {
            let suspect = (NormalizationDetector.nfcSuspects[u >> 6] >> UInt64(u & 63)) & 1 != 0
            #expect(UnicodeCensus.table[u] & ~flag == UnicodeCensus.classify(UInt16(u)).rawValue, "U+\(String(u, radix: 16))")
            #expect((UnicodeCensus.table[u] & flag != 0) == suspect, "U+\(String(u, radix: 16))")
        }
        // The flag is no class a detector looks for.
        #expect(!UnicodeCensus.classes(ofAny: [0x301, 0x41, 0x3099]).contains(.nfcSuspect))
    }
}
