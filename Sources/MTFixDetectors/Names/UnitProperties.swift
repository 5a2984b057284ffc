/// Unicode properties of single UTF-16 units, from tables for the alphabetic scripts below U+3000.
///
/// The name detectors ask for the case or letterhood of units at every word and title position; a
/// standard-library property look-up each time was a hot spot, so the common range is looked up once.
enum UnitProperties {
    /// Whether the unit is a lowercase letter (false for surrogates).
    static func isLowercase(_ u: UInt16) -> Bool {
        u < tableEnd ? lowercase[Int(u)] : Unicode.Scalar(u)?.properties.isLowercase ?? false
    }

    /// Whether the unit is an uppercase letter (false for surrogates).
    static func isUppercase(_ u: UInt16) -> Bool {
        u < tableEnd ? uppercase[Int(u)] : Unicode.Scalar(u)?.properties.isUppercase ?? false
    }

    /// Whether the unit is alphabetic; a surrogate counts as a letter (it is part of one scalar or another).
    static func isAlphabetic(_ u: UInt16) -> Bool {
        u < tableEnd ? alphabetic[Int(u)] : Unicode.Scalar(u)?.properties.isAlphabetic ?? true
    }

    private static let tableEnd: UInt16 = 0x3000
    private static let lowercase = table { $0.isLowercase }
    private static let uppercase = table { $0.isUppercase }
    private static let alphabetic = table { $0.isAlphabetic }

    private static func table(_ test: (Unicode.Scalar.Properties) -> Bool) -> [Bool] {
        (0..<Int(tableEnd)).map { v in Unicode.Scalar(UInt32(v)).map { test($0.properties) } ?? false }
    }
}
