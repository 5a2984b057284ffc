import MTFixCore

/// Tells a character reference written on purpose — quoted, in a code span, or named in a sentence
/// about markup (`Type &amp; in HTML…`) — from one left behind by scraping.
struct HTMLEntityMention {
    /// A reference wrapped in quotes or backticks is being shown, not used.
    let keepQuoted: Bool
    /// Lowercased words that make a sentence talk about markup (`HTML`, `entity`, `ampersand`).
    let words: [String]

    /// The words as one case-folding matcher: a line holding none of them is told in one pass over its units.
    let matcher: LiteralMatcher

    init(options: ConfigValue) {
        keepQuoted = options["keep_quoted"]?.bool ?? true
        words = (options["mention_words"]?.strings ?? []).map { $0.lowercased() }.filter { !$0.isEmpty }
        matcher = LiteralMatcher(words, ignoreCase: true)
    }

    /// What `isMention` learns about a line once, however many references it holds: a long scraped
    /// line with thousands of `&amp;` asked both for every reference (time grew with their square).
    struct LineFacts {
        /// Backticks in the line, counted when first needed.
        var backticks: Int? = nil
        /// Backticks before `tickCursor`: references come in text order, so each count goes on from the last.
        var ticksBefore = 0
        var tickCursor: Int? = nil
        /// Whether one of `words` occurs in the line, scanned when first needed.
        var mentioned: Bool? = nil
    }

    /// True when the reference at `reference` (inside `line`) is written on purpose. `sentence` gives
    /// the sentence around it and is only asked for when the reference stands alone as a word. `facts`
    /// carries what was learnt about the line between its references (start each line with empty facts).
    func isMention(
        _ u: [UInt16], line: Range<Int>, reference: Range<Int>, facts: inout LineFacts, sentence: () -> Range<Int>
    ) -> Bool {
        if keepQuoted && (isQuoted(u, line, reference) || inCodeSpan(u, line, reference, &facts)) { return true }
        guard !words.isEmpty, standsAlone(u, line, reference) else { return false }
        // A sentence lies inside its line: a line where none of the words occurs, in any case, needs neither
        // strings nor sentence segmentation (both made the rule fifteen times slower on scraped copy).
        if facts.mentioned == nil {
            facts.mentioned = u.withUnsafeBufferPointer { p in
                matcher.containsAny(UnsafeBufferPointer(rebasing: p[line]))
            }
        }
        guard facts.mentioned == true else { return false }
        return talksAboutMarkup(Document.string(of: u[sentence()]))
    }

    private static let openers: Set<UInt16> = [0x22, 0x27, 0x60, 0x201C, 0x2018, 0x201E, 0x201A, 0xAB, 0x2039, 0x300C, 0x300E]
    private static let closers: Set<UInt16> = [0x22, 0x27, 0x60, 0x201D, 0x2019, 0x201C, 0xBB, 0x203A, 0x300D, 0x300F]

    /// `"&amp;"`, `‘&lt;’`, `「&amp;」`: a mark right before the `&` and one right after the `;`.
    private func isQuoted(_ u: [UInt16], _ line: Range<Int>, _ r: Range<Int>) -> Bool {
        guard r.lowerBound > line.lowerBound, r.upperBound < line.upperBound else { return false }
        return Self.openers.contains(u[r.lowerBound - 1]) && Self.closers.contains(u[r.upperBound])
    }

    /// Inside a backtick code span: an odd number of backticks before it on the line, one after. A line
    /// without backticks (nearly all) is told by one count.
    private func inCodeSpan(_ u: [UInt16], _ line: Range<Int>, _ r: Range<Int>, _ facts: inout LineFacts) -> Bool {
        if facts.backticks == nil { facts.backticks = u[line].lazy.filter { $0 == 0x60 }.count }
        guard let total = facts.backticks, total != 0 else { return false }
        var cursor = facts.tickCursor ?? line.lowerBound
        if cursor > r.lowerBound {
            cursor = line.lowerBound
            facts.ticksBefore = 0
        }
        facts.ticksBefore += u[cursor..<r.lowerBound].lazy.filter { $0 == 0x60 }.count
        facts.tickCursor = r.lowerBound
        let within = u[r].lazy.filter { $0 == 0x60 }.count
        return facts.ticksBefore % 2 == 1 && total - facts.ticksBefore - within > 0
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
