import MTFixCore
import MTFixRules

/// Lint: punctuation left behind when MT reorders a sentence: a full stop before a comma
/// (`Tokyo. , officials said.`, `purpose ., police`, `倒塌。，住院`), a space before a comma (`word ,`), a
/// doubled stop (`. .`).
/// Format: keep the comma (or the single stop).
///
/// French puts a space before `; : ! ?` by rule, so only commas and full stops are touched; an
/// abbreviation's dot (`U.S. ,`) is kept and only the space goes.
struct OrphanPunctuationDetector: Rule {
    let descriptor: RuleDescriptor
    /// Reads one line at a time (sentences never cross a line).
    var scope: RuleScope { .line }
    let abbreviations: Set<String>
    /// Capitalized words that start a sentence (`He`, `Die`): after `. ,` they leave open which mark is the orphan.
    let sentenceOpeners: Set<String>
    /// Signs that a lone mark is being talked about (`Type the characters . , and ;`), not left over.
    let mention: MarkMention
    /// Languages whose copy never sets a full stop against a comma but after an abbreviation, so a word's
    /// stop touching the comma (`Tokyo., officials said`) and a stop doubled at a sentence end
    /// (`said.. The next`) are left over too. Their abbreviations must then be listed in `abbreviations`
    /// (`Calif.,`, `Inc.,`).
    let tightLanguages: Set<String>

