import MTFixCore
import MTFixRules

/// The language profiles of `Rules/<lang>/language.yml` as the untranslated-text detector needs them:
/// each language's scripts and function words, with a hash table from a lowercased word to the languages
/// listing it. The same files the language detector reads, so both agree on what a language looks like.
struct LanguageWords: Sendable {
    /// One profile: ISO 639 code, ISO 15924 scripts, distinctive scripts (kana for Japanese).
    struct Profile: Sendable {
        let code: String
        let scripts: Set<String>
        let distinctive: Set<String>
    }

    /// At most eight profiles are scored (`Tally` counts in eight lanes); the seven shipped fit.
    static let maxProfiles = 8
    let profiles: [Profile]
    /// `hash` of a function word → bit set of the profiles (by index) listing it.
    private let table: [UInt64: UInt8]
    /// The longest function word (in UTF-16 units): longer words are not looked up.
    let longest: Int

    /// The bundled profiles, read once per process (every untranslated rule file shares them).
    static let bundled = LanguageWords(tree: .bundled)

    init(tree: RuleTree) {
        var profiles: [Profile] = []
        var words: [[String]] = []
        for rel in tree.files.keys.sorted() where rel.hasSuffix("/language.yml") && rel.split(separator: "/").count == 2 {
            let code = String(rel.split(separator: "/")[0])
            guard profiles.count < Self.maxProfiles, let v = (try? tree.data("language", language: code)) ?? nil else { continue }
            profiles.append(
                Profile(code: code, scripts: Set(v["scripts"]?.strings ?? []), distinctive: Set(v["distinctive"]?.strings ?? [])))
            words.append(v["function_words"]?.strings ?? [])
        }
        var table: [UInt64: UInt8] = [:]
        var longest = 0
        for (k, list) in words.enumerated() {
            for w in list {
                let units = Array(w.utf16)
                longest = max(longest, units.count)
                table[Self.hash(units[...]), default: 0] |= 1 << UInt8(k)
            }
        }
        self.profiles = profiles
        self.table = table
        self.longest = longest
    }

    func index(of code: String) -> Int? { profiles.firstIndex { $0.code == code } }

    /// The profiles (by index) listing the word `u[range]`, as a bit set; 0 for any other word.
    @inline(__always)
    func languages(of u: [UInt16], _ range: Range<Int>) -> UInt8 {
        guard range.count <= longest else { return 0 }
        return table[Self.hash(u[range])] ?? 0
    }

    /// FNV-1a over the lowercased UTF-16 units.
    static func hash(_ units: ArraySlice<UInt16>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in units { h = (h ^ UInt64(NarrativeText.lower(c))) &* 0x100_0000_01b3 }
        return h
    }
}
