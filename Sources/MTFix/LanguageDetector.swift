import MTFixICU

/// Guesses a document's language: script first (kana → ja, Han → zh, Cyrillic → ru), then, for Latin
/// script, which language's common function words occur most.
public enum LanguageDetector {
    /// Function words per Latin-script language (short, frequent, and mostly exclusive to the language).
    static let functionWords: [String: Set<String>] = [
        "en": ["the", "and", "of", "to", "in", "is", "that", "with", "for", "was", "on", "he", "said", "it", "by", "from"],
        "de": ["der", "die", "und", "das", "nicht", "ist", "mit", "den", "sich", "des", "auf", "ein", "eine", "dem", "sagte", "auch"],
        "fr": ["le", "la", "les", "et", "des", "est", "une", "du", "dans", "pour", "que", "qui", "au", "sur", "pas", "a"],
        "es": ["el", "la", "los", "las", "y", "que", "del", "en", "por", "con", "una", "para", "se", "es", "su", "al"],
    ]

    public static func detect(_ text: String, default fallback: String = "en") -> String {
        var counts: [Script: Int] = [:]
        var seen = 0
        for s in text.unicodeScalars where s.properties.isAlphabetic {
            counts[Script.of(s), default: 0] += 1
            seen += 1
            if seen > 20_000 { break }
        }
        let kana = (counts[.hiragana] ?? 0) + (counts[.katakana] ?? 0)
        let han = counts[.han] ?? 0
        let cyr = counts[.cyrillic] ?? 0
        let latin = counts[.latin] ?? 0
        if kana > 0 && kana * 20 >= han { return "ja" }
        if han > latin && han > cyr { return "zh" }
        if cyr > latin { return "ru" }
        var scores: [String: Int] = [:]
        var words = 0
        for w in text.split(whereSeparator: { !$0.isLetter }) {
            let lw = w.lowercased()
            for (lang, set) in functionWords where set.contains(lw) { scores[lang, default: 0] += 1 }
            words += 1
            if words > 5_000 { break }
        }
        return scores.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }.map(\.key) ?? fallback
    }
}
