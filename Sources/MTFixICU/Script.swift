import CICUShim

/// ICU script codes (`UScriptCode`) for the scripts mtfix reasons about.
public struct Script: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let common = Script(rawValue: 0)
    public static let inherited = Script(rawValue: 1)
    public static let arabic = Script(rawValue: 2)
    public static let cyrillic = Script(rawValue: 8)
    public static let greek = Script(rawValue: 14)
    public static let han = Script(rawValue: 17)
    public static let hangul = Script(rawValue: 18)
    public static let hiragana = Script(rawValue: 20)
    public static let katakana = Script(rawValue: 22)
    public static let latin = Script(rawValue: 25)

    /// The script property of a code point.
    public static func of(_ scalar: Unicode.Scalar) -> Script {
        var status: Int32 = 0
        return Script(rawValue: mtf_script_of(scalar.value, &status))
    }

    /// Whether `scalar`'s Script_Extensions include this script.
    public func contains(_ scalar: Unicode.Scalar) -> Bool { mtf_script_has(scalar.value, rawValue) == 1 }

    /// ISO 15924 code, e.g. `Latn`.
    public var code: String {
        guard let p = mtf_script_short_name(rawValue) else { return "Zzzz" }
        return String(cString: p)
    }

    public var description: String { code }

    /// Han, Hiragana, Katakana or Hangul: scripts written without spaces between words (Hangul aside).
    public var isCJK: Bool { self == .han || self == .hiragana || self == .katakana }
}
