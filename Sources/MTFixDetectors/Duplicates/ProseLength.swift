import MTFixCore

/// How long a stretch of text must be to count as prose, from a rule's `options:` (`min_words`,
/// `min_chars`, `min_cjk_chars`): the repeat rules leave short refrains (`Go. Go.`), headings and
/// tables alone.
struct ProseLength: Sendable {
    let minWords: Int
    let minChars: Int
    /// CJK text has no spaces between words: its length is counted in units instead.
    let minCJKChars: Int

    init(_ options: ConfigValue, minWords: Int, minChars: Int, minCJKChars: Int) {
        self.minWords = options.int("min_words", default: minWords)
        self.minChars = options.int("min_chars", default: minChars)
        self.minCJKChars = options.int("min_cjk_chars", default: minCJKChars)
    }

    /// Whether `r` is long enough to be prose and ends like a sentence.
    func admits(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        guard let last = r.last else { return false }
        guard NarrativeText.isTerminator(u[last]) || NarrativeText.isClosingQuote(u[last]) else { return false }
        if NarrativeText.isMostlyCJK(u, r) { return r.count >= minCJKChars }
        return r.count >= minChars && NarrativeText.wordCount(u, r, limit: minWords) >= minWords
    }
}
