import MTFixCore

/// Tells punctuation left by a reordering (`purpose . , police said`) from punctuation that is being
/// talked about (`Type the characters . , and ; into the field`): a mark that stands alone after a word
/// naming marks (`characters`, `Zeichen`), or with another lone mark right after it, is a mention, and
/// deleting it would change what the sentence says.
struct MarkMention {
    /// Lowercased words that name marks or keys (`character`, `symbol`, `press`): a lone mark right after
    /// one is the thing named.
    let words: Set<String>
    /// How many tokens after the orphan candidate may come before another lone mark (`, and ;`: 2).
    let reach: Int

    init(options: ConfigValue) {
        words = Set(options.stringSet("mention_words").map { $0.lowercased() })
        reach = options.int("mention_reach", default: 2)
    }

    /// Whether the lone marks in `marks` (the candidate and its comma or stop) are mentioned: the word
    /// before them names marks, or a lone mark follows within `reach` tokens.
    func isMention(_ u: [UInt16], marks: Range<Int>, line: Range<Int>) -> Bool {
        // The word before: back over spaces to a token of letters.
        var end = marks.lowerBound
        while end > line.lowerBound && NarrativeText.isSpace(u[end - 1]) { end -= 1 }
        var start = end
        while start > line.lowerBound && NarrativeText.isLetter(u[start - 1]) { start -= 1 }
        if start < end, !words.isEmpty, words.contains(NarrativeText.string(u, start..<end).lowercased()) { return true }
        // The tokens after: a lone mark among the next `reach` (`. , and ;`).
        var i = marks.upperBound
        for _ in 0..<reach {
            while i < line.upperBound && NarrativeText.isSpace(u[i]) { i += 1 }
            guard i < line.upperBound else { return false }
            var j = i
            while j < line.upperBound && !NarrativeText.isSpace(u[j]) { j += 1 }
            if MarkMention.isLoneMark(u, i..<j) { return true }
            i = j
        }
        return false
    }

    /// A token of sentence punctuation only (`;`, `.`, `、`), standing between spaces.
    static func isLoneMark(_ u: [UInt16], _ token: Range<Int>) -> Bool {
        !token.isEmpty && token.count <= 3 && token.allSatisfy { marks.contains(u[$0]) }
    }

    static let marks: Set<UInt16> = [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x3001, 0x3002, 0xFF0C, 0xFF1B, 0xFF1A]
}
