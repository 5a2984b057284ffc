import MTFixCore

/// Tells punctuation left by a reordering (`purpose . , police said`) from punctuation that is being
/// talked about (`Type the characters . , and ;`, `press the , key`, `the sequence ". ,"`): a lone mark
/// that prose could not hold there names itself, and deleting it or closing the gap would change
/// what the sentence says.
struct MarkMention {
    /// Lowercased words that name marks or keys (`character`, `sign`, `key`, `comma`): a lone mark right
    /// after one is the thing named (`a comma , as shown`), as is one shortly before one (`the , key`).
    let words: Set<String>
    /// Lowercased words that take a mark as their object (`press`, `type`, `labelled`): a lone mark right
    /// after one is the thing pressed or typed.
    let verbs: Set<String>
    /// Articles and number words (`the`, `single`, `ein`, `une`), lowercase: no comma follows one in
    /// prose, so a lone mark after one is a noun (`the , marks decimals`, `A single , can`).
    let determiners: Set<String>
    /// How many tokens after the orphan candidate may come before another lone mark (`, and ;`: 2) or a
    /// word naming marks (`, as separator`: 2).
    let reach: Int

    init(options: ConfigValue) {
        words = Set(options.stringSet("mention_words").map { $0.lowercased() })
        verbs = Set(options.stringSet("mention_verbs").map { $0.lowercased() })
        determiners = options.stringSet("determiners")
        reach = options.int("mention_reach", default: 2)
    }

    /// Whether the lone marks in `marks` (the candidate and its comma or stop) are mentioned: the word
    /// before them names marks, takes one as object or is an article; a lone mark or a word naming marks
    /// follows within `reach` tokens; or the marks are all a quotation holds (`". ,"`).
    func isMention(_ u: [UInt16], marks: Range<Int>, line: Range<Int>) -> Bool {
        // The word before: back over spaces to a token of letters.
        var end = marks.lowerBound
        while end > line.lowerBound && NarrativeText.isSpace(u[end - 1]) { end -= 1 }
        var start = end
        while start > line.lowerBound && NarrativeText.isLetter(u[start - 1]) { start -= 1 }
        if start < end {
            let word = NarrativeText.string(u, start..<end)
            let lower = word.lowercased()
            if words.contains(lower) || verbs.contains(lower) { return true }
            // `the`, `The`, but not `UN` (`the UN , officials said` is damage): only a capital first letter
            // is lowered.
            if determiners.contains(word)
                || determiners.contains(word.prefix(1).lowercased() + word.dropFirst())
            {
                return true
            }
        }
        if MarkMention.isQuoted(u, marks: marks, line: line) { return true }
        if quotedAfterMention(u, marks: marks, line: line) { return true }
        // The tokens before: a lone mark among the previous `reach` (`and , then , silence`: the second
        // comma of a run of lone marks, which a pass that repaired the first would otherwise take).
        var b = marks.lowerBound
        for _ in 0..<reach {
            while b > line.lowerBound && NarrativeText.isSpace(u[b - 1]) { b -= 1 }
            guard b > line.lowerBound else { break }
            var a = b
            while a > line.lowerBound && !NarrativeText.isSpace(u[a - 1]) { a -= 1 }
            if MarkMention.isLoneMark(u, a..<b) { return true }
            b = a
        }
        // The tokens after: a lone mark or a word naming marks among the next `reach` (`. , and ;`, `, key`).
        var i = marks.upperBound
        for _ in 0..<reach {
            while i < line.upperBound && NarrativeText.isSpace(u[i]) { i += 1 }
            guard i < line.upperBound else { return false }
            var j = i
            while j < line.upperBound && !NarrativeText.isSpace(u[j]) { j += 1 }
            if MarkMention.isLoneMark(u, i..<j) { return true }
            var w = i
            while w < j && NarrativeText.isLetter(u[w]) { w += 1 }
            // A word naming marks, or (German puts the verb last: `Wer schnell . , tippt`) taking one as object.
            if w > i {
                let after = NarrativeText.string(u, i..<w).lowercased()
                if words.contains(after) || verbs.contains(after) { return true }
            }
            i = j
        }
        return false
    }

    /// Whether the marks stand in a short quotation that a word naming marks or taking one as object
    /// introduces (`typed "hello , world"`, `punctuation — "and , then"`): the quotation shows text as
    /// typed, marks and all.
    func quotedAfterMention(_ u: [UInt16], marks: Range<Int>, line: Range<Int>) -> Bool {
        var q = marks.lowerBound
        while q > line.lowerBound && marks.lowerBound - q < 40 && !MarkMention.quotes.contains(u[q - 1]) { q -= 1 }
        guard q > line.lowerBound, MarkMention.quotes.contains(u[q - 1]) else { return false }
        // An opening mark: at the line start or after a space.
        let open = q - 1
        guard open == line.lowerBound || NarrativeText.isSpace(u[open - 1]) else { return false }
        // The word before it, over spaces and a dash (`punctuation — "…"`), within two tokens.
        var end = open
        for _ in 0..<2 {
            while end > line.lowerBound && NarrativeText.isSpace(u[end - 1]) { end -= 1 }
            var start = end
            while start > line.lowerBound && NarrativeText.isLetter(u[start - 1]) { start -= 1 }
            if start < end {
                let w = NarrativeText.string(u, start..<end).lowercased()
                return words.contains(w) || verbs.contains(w)
            }
            // A dash or colon between the word and the quotation.
            guard end > line.lowerBound, [0x2014, 0x2013, 0x3A, 0x2D].contains(u[end - 1]) else { return false }
            end -= 1
        }
        return false
    }

    /// Whether only spaces and marks stand between `marks` and quotation marks on both sides (`". ,"`):
    /// a quotation of punctuation alone shows the punctuation. A quotation holding words around the
    /// marks (`"hello , world"`) is text like any other and may be damaged like any other.
    static func isQuoted(_ u: [UInt16], marks: Range<Int>, line: Range<Int>) -> Bool {
        var a = marks.lowerBound
        while a > line.lowerBound
            && (NarrativeText.isSpace(u[a - 1]) || MarkMention.marks.contains(u[a - 1]))
        { a -= 1 }
        guard a > line.lowerBound, quotes.contains(u[a - 1]) else { return false }
        var b = marks.upperBound
        while b < line.upperBound && (NarrativeText.isSpace(u[b]) || MarkMention.marks.contains(u[b])) {
            b += 1
        }
        return b < line.upperBound && quotes.contains(u[b])
    }

    /// A token of sentence punctuation only (`;`, `.`, `、`), standing between spaces.
    static func isLoneMark(_ u: [UInt16], _ token: Range<Int>) -> Bool {
        !token.isEmpty && token.count <= 3 && token.allSatisfy { marks.contains(u[$0]) }
    }

    static let marks: Set<UInt16> = [
        0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x3001, 0x3002, 0xFF0C, 0xFF1B, 0xFF1A,
    ]

    /// Quotation marks of either direction (`"` `'` `“` `”` `‘` `’` `„` `«` `»` `‹` `›` `「` `」` `『` `』`).
    static let quotes: Set<UInt16> = [
        0x22, 0x27, 0x201C, 0x201D, 0x2018, 0x2019, 0x201E, 0xAB, 0xBB, 0x2039, 0x203A, 0x300C, 0x300D,
        0x300E, 0x300F,
    ]
}
