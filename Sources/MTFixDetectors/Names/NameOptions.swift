import Foundation
import MTFixCore

/// Language knowledge the name detectors read from a rule file's `options:` (word lists, scripts, folds).
struct NameOptions: Sendable {
    /// How name mentions are written: `cased` (capitalized Latin or Cyrillic words), `katakana`, or `han`.
    enum Script: String, Sendable { case cased, katakana, han }

    var script: Script = .cased
    /// Names shorter than this (in letters) are "short": they are only repaired towards a full-name mention.
    var shortLength = 4
    /// Suffixes that mark a possessive (`’s`): part of the token, never part of the name.
    var possessives: [String] = []
    /// Endings of contractions (`’ll`, `n’t`): a capitalized word with one (`We’ll`) is no name.
    var contractions: [String] = []
    /// Case endings always split off a name before comparing (Russian `-а`, `-ом`), longest first.
    var caseSuffixes: [String] = []
    /// The same as units, when each is simple units in composed form (see `stripCase`), else nil.
    private(set) var caseSuffixUnits: [[UInt16]]? = nil
    /// Endings split off only when the bare form also occurs in the document (German genitive `-s`).
    var inflectionSuffixes: [String] = []
    /// The same as units, when each is simple units in composed form (see `splitInflections`), else nil.
    var inflectionSuffixUnits: [[UInt16]]? = nil
    var minStem = 3
    /// Vowels a declension drops before the last consonant (`Кубок`/`Кубка`): such pairs are one word.
    var fleetingVowels: Set<Character> = []
    /// Languages that capitalize every noun (German): a bare majority is then not evidence enough.
    var capitalizedNouns = false
    /// Whether a plain majority may pick the canonical spelling (not for noisy Han runs).
    var majorityEvidence = true
    /// Spelling variants folded before transliteration (katakana `ティ`→`チ`, Han `尔`→``).
    var keyFolds: [(String, String)] = []
    /// Characters that join the parts of one name (`-`, `・`, `·`) besides a single space.
    private(set) var joiners: Set<Character> = ["-"]
    /// Which ASCII units `joiners` holds (as `joins` asks), by unit: bit `u & 63` of word `u >> 6`.
    private var asciiJoiners = NameOptions.asciiUnits(in: ["-"])
    /// Capitalized words that are titles or offices, not names (`President`, `Minister`).
    var titleWords: Set<String> = []
    /// Capitalized function words, weekdays, months and sentence openers that are never names.
    var stopwords: Set<String> = []
    /// Countries and places: never clustered (`Iran`/`Iraq`, `Austria`/`Australia`).
    var places: Set<String> = []
    /// Elided articles written onto a name (`l’`, `d’`): not part of it.
    var elisions: [String] = []
    /// Lowercase nouns that, ending an appositive (`X, the Dutch electronics company,`), mark X as a body, not a person.
    var organizationNouns: Set<String> = []
    /// Lowercase articles that open such an appositive (`the`, `a`).
    var organizationArticles: Set<String> = []
    /// For `han`: the characters transliterated foreign names are written with.
    var hanCharacters: Set<Character> = []
    /// `hanCharacters` written as one UTF-16 unit, as a table by unit (empty when there are none): tested
    /// at every unit of a document.
    private(set) var hanUnits: [Bool] = []
    /// The runs a katakana or Han scan collects (nil for cased text), shared with the other rules that collect the same.
    private(set) var runScan: NameRunScan? = nil

    /// Whether a gap of the one unit `u` between two name parts joins them: a space or one of `joiners`.
    /// Most such gaps are ASCII (a hyphen), answered from a mask: a `Character` made and hashed for every
    /// one of them showed in profiles.
    @inline(__always)
    func joins(_ u: UInt16) -> Bool {
        if u == 0x20 { return true }
        if u < 0x80 { return (u < 0x40 ? asciiJoiners.0 : asciiJoiners.1) & (1 << UInt64(u & 63)) != 0 }
        return joiners.contains(Character(Unicode.Scalar(u) ?? " "))
    }

    /// The ASCII units `u` for which `characters` holds `Character(u)` (as a set compares them: canonically).
    /// Built from the characters (a look-up of all 128 units cost every rule's start-up 128 hashes): one
    /// equal to an ASCII unit is that unit, or decomposes canonically to it alone (`;` for U+037E), which
    /// the comparison then confirms.
    private static func asciiUnits(in characters: Set<Character>) -> (UInt64, UInt64) {
        var mask: (UInt64, UInt64) = (0, 0)
        for c in characters {
            let scalars = c.unicodeScalars
            var unit = scalars.count == 1 && scalars.first!.isASCII ? scalars.first! : nil
            if unit == nil {
                let d = String(c).decomposedStringWithCanonicalMapping.unicodeScalars
                if d.count == 1, let s = d.first, s.isASCII, Character(s) == c { unit = s }
            }
            guard let u = unit?.value else { continue }
            if u < 0x40 { mask.0 |= 1 << UInt64(u) } else { mask.1 |= 1 << UInt64(u - 0x40) }
        }
        return mask
    }

    private static func unitTable(_ characters: Set<Character>) -> [Bool] {
        guard !characters.isEmpty else { return [] }
        var t = [Bool](repeating: false, count: 0x10000)
        for c in characters where c.utf16.count == 1 { t[Int(c.utf16.first!)] = true }
        return t
    }
    /// Non-letter code units one of which every elision holds (`’`, `'`); nil when some elision has none.
    /// A word without any of them cannot start with an elision, so the check is skipped.
    private var elisionMarks: Set<UInt16>? = []

