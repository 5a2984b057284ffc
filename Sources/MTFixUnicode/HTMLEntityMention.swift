import MTFixCore

/// Tells a character reference written on purpose — quoted, in a code span, or named in a sentence
/// about markup (`Type &amp; in HTML…`) — from one left behind by scraping.
struct HTMLEntityMention {
    /// A reference wrapped in quotes or backticks is being shown, not used.
    let keepQuoted: Bool
    /// Lowercased words that make a sentence talk about markup (`HTML`, `entity`, `ampersand`).
    let words: [String]

    init(options: ConfigValue) {
        keepQuoted = options["keep_quoted"]?.bool ?? true
        words = (options["mention_words"]?.strings ?? []).map { $0.lowercased() }.filter { !$0.isEmpty }
    }

    /// True when the reference at `reference` (inside `line`) is written on purpose. `sentence` gives
    /// the sentence around it and is only asked for when the reference stands alone as a word.
    func isMention(_ u: [UInt16], line: Range<Int>, reference: Range<Int>, sentence: () -> Range<Int>) -> Bool {
        if keepQuoted && (isQuoted(u, line, reference) || inCodeSpan(u, line, reference)) { return true }
        guard !words.isEmpty, standsAlone(u, line, reference) else { return false }
        return talksAboutMarkup(Document.string(of: u[sentence()]))
    }

    private static let openers: Set<UInt16> = [0x22, 0x27, 0x60, 0x201C, 0x2018, 0x201E, 0x201A, 0xAB, 0x2039, 0x300C, 0x300E]
    private static let closers: Set<UInt16> = [0x22, 0x27, 0x60, 0x201D, 0x2019, 0x201C, 0xBB, 0x203A, 0x300D, 0x300F]

    /// `"&amp;"`, `‘&lt;’`, `「&amp;」`: a mark right before the `&` and one right after the `;`.
    private func isQuoted(_ u: [UInt16], _ line: Range<Int>, _ r: Range<Int>) -> Bool {
        guard r.lowerBound > line.lowerBound, r.upperBound < line.upperBound else { return false }
        return Self.openers.contains(u[r.lowerBound - 1]) && Self.closers.contains(u[r.upperBound])
    }

    /// Inside a backtick code span: an odd number of backticks before it on the line, one after.
    private func inCodeSpan(_ u: [UInt16], _ line: Range<Int>, _ r: Range<Int>) -> Bool {
        let before = u[line.lowerBound..<r.lowerBound].lazy.filter { $0 == 0x60 }.count
        return before % 2 == 1 && u[r.upperBound..<line.upperBound].contains(0x60)
    }

    /// Not glued to a word or number: `AT&amp;T` and `6&ndash;3` are text that was escaped, while
    /// ` &amp; ` on its own can be the thing a sentence talks about.
    private func standsAlone(_ u: [UInt16], _ line: Range<Int>, _ r: Range<Int>) -> Bool {
        func isWordUnit(_ i: Int) -> Bool {
            guard line.contains(i), let s = Unicode.Scalar(u[i]) else { return line.contains(i) }
            return s.properties.isAlphabetic || s.properties.numericType != nil
        }
        return !isWordUnit(r.lowerBound - 1) && !isWordUnit(r.upperBound)
    }

    /// One of `words` occurs in `text` as a word of its own (letters of cased scripts must not run on;
    /// `HTML5` counts, `markups` does not unless listed).
    func talksAboutMarkup(_ text: String) -> Bool {
        let lower = text.lowercased()
        for word in words {
            var from = lower.startIndex
            while let found = lower[from...].firstRange(of: word) {
                if bounded(lower, found, word) { return true }
                from = lower.index(after: found.lowerBound)
            }
        }
        return false
    }

    private func bounded(_ text: String, _ found: Range<String.Index>, _ word: String) -> Bool {
        if let first = word.first, first.isCased, found.lowerBound > text.startIndex,
            text[text.index(before: found.lowerBound)].isLetter
        {
            return false
        }
        if let last = word.last, last.isCased, found.upperBound < text.endIndex, text[found.upperBound].isLetter {
            return false
        }
        return true
    }
}
