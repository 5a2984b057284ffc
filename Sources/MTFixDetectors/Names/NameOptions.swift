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
    /// Case endings always split off a name before comparing (Russian `-а`, `-ом`), longest first.
    var caseSuffixes: [String] = []
    /// Endings split off only when the bare form also occurs in the document (German genitive `-s`).
    var inflectionSuffixes: [String] = []
    var minStem = 3
    /// Languages that capitalize every noun (German): a bare majority is then not evidence enough.
    var capitalizedNouns = false
    /// Spelling variants folded before transliteration (katakana `ティ`→`チ`, Han `尔`→``).
    var keyFolds: [(String, String)] = []
    /// Characters that join the parts of one name (`-`, `・`, `·`) besides a single space.
    var joiners: Set<Character> = ["-"]
    /// Capitalized words that are titles or offices, not names (`President`, `Minister`).
    var titleWords: Set<String> = []
    /// Capitalized function words, weekdays, months and sentence openers that are never names.
    var stopwords: Set<String> = []
    /// Countries and places: never clustered (`Iran`/`Iraq`, `Austria`/`Australia`).
    var places: Set<String> = []
    /// For `han`: the characters transliterated foreign names are written with.
    var hanCharacters: Set<Character> = []

    init(_ config: ConfigValue) {
        if let s = config["script"]?.string, let v = Script(rawValue: s) { script = v }
        if let n = config["short_length"]?.number { shortLength = Int(n) }
        if let n = config["min_stem"]?.number { minStem = Int(n) }
        possessives = (config["possessives"]?.strings ?? []).sorted { $0.count > $1.count }
        caseSuffixes = (config["case_suffixes"]?.strings ?? []).sorted { $0.count > $1.count }
        inflectionSuffixes = (config["inflection_suffixes"]?.strings ?? []).sorted { $0.count > $1.count }
        capitalizedNouns = config["capitalized_nouns"]?.bool ?? false
        if let folds = config["key_folds"]?.pairs {
            keyFolds = folds.map { ($0.key, $0.value.string ?? "") }.sorted { $0.0.count > $1.0.count }
        }
        if let j = config["joiners"]?.strings { joiners = Set(j.compactMap(\.first)) }
        titleWords = Set(config["title_words"]?.strings ?? [])
        stopwords = Set(config["stopwords"]?.strings ?? [])
        places = Set(config["places"]?.strings ?? [])
        hanCharacters = Set(config["han_characters"]?.strings?.joined() ?? "")
    }

    /// Whether `word` is excluded from name clustering by the word lists.
    func isListed(_ word: String) -> Bool {
        titleWords.contains(word) || stopwords.contains(word) || places.contains(word)
    }
}