    init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        abbreviations = Set(options.stringSet("abbreviations").map { $0.lowercased().trimmingSuffixDot() })
        sentenceOpeners = options.stringSet("sentence_openers")
        mention = MarkMention(options: options)
        tightLanguages = options.stringSet("tight_stop_languages")
    }

    static func isComma(_ u: UInt16) -> Bool { u == 0x2C || u == 0x3001 || u == 0xFF0C }
    static func isStop(_ u: UInt16) -> Bool { u == 0x2E || u == 0x3002 }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        var out: [Finding] = []
        let tight = tightLanguages.contains(document.language)
        for line in document.lines {
            var i = line.lowerBound
            while i < line.upperBound {
                i = OrphanPunctuationDetector.nextMark(u, from: i, to: line.upperBound)
                guard i < line.upperBound else { break }
                defer { i += 1 }
                let c = u[i]
                if OrphanPunctuationDetector.isComma(c) {
                    if let f = strayBeforeComma(u, comma: i, line: line, tight: tight) { out.append(f) }
                } else if OrphanPunctuationDetector.isStop(c), let f = doubledStop(u, stop: i, line: line, tight: tight) {
                    out.append(f)
                    i = f.range.upperBound - 1
                }
            }
        }
        return out
    }

    /// The first comma or full stop in `from..<end`, or `end`.
    static func nextMark(_ u: [UInt16], from: Int, to end: Int) -> Int {
        NarrativeText.firstMarked(u, from: from, to: end, NarrativeText.Mark.commaOrStop)
    }

    /// `X. , y` → `X, y`; `X。，y` → `X，y`; `word ,` → `word,`.
    func strayBeforeComma(_ u: [UInt16], comma: Int, line: Range<Int>, tight: Bool) -> Finding? {
        // The comma must continue the sentence: a space or CJK text after it, or the line end.
        var k = comma
        while k > line.lowerBound && NarrativeText.isSpace(u[k - 1]) { k -= 1 }
        let spaces = k..<comma
        guard k > line.lowerBound else { return nil }
        let prev = u[k - 1]
        if OrphanPunctuationDetector.isStop(prev) {
            // A stop standing alone between spaces, or after a quotation mark, may be a mark being named
            // (`the characters . , and ;`, `the sequence ". ,"`).
            if k - 2 >= line.lowerBound, NarrativeText.isSpace(u[k - 2]) || MarkMention.quotes.contains(u[k - 2]),
                mention.isMention(u, marks: (k - 1)..<(comma + 1), line: line)
            {
                return nil
            }
            // What follows the comma decides which mark is the orphan. At the end of a line nothing
            // continues: the comma goes (`went well. ,` → `went well.`). A sentence opener after it
            // (`went well. , He left`) may start a new sentence, so the usual repair is only offered for
            // review; a name (`meeting. , Kazakhstan, 28 February`) continues the sentence.
            let next = OrphanPunctuationDetector.nextVisible(u, after: comma, line: line)
            if next == line.upperBound {
                if prev == 0x2E && spaces.isEmpty { return nil }
                return finding(k..<(comma + 1), "comma left after a full stop")
            }
            let safety: Safety? = opensSentence(u, at: next, line: line) ? .review : nil
            // `purpose ., police`, `purpose . , police`: a stop standing alone between a word and a comma
            // goes with the spaces around it.
            if prev == 0x2E, k - 3 >= line.lowerBound, u[k - 2] == 0x20, NarrativeText.isLetter(u[k - 3]) {
                return finding((k - 2)..<comma, "full stop left before a comma", safety: safety)
            }
            // The stop must end a word (`Tokyo.`), not be part of an ellipsis (`..`, `. . .`).
            guard k - 1 > line.lowerBound, !OrphanPunctuationDetector.isStop(u[k - 2]), !NarrativeText.isSpace(u[k - 2])
            else { return nil }
            if prev == 0x2E
                && NarrativeText.isAbbreviation(dot: k - 1, in: u, lineStart: line.lowerBound, known: abbreviations)
            {
                return spaces.isEmpty ? nil : finding(spaces, "space before a comma")
            }
            // Latin stops need the space (`Tokyo. ,`), or a word of four letters or more before them where
            // only abbreviations set a stop against a comma (`Tokyo.,`); a CJK stop touches its comma (`倒塌。，`).
            if prev == 0x2E && spaces.isEmpty && !(tight && OrphanPunctuationDetector.endsWord(u, at: k - 1, line: line, letters: 4)) {
                return nil
            }
            return finding((k - 1)..<comma, "full stop left before a comma", safety: safety)
        }
        // `word ,`: a space between a word and its comma, the comma followed by a space.
        // A one-letter word before it is notation (`X ⊆ V , define`), not prose.
        if !spaces.isEmpty && u[comma] == 0x2C && NarrativeText.isLetter(prev) && !NarrativeText.isCJK(prev)
            && k - 2 >= line.lowerBound && NarrativeText.isLetter(u[k - 2])
        {
            let after = comma + 1
            // `went well , .`: the comma itself is the orphan when only a full stop follows it.
            let next = OrphanPunctuationDetector.nextVisible(u, after: comma, line: line)
            if next > after, next < line.upperBound, OrphanPunctuationDetector.isStop(u[next]),
                next + 1 == line.upperBound || NarrativeText.isSpace(u[next + 1])
            {
                if mention.isMention(u, marks: comma..<(next + 1), line: line) { return nil }
                return finding(k..<next, "comma left before a full stop")
            }
            if after == line.upperBound || NarrativeText.isSpace(u[after]) {
                if mention.isMention(u, marks: comma..<after, line: line) { return nil }
                return finding(spaces, "space before a comma")
            }
        }
        return nil
    }

    /// `. .` or `。。` left by a reordering (not an ellipsis `. . .` or `...`).
    func doubledStop(_ u: [UInt16], stop: Int, line: Range<Int>, tight: Bool) -> Finding? {
        var k = stop + 1
        while k < line.upperBound && NarrativeText.isSpace(u[k]) { k += 1 }
        guard k < line.upperBound, u[k] == u[stop] else { return nil }
        if stop > line.lowerBound && (OrphanPunctuationDetector.isStop(u[stop - 1]) || NarrativeText.isSpace(u[stop - 1])) {
            return nil
        }
        if k + 1 < line.upperBound {
            var n = k + 1
            while n < line.upperBound && NarrativeText.isSpace(u[n]) { n += 1 }
            if n < line.upperBound && u[n] == u[stop] { return nil }
        }
        // `..`: an ellipsis typed short, except after a word and before a new sentence where stops are set
        // tight (`said.. The next round`).
        if u[stop] == 0x2E && k == stop + 1 {
            guard tight, OrphanPunctuationDetector.endsWord(u, at: stop, line: line, letters: 2),
                k + 2 < line.upperBound, NarrativeText.isSpace(u[k + 1]), NarrativeText.isUpper(u[k + 2])
            else { return nil }
        }
        return finding((stop + 1)..<(k + 1), "doubled full stop")
    }

    /// Whether the stop at `dot` ends a word of at least `letters` letters (`Tokyo.`), not a number, a
    /// dotted abbreviation (`U.S.`) or a listed one (`Calif.`).
    static func endsWord(_ u: [UInt16], at dot: Int, line: Range<Int>, letters: Int) -> Bool {
        var a = dot
        while a > line.lowerBound && NarrativeText.isLetter(u[a - 1]) { a -= 1 }
        guard dot - a >= letters, a == line.lowerBound || !(u[a - 1] == 0x2E || NarrativeText.isDigit(u[a - 1])) else {
            return false
        }
        return true
    }

    /// Whether the word at `start` (after an opening quote) is a capitalized sentence opener (`He`, `The`).
    func opensSentence(_ u: [UInt16], at start: Int, line: Range<Int>) -> Bool {
        var a = start
        while a < min(start + 2, line.upperBound) && !NarrativeText.isLetter(u[a]) { a += 1 }
        guard a < line.upperBound, NarrativeText.isUpper(u[a]) else { return false }
        var b = a
        while b < line.upperBound && NarrativeText.isLetter(u[b]) { b += 1 }
        return sentenceOpeners.contains(String(decoding: u[a..<b], as: UTF16.self))
    }

    /// The first unit after `comma` that is not a space, or the line's end.
    static func nextVisible(_ u: [UInt16], after comma: Int, line: Range<Int>) -> Int {
        var n = comma + 1
        while n < line.upperBound && NarrativeText.isSpace(u[n]) { n += 1 }
        return n
    }

    func finding(_ range: Range<Int>, _ what: String, safety: Safety? = nil) -> Finding {
        Finding(descriptor: descriptor, range: range, replacement: "", message: "\(descriptor.message): \(what)", safety: safety)
    }
}
