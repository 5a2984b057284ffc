import Testing

@testable import MTFixUnicode

/// `UnicodeCensus.table` is filled run by run between `runStarts`: it must hold `classify` of every unit.
@Suite("Unicode census table")
struct UnicodeCensusTableTests {
    @Test func tableIsTheClassOfEveryUnit() {
        #expect(UnicodeCensus.runStarts == UnicodeCensus.runStarts.sorted())
        for u in 0..<0x10000 {
            #expect(UnicodeCensus.table[u] == UnicodeCensus.classify(UInt16(u)).rawValue, "U+\(String(u, radix: 16))")
        }
    }
}
