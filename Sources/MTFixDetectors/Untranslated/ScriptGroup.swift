/// The writing system of one UTF-16 unit, as coarse as the untranslated-text detector needs: enough to
/// tell a run in another script from the document's own. Full-width Latin (`ＳＭＢＣ`), digits,
/// punctuation and symbols are `none`: they belong to every script's text.
enum ScriptGroup: UInt8 {
    case none, latin, cyrillic, han, hiragana, katakana, hangul, other

    /// The group of an ISO 15924 code as language profiles write them (`Latn`, `Hani`, ...).
    init?(code: String) {
        switch code {
        case "Latn": self = .latin
        case "Cyrl": self = .cyrillic
        case "Hani": self = .han
        case "Hira": self = .hiragana
        case "Kana": self = .katakana
        case "Hang", "Kore": self = .hangul
        default: return nil
        }
    }

    /// The ISO 15924 code, for evidence.
    var code: String {
        switch self {
        case .latin: "Latn"
        case .cyrillic: "Cyrl"
        case .han: "Hani"
        case .hiragana: "Hira"
        case .katakana: "Kana"
        case .hangul: "Hang"
        default: "Zyyy"
        }
    }

    /// What a letter weighs when runs are measured against the document: a Han or kana character says
    /// about as much as three letters of an alphabet (`会談`, `talks`), a Hangul syllable as two.
    var weight: Int { isCJK ? 3 : self == .hangul ? 2 : 1 }

    var isCJK: Bool { self == .han || self == .hiragana || self == .katakana }

    /// Ranges, not ICU: the detector asks for every unit of the lines it scans.
    @inline(__always)
    static func of(_ u: UInt16) -> ScriptGroup {
        if u < 0x80 { return (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A ? .latin : .none }
        if u < 0x250 { return u >= 0xC0 && u != 0xD7 && u != 0xF7 ? .latin : .none }
        if u >= 0x400 && u < 0x530 { return .cyrillic }
        if u >= 0x370 && u < 0x400 || u >= 0x590 && u < 0x700 || u >= 0xE00 && u < 0xE80 { return .other }
        if u >= 0x1E00 && u < 0x1F00 { return .latin }
        if u < 0x3000 { return u >= 0x1100 && u < 0x1200 ? .hangul : .none }
        if u >= 0x4E00 && u < 0xA000 || u >= 0x3400 && u < 0x4DC0 || u >= 0xF900 && u < 0xFB00 || u == 0x3005 { return .han }
        if u >= 0x3041 && u < 0x30A0 { return .hiragana }
        if u >= 0x30A1 && u < 0x3100 && u != 0x30FB || u >= 0x31F0 && u < 0x3200 || u >= 0xFF66 && u < 0xFFA0 { return .katakana }
        if u >= 0xAC00 && u < 0xD7A4 || u >= 0x3130 && u < 0x3190 { return .hangul }
        return .none
    }
}

/// A set of script groups as bits: asked for every letter of a scanned line (a `Set` hashed each time).
struct ScriptGroups {
    var bits: UInt8 = 0

    init<S: Sequence>(_ groups: S) where S.Element == ScriptGroup {
        for g in groups { insert(g) }
    }

    mutating func insert(_ g: ScriptGroup) { bits |= 1 << g.rawValue }

    var isEmpty: Bool { bits == 0 }

    @inline(__always)
    func contains(_ g: ScriptGroup) -> Bool { bits & (1 << g.rawValue) != 0 }
}
