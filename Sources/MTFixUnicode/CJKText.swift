/// Fast character-class tests for CJK typography (no ICU call, no allocation: they run on every character).
enum CJKText {
    /// Han ideographs, kana and the CJK symbols block: characters written without spaces between words.
    @inline(__always)
    static func isIdeographicOrKana(_ c: UInt16) -> Bool {
        (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)
            || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F)
            || c == 0x3005 || c == 0x3006 || c == 0x3007
    }

    /// CJK punctuation and full-width forms (、。，「」（）etc.).
    @inline(__always)
    static func isWidePunct(_ c: UInt16) -> Bool {
        (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20)
            || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65)
    }

    /// Any character that sits in CJK running text without spaces.
    @inline(__always)
    static func isCJK(_ c: UInt16) -> Bool { isIdeographicOrKana(c) || isWidePunct(c) }

    @inline(__always)
    static func isKana(_ c: UInt16) -> Bool { (c >= 0x3040 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F) }

    @inline(__always)
    static func isDigit(_ c: UInt16) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0xFF10 && c <= 0xFF19) }

    /// A letter of an alphabet written with spaces (Latin, Greek, Cyrillic), by code range.
    @inline(__always)
    static func isAlphabetLetter(_ c: UInt16) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
            || (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x4FF) || (c >= 0x1E00 && c <= 0x1EFF)
    }
}
