import Testing

@testable import MTFixDetectors

/// `CaseTable` asks the case only of letters and takes its lowercase from the shared one-unit table: it
/// must still hold each unit's own properties.
@Suite("Case table")
struct CaseTableTests {
    @Test func flagsAndLowercaseAreTheUnitsProperties() {
        let table = CaseTable.shared
        for u in 0..<CaseTable.limit {
            var flags: UInt8 = 0
            var lower = UInt16(u)
            if let s = Unicode.Scalar(UInt32(u)) {
                let p = s.properties
                if p.isAlphabetic { flags |= CaseTable.letter }
                if p.isLowercase { flags |= CaseTable.lowercase }
                if p.isUppercase {
                    flags |= CaseTable.uppercase
                    let m = p.lowercaseMapping.utf16
                    if m.count == 1 { lower = m.first! }
                }
            }
            #expect(table.flags[u] == flags, "U+\(String(u, radix: 16))")
            #expect(table.lower[u] == lower, "U+\(String(u, radix: 16))")
        }
    }
}
