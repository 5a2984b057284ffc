import MTFixCore

/// Unicode properties of single UTF-16 units, from tables for the alphabetic scripts below U+3000.
///
/// The detectors ask for the case or letterhood of units at every word and title position; a
/// standard-library property look-up each time was a hot spot, so the common range is looked up once.
enum UnitProperties {
    /// `CaseTable.shared.flags`, copied once to memory that is never freed: reading the flags through the
    /// shared struct retained and released its arrays at every call (about 50 instructions a unit).
    private static let flags: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: CaseTable.limit)
        CaseTable.shared.flags.withUnsafeBufferPointer { p.initialize(from: $0.baseAddress!, count: CaseTable.limit) }
        return UnsafePointer(p)
    }()

    /// Whether the unit is a lowercase letter (false for surrogates).
    static func isLowercase(_ u: UInt16) -> Bool {
        Int(u) < CaseTable.limit
            ? flags[Int(u)] & CaseTable.lowercase != 0
            : Unicode.Scalar(u)?.properties.isLowercase ?? false
    }

    /// Whether the unit is an uppercase letter (false for surrogates).
    static func isUppercase(_ u: UInt16) -> Bool {
        Int(u) < CaseTable.limit
            ? flags[Int(u)] & CaseTable.uppercase != 0
            : Unicode.Scalar(u)?.properties.isUppercase ?? false
    }

    /// Whether the unit is alphabetic; a surrogate counts as a letter (it is part of one scalar or another).
    static func isAlphabetic(_ u: UInt16) -> Bool {
        Int(u) < CaseTable.limit
            ? flags[Int(u)] & CaseTable.letter != 0
            : Unicode.Scalar(u)?.properties.isAlphabetic ?? true
    }
}

/// Letter and case properties of the alphabetic scripts below U+3000 (Latin, Greek, Cyrillic, ...)
/// in two tables: the detectors ask them for most characters of most copy, and a Unicode property
/// lookup per character was a few percent of a run. Built once (about 2 ms); CJK and the rest of the
/// BMP still ask the properties.
struct CaseTable: Sendable {
    static let limit = 0x3000
    static let letter: UInt8 = 1
    static let lowercase: UInt8 = 2
    static let uppercase: UInt8 = 4
    static let shared = CaseTable()

    let flags: [UInt8]
    let lower: [UInt16]

    private init() {
        var flags = [UInt8](repeating: 0, count: CaseTable.limit)
        for u in 0..<CaseTable.limit {
            guard let s = Unicode.Scalar(UInt32(u)) else { continue }
            let p = s.properties
            // Every lowercase or uppercase unit below U+3000 is alphabetic (`CaseTableTests` checks it), so
            // the case is asked of letters only: half the property look-ups of building this at start-up.
            guard p.isAlphabetic else { continue }
            var f = CaseTable.letter
            if p.isLowercase { f |= CaseTable.lowercase }
            if p.isUppercase { f |= CaseTable.uppercase }
            flags[u] = f
        }
        self.flags = flags
        // The one-unit lowercase of capitals, as the title search has it (built once for both).
        self.lower = Array(UnitLowercase.uppercase[0..<CaseTable.limit])
    }
}
