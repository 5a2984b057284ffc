import MTFixCore
import MTFixRules

/// Lint: a short subjectless, lowercase-initial "sentence" after a sentence end whose words all repeat
/// text just used (`…open to talks.” stressed talks.`). Format: drop it.
///
/// MT detaches a sentence-final verb and its object and leaves them as an echo; a real continuation
/// after a full stop (an abbreviation, `e.g. the`) is excluded by the abbreviation check, and anything
/// that adds words not already in the text is left alone.
struct EchoFragmentDetector: Rule {
    let descriptor: RuleDescriptor
    let maxWords: Int
    /// How far back (UTF-16 units) the fragment's words must have been used.
    let window: Int
    let abbreviations: Set<String>
    /// Words that give the fragment a subject or make it a real clause (`the`, `it`, `and`...).
    let stopwords: Set<String>

    init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        maxWords = options.int("max_words", default: 4)
        window = options.int("window", default: 2000)
        abbreviations = Set(options.stringSet("abbreviations").map { $0.lowercased().trimmingSuffixDot() })
        stopwords = Set(options.stringSet("stopwords").map { $0.lowercased() })
    }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        let terminators = TerminatorIndex.of(document)
        var out: [Finding] = []
        for line in document.lines {
            var i = line.lowerBound
            while i < line.upperBound {
                i = terminators.next(from: i, to: line.upperBound)
                guard i < line.upperBound else { break }
                defer { i += 1 }
                guard u[i] != 0x2026 else { continue }
                // Sentence end: terminator, closing quotes on either side, then a space.
                var j = i + 1
                while j < line.upperBound && (NarrativeText.isClosingQuote(u[j]) || NarrativeText.isClosingBracket(u[j])) {
                    j += 1
                }
                let sentenceEnd = j
                guard j < line.upperBound, NarrativeText.isSpace(u[j]) else { continue }
                // `"Who asked?" asked Sen. X`: lowercase after a quoted question or exclamation is its
                // attribution, not a new sentence.
                if EchoFragmentDetector.isAskOrExclaim(u[i]) && j > i + 1 && NarrativeText.isClosingQuote(u[i + 1]) {
                    continue
                }
                if i > line.lowerBound && NarrativeText.isTerminator(u[i - 1]) { continue }
                while j < line.upperBound && NarrativeText.isSpace(u[j]) { j += 1 }
                guard j < line.upperBound, NarrativeText.isLower(u[j]) else { continue }
                // After the lowercase test: it rejects nearly every sentence end without building a string.
                if endsAbbreviation(dot: i, in: u, lineStart: line.lowerBound) { continue }
                if u[i] == 0x2E && sentenceEnd == i + 1, let end = restartEnd(u, dot: i, from: j, line: line) {
                    out.append(
                        Finding(
                            descriptor: descriptor, range: i..<end, replacement: "",
                            evidence: ["fragment": NarrativeText.string(u, j..<end)]))
                    i = end - 1
                    continue
                }
                guard let fragmentEnd = fragment(u, from: j, line: line) else { continue }
                let words = NarrativeText.words(u, j..<fragmentEnd)
                guard !words.isEmpty, words.count <= maxWords else { continue }
                // A unit or a letter after an abbreviation the list lacks (`500 кв. м.`) echoes
                // nothing: prefixes that short occur everywhere.
                guard words.reduce(0, { $0 + $1.count }) >= EchoFragmentDetector.minLetters else { continue }
                let texts = words.map { NarrativeText.string(u, $0) }
                if texts.contains(where: { stopwords.contains($0.lowercased()) }) { continue }
                // `iPhone`, `eBay`: a lowercase-initial name starts a real sentence.
                if words.contains(where: { w in w.dropFirst().contains { NarrativeText.isUpper(u[$0]) } }) { continue }
                // Every word must echo text used shortly before.
                // Both look-backs are bounded by the window, so cost stays linear on any line length.
                // One of them must come from the sentence the fragment was torn from: MT detaches that
                // sentence's own verb and object. A word that only repeats an earlier sentence is a parallel
                // sentence read as two (`… im 13. Jhdt. vollendet. … im 15. Jhdt. vollendet.`: verb-final
                // clauses after an abbreviation the list lacks).
                let hostFrom = hostStart(before: i, in: u, lineStart: max(line.lowerBound, i - window))
                let windowFrom = max(0, i - window)
                let stems = texts.map { NarrativeText.stem($0).utf16.map(NarrativeText.lower) }
                guard stems.allSatisfy({ EchoFragmentDetector.occurs($0, in: u, windowFrom..<i) }),
                    stems.contains(where: { EchoFragmentDetector.occurs($0, in: u, hostFrom..<i) })
                else { continue }
                out.append(
                    Finding(
                        descriptor: descriptor, range: sentenceEnd..<fragmentEnd, replacement: "",
                        evidence: ["fragment": NarrativeText.string(u, j..<fragmentEnd)]))
                i = fragmentEnd - 1
            }
        }
        return out
    }

    /// Fewest letters a fragment must have to count as an echo.
    static let minLetters = 4

    /// Whether `stem` (lowercase) starts a word in `range` of `u`, compared case-insensitively.
    static func occurs(_ stem: [UInt16], in u: [UInt16], _ range: Range<Int>) -> Bool {
        guard let first = stem.first else { return false }
        var p = range.lowerBound
        while p + stem.count <= range.upperBound {
            if NarrativeText.lower(u[p]) == first && (p == 0 || !NarrativeText.isLetter(u[p - 1])) {
                var k = 1
                while k < stem.count && NarrativeText.lower(u[p + k]) == stem[k] { k += 1 }
                if k == stem.count { return true }
            }
            p += 1
        }
        return false
    }

    /// Longest token (in letters) read as a unit after a number or a one-letter abbreviation.
    static let maxUnitLetters = 3

    /// Whether the full stop at `dot` closes an abbreviation rather than a sentence: a listed one, or
    /// the shape of one the list lacks. A short token right after a number (`16. Jh.`, `40 Tsd.`, `5 km.`)
    /// or after a one-letter abbreviation (`v. Chr.`, `n. Chr.`) is a unit or a two-part abbreviation;
    /// sentences rarely end that way, and deleting the verb that follows costs more than missing an echo.
    func endsAbbreviation(dot: Int, in u: [UInt16], lineStart: Int) -> Bool {
        if NarrativeText.isAbbreviation(dot: dot, in: u, lineStart: lineStart, known: abbreviations) { return true }
        let tok = NarrativeText.token(endingAt: dot, in: u, from: lineStart)
        guard !tok.isEmpty, tok.count <= EchoFragmentDetector.maxUnitLetters,
            tok.allSatisfy({ NarrativeText.isLetter(u[$0]) }), tok.lowerBound - 1 > lineStart
        else { return false }
        let prev = NarrativeText.token(endingAt: tok.lowerBound - 1, in: u, from: lineStart)
        guard let last = prev.last else { return false }
        let number = prev.allSatisfy { NarrativeText.isDigit(u[$0]) || u[$0] == 0x2E || u[$0] == 0x2C }
        if number && prev.contains(where: { NarrativeText.isDigit(u[$0]) }) { return true }
        // `v.`: one letter and its full stop.
        return prev.count == 2 && u[last] == 0x2E && NarrativeText.isLetter(u[prev.lowerBound])
    }

    /// Start of the sentence that ends at `end`: just after the last sentence end before it on the line
    /// (a terminator, closing quotes or brackets, then a space; not an abbreviation's full stop).
    func hostStart(before end: Int, in u: [UInt16], lineStart: Int) -> Int {
        var k = end - 1
        while k > lineStart {
            if NarrativeText.isSpace(u[k]) {
                var t = k - 1
                while t > lineStart && (NarrativeText.isClosingQuote(u[t]) || NarrativeText.isClosingBracket(u[t])) {
                    t -= 1
                }
                let abbreviation = u[t] == 0x2E && endsAbbreviation(dot: t, in: u, lineStart: lineStart)
                if NarrativeText.isTerminator(u[t]) && !abbreviation { return k + 1 }
            }
            k -= 1
        }
        return lineStart
    }

    /// A question or exclamation mark, half- or full-width.
    static func isAskOrExclaim(_ c: UInt16) -> Bool { c == 0x3F || c == 0x21 || c == 0xFF1F || c == 0xFF01 }

    /// End (after its full stop) of a fragment of letters and spaces starting at `from`, when it is
    /// followed by the end of the line or by another sentence.
    func fragment(_ u: [UInt16], from: Int, line: Range<Int>) -> Int? {
        var k = from
        var end: Int
        while true {
            while k < line.upperBound && (NarrativeText.isLetter(u[k]) || u[k] == 0x20 || u[k] == 0x2D) { k += 1 }
            guard k < line.upperBound, u[k] == 0x2E else { return nil }
            end = k + 1
            if end == line.upperBound { return end }
            guard NarrativeText.isSpace(u[end]) else { return nil }
            // The full stop of a title or other abbreviation (`asked Sen. Chuck …`) does not end the
            // fragment: it goes on to the next full stop, so it is judged (and dropped) whole.
            guard endsAbbreviation(dot: k, in: u, lineStart: from) else { break }
            k = end
        }
        var n = end
        while n < line.upperBound && NarrativeText.isSpace(u[n]) { n += 1 }
        return n < line.upperBound && (NarrativeText.isUpper(u[n]) || NarrativeText.isCJK(u[n])) ? end : nil
    }
}

extension String {
    func trimmingSuffixDot() -> String { hasSuffix(".") ? String(dropLast()) : self }
}