    init(_ config: ConfigValue) {
        if let s = config["script"]?.string, let v = Script(rawValue: s) { script = v }
        if let n = config["short_length"]?.number { shortLength = Int(n) }
        if let n = config["min_stem"]?.number { minStem = Int(n) }
        possessives = (config["possessives"]?.strings ?? []).sorted { $0.count > $1.count }
        contractions = config["contractions"]?.strings ?? []
        caseSuffixes = (config["case_suffixes"]?.strings ?? []).sorted { $0.count > $1.count }
        if !caseSuffixes.isEmpty, caseSuffixes.allSatisfy(NameOptions.isSimpleSuffix) {
            caseSuffixUnits = caseSuffixes.map { Array($0.utf16) }
        }
        inflectionSuffixes = (config["inflection_suffixes"]?.strings ?? []).sorted { $0.count > $1.count }
        if inflectionSuffixes.allSatisfy(NameOptions.isSimpleSuffix) {
            inflectionSuffixUnits = inflectionSuffixes.map { Array($0.utf16) }
        }
        capitalizedNouns = config["capitalized_nouns"]?.bool ?? false
        majorityEvidence = (config["majority_evidence"]?.bool ?? true) && !capitalizedNouns
        fleetingVowels = Set(config["fleeting_vowels"]?.strings?.joined() ?? "")
        if let folds = config["key_folds"]?.pairs {
            keyFolds = folds.map { ($0.key, $0.value.string ?? "") }.sorted { $0.0.count > $1.0.count }
        }
        if let j = config["joiners"]?.strings {
            joiners = Set(j.compactMap(\.first))
            asciiJoiners = NameOptions.asciiUnits(in: joiners)
        }
        titleWords = Set(config["title_words"]?.strings ?? [])
        stopwords = Set(config["stopwords"]?.strings ?? [])
        places = Set(config["places"]?.strings ?? [])
        hanCharacters = Set(config["han_characters"]?.strings?.joined() ?? "")
        hanUnits = NameOptions.unitTable(hanCharacters)
        runScan = NameRunScan.shared(script, han: hanCharacters, table: hanUnits)
        organizationNouns = Set(config["organization_nouns"]?.strings ?? [])
        organizationArticles = Set(config["organization_articles"]?.strings ?? [])
        elisions = (config["elisions"]?.strings ?? []).sorted { $0.count > $1.count }
        for e in elisions {
            let marks = e.utf16.filter { u in Unicode.Scalar(u).map { !$0.properties.isAlphabetic } ?? true }
            if marks.isEmpty { elisionMarks = nil } else { elisionMarks?.formUnion(marks) }
        }
        // Listed words are matched in their case-stripped form too (`Москве` → `Москв`, like `Москва`).
        for list in [\NameOptions.places, \NameOptions.stopwords, \NameOptions.titleWords] {
            for w in self[keyPath: list] { self[keyPath: list].insert(stripCase(w)) }
        }
    }

    /// Whether the word at `range` might start with an elision (it holds an elision's mark).
    func mayElide(_ u: [UInt16], _ range: Range<Int>) -> Bool {
        guard !elisions.isEmpty else { return false }
        guard let marks = elisionMarks else { return true }
        return range.contains { marks.contains(u[$0]) }
    }

    /// Whether `s` is simple units (`TitleOptions.isSimpleUnit`) in composed form: a word of simple units
    /// ends with it exactly when its units end with `s`'s, and each unit is one character. (Each simple unit
    /// is a character of its own, equal to no other single character, and none composes with the next, so
    /// a word of them is in composed form and compares by characters as by units. A unit that decomposes,
    /// Russian `й` in `-ой`, is no obstacle: the word holds it composed too, or is not simple units and is
    /// compared as a string. Requiring endings that do not decompose sent every Russian word to the string
    /// comparison, which cost 40,000 instructions a call.)
    private static func isSimpleSuffix(_ s: String) -> Bool {
        s.utf16.allSatisfy(TitleOptions.isSimpleUnit)
            && s.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(s.unicodeScalars)
    }

    /// `word` without its longest case ending (when the rest is long enough).
    func stripCase(_ word: String) -> String {
        // Compared by units where they say what comparing characters does (string suffix tests showed in
        // profiles: every ending is tried on every word asked about).
        if let suffixes = caseSuffixUnits {
            let u = Array(word.utf16)
            if u.allSatisfy({ TitleOptions.isSimpleUnit($0) && $0 != 0x0D }) {
                for (s, su) in zip(caseSuffixes, suffixes)
                where u.count >= su.count && u.count - su.count >= minStem && u[(u.count - su.count)...].elementsEqual(su) {
                    return String(word.dropLast(s.count))
                }
                return word
            }
        }
        for s in caseSuffixes where word.hasSuffix(s) && word.count - s.count >= minStem {
            return String(word.dropLast(s.count))
        }
        return word
    }

    /// Whether `a` and `b` differ only by a fleeting vowel before the last letter (a declension).
    func isDeclension(_ a: String, _ b: String) -> Bool {
        guard !fleetingVowels.isEmpty else { return false }
        let (long, short) = a.count > b.count ? (Array(a), Array(b)) : (Array(b), Array(a))
        guard long.count == short.count + 1, long.count >= 3, fleetingVowels.contains(long[long.count - 2]) else { return false }
        var l = long
        l.remove(at: long.count - 2)
        return l == short
    }

    /// Whether `word` is excluded from name clustering by the word lists.
    func isListed(_ word: String) -> Bool {
        titleWords.contains(word) || stopwords.contains(word) || places.contains(word)
    }
}
