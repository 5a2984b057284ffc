import MTFixCore

/// Tells a detached speech verb (`he said. Added.`) from the same word written as a word being talked
/// about, as in `Added. That one word was stamped on every page.` or a list of one-word sentences
/// (`Added. Subtracted. Those were the only two buttons.`, `付け加えた。削除した。`).
///
/// MT leaves the detached verb where the attribution ended, with nothing about it after it; a
/// sentence that refers back to "that word", or bare words on either side of it, show a writer using
/// the word on purpose. Dropping it there would delete meaning, so the detector leaves it.
struct VerbMention {
    /// Capitalized words that open a sentence pointing back at something just named (`That`, `The`).
    let openers: Set<String>
    /// Nouns that, shortly after an opener, name a word as a word (`word`, `label`, `stamp`).
    let nouns: Set<String>
    /// How many words after the opener may come before the noun (`That one word`: 2).
    let reach: Int
    /// Fewest letters of a bare-word sentence beside the verb: shorter ones are mostly abbreviations
    /// opening the next sentence (`Added. Mr. Lee left.`), not words in a list.
    let minLetters: Int
    /// Most CJK characters of a bare-word sentence beside the verb (`削除した。`); 0 takes none. CJK has no
    /// capitals or spaces to tell a label from a sentence, so only a short run of letters counts.
    let maxCJKChars: Int
    /// The detached verbs: one beside another (`付け加えた。強調した。`) is damage twice over, not a list.
    let detached: Set<String>

    init(options: ConfigValue) {
        openers = options.stringSet("mention_openers")
        nouns = Set(options.stringSet("mention_nouns").map { $0.lowercased() })
        reach = options.int("mention_reach", default: 3)
        minLetters = options.int("mention_min_letters", default: 4)
        maxCJKChars = options.int("mention_max_cjk_chars", default: 0)
        detached = options.stringSet("detached")
    }

    /// Whether the verb at `verb` (its letters; the terminator follows) is mentioned rather than detached:
    /// the next sentence refers back to a word, or the sentence before or after is a bare word too.
    func isMention(_ u: [UInt16], verb: Range<Int>, gapStart: Int, line: Range<Int>) -> Bool {
        var next = verb.upperBound + 1
        while next < line.upperBound && NarrativeText.isSpace(u[next]) { next += 1 }
        if next < line.upperBound && isBareWordSentence(u, at: next, line: line) { return true }
        if let before = VerbMention.bareWordBefore(u, end: gapStart, line: line),
            isBareWordSentence(u, at: before, line: line)
        {
            return true
        }
        return next < line.upperBound && refersBack(u, from: next, line: line)
    }

    /// `That one word was …`: an opener, then one of the nouns within `reach` words.
    func refersBack(_ u: [UInt16], from start: Int, line: Range<Int>) -> Bool {
        guard !openers.isEmpty, !nouns.isEmpty else { return false }
        // The next sentence only: its words up to the first terminator.
        var end = start
        while end < line.upperBound && !NarrativeText.isTerminator(u[end]) { end += 1 }
        let words = NarrativeText.words(u, start..<end)
        guard let first = words.first, first.lowerBound == start, openers.contains(NarrativeText.string(u, first))
        else { return false }
        return words.dropFirst().prefix(reach).contains { nouns.contains(NarrativeText.string(u, $0).lowercased()) }
    }

    /// A sentence that is one capitalized word of at least `minLetters` letters and its terminator
    /// (`Subtracted.`), then a space or the line's end; or two to `maxCJKChars` CJK letters and a
    /// terminator (`削除した。`); neither a detached verb itself.
    func isBareWordSentence(_ u: [UInt16], at start: Int, line: Range<Int>) -> Bool {
        if maxCJKChars > 0 && NarrativeText.isCJK(u[start]) {
            var i = start
            while i < line.upperBound && i - start <= maxCJKChars && NarrativeText.isCJK(u[i]) && NarrativeText.isLetter(u[i]) {
                i += 1
            }
            guard i - start >= 2, i - start <= maxCJKChars, i < line.upperBound, NarrativeText.isTerminator(u[i]) else {
                return false
            }
            return !detached.contains(NarrativeText.string(u, start..<i))
        }
        guard NarrativeText.isUpper(u[start]) else { return false }
        var i = start + 1
        while i < line.upperBound && NarrativeText.isLetter(u[i]) { i += 1 }
        guard i - start >= minLetters, i < line.upperBound, NarrativeText.isTerminator(u[i]), !NarrativeText.isCJK(u[i]) else { return false }
        guard i + 1 == line.upperBound || NarrativeText.isSpace(u[i + 1]) else { return false }
        // Another detached verb beside it (`Added. Stressed.`) is the same damage twice, not a list of words.
        return !detached.contains(NarrativeText.string(u, start..<i))
    }

    /// The start of the word that ends right before the terminator at `end - 1` (`Divided.` in
    /// `Divided. Added.`), when the sentence it ends is that word alone (a line start or a sentence end
    /// before it; CJK needs no space after that end: `。削除した。`).
    static func bareWordBefore(_ u: [UInt16], end: Int, line: Range<Int>) -> Int? {
        guard end - 1 > line.lowerBound, NarrativeText.isTerminator(u[end - 1]) else { return nil }
        var a = end - 1
        while a > line.lowerBound && NarrativeText.isLetter(u[a - 1]) { a -= 1 }
        guard a < end - 1 else { return nil }
        var gap = a
        while gap > line.lowerBound && NarrativeText.isSpace(u[gap - 1]) { gap -= 1 }
        let spaced = gap < a || NarrativeText.isCJK(u[a])
        guard gap == line.lowerBound || (spaced && NarrativeText.isTerminator(u[gap - 1])) else { return nil }
        return a
    }
}
