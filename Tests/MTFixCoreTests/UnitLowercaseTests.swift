import Testing

@testable import MTFixCore

/// `UnitLowercase` builds both tables from one property pass: each must equal its own definition for
/// every BMP unit (what the case-folding prefilter and the title search built on their own before).
@Suite("One-unit lowercase tables")
struct UnitLowercaseTests {
    @Test func changedIsTheOneUnitLowercaseOfWhatChangesWhenLowercased() {
        let table = UnitLowercase.changed
        for u in 0..<0x10000 {
            var expected = UInt16(u)
            if (0x41...0x5A).contains(u) {
                expected = UInt16(u + 0x20)
            } else if u >= 0x80, let s = Unicode.Scalar(UInt32(u)), s.properties.changesWhenLowercased {
                let lower = s.properties.lowercaseMapping.unicodeScalars
                if lower.count == 1, let l = lower.first, l.value < 0x10000 { expected = UInt16(l.value) }
            }
            #expect(table[u] == expected, "U+\(String(u, radix: 16))")
        }
    }

    @Test func uppercaseIsTheOneUnitLowercaseOfCapitals() {
        let table = UnitLowercase.uppercase
        for u in 0..<0x10000 {
            var expected = UInt16(u)
            if u < 0x80 {
                if (0x41...0x5A).contains(u) { expected = UInt16(u + 0x20) }
            } else if let s = Unicode.Scalar(UInt32(u)), s.properties.isUppercase {
                let l = s.properties.lowercaseMapping.utf16
                if l.count == 1 { expected = l.first! }
            }
            #expect(table[u] == expected, "U+\(String(u, radix: 16))")
        }
        // Titlecase letters change when lowercased but are no capitals: only the fold lowercases them.
        #expect(table[0x1C5] == 0x1C5 && UnitLowercase.changed[0x1C5] == 0x1C6)
    }
}
