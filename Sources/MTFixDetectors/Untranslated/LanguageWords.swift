import MTFixCore
import MTFixRules

/// The language profiles of `Rules/<lang>/language.yml` as the untranslated-text detector needs them:
/// each language's scripts and function words, with a hash table from a lowercased word to the languages
/// listing it. The same files the language detector reads, so both agree on what a language looks like.
struct LanguageWords: Sendable {
    /// At most eight profiles are scored (`Tally` counts in eight lanes); the seven shipped fit.
    static let maxProfiles = 8
    let profiles: [LanguageProfile]
    /// `hash` of a function word → bit set of the profiles (by index) listing it, as an open-addressing
    /// table (a power of two in size, at most a quarter full; key 0 is an empty slot): every short word of
    /// a scanned line is looked up, and a dictionary look-up cost several times the hashing.
    private let keys: [UInt64]
    private let masks: [UInt8]
    /// The longest function word (in UTF-16 units): longer words are not looked up.
    let longest: Int

    /// The bundled profiles, read once per process (every untranslated rule file shares them).
    static let bundled = LanguageWords(tree: .bundled)

    init(tree: RuleTree) {
        // The language detector's reading of the same files (a tree it rejects leaves this rule no profiles).
        let profiles = Array(((try? LanguageProfile.read([tree])) ?? []).prefix(Self.maxProfiles))
        let words = profiles.map(\.functionWords)
        var table: [UInt64: UInt8] = [:]
        var longest = 0
        for (k, list) in words.enumerated() {
            for w in list {
                let units = Array(w.utf16)
                longest = max(longest, units.count)
                table[Self.hash(units[...]), default: 0] |= 1 << UInt8(k)
            }
        }
        var size = 16
        while size < 4 * table.count { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var masks = [UInt8](repeating: 0, count: size)
        for (h, m) in table {
            var i = Int(truncatingIfNeeded: h) & (size - 1)
            while keys[i] != 0 { i = (i + 1) & (size - 1) }
            keys[i] = h
            masks[i] = m
        }
        self.profiles = profiles
        self.keys = keys
        self.masks = masks
        self.longest = longest
    }

    func index(of code: String) -> Int? { profiles.firstIndex { $0.code == code } }

    /// The profiles (by index) listing the word whose `hash` is `h`, as a bit set; 0 for any other word.
    @inline(__always)
    func languages(hash h: UInt64) -> UInt8 {
        keys.withUnsafeBufferPointer { k in
            var i = Int(truncatingIfNeeded: h) & (k.count - 1)
            while true {
                if k[i] == h { return masks[i] }
                if k[i] == 0 { return 0 }
                i = (i + 1) & (k.count - 1)
            }
        }
    }

    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One lowercased unit more of an FNV-1a hash.
    @inline(__always)
    static func step(_ h: UInt64, _ lowered: UInt16) -> UInt64 { (h ^ UInt64(lowered)) &* 0x100_0000_01b3 }

    /// FNV-1a over the lowercased UTF-16 units (what `WordTally` computes while it reads a word).
    static func hash(_ units: ArraySlice<UInt16>) -> UInt64 {
        var h = basis
        for c in units { h = step(h, c < 0x2000 ? NarrativeText.lower(c) : c) }
        return h == 0 ? 1 : h
    }
}
