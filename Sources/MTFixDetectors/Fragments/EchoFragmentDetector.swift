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
        var out: [Finding] = []
        for line in document.lines {
            var i = line.lowerBound
            while i < line.upperBound {
                i = NarrativeText.nextTerminator(u, from: i, to: line.upperBound)
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
                if NarrativeText.isAbbreviation(dot: i, in: u, lineStart: line.lowerBound, known: abbreviations) { continue }
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
                // Every word must echo text used shortly before; one of them in this very line.
                // Both look-backs are bounded by the window, so cost stays linear on any line length.
                let lineFrom = max(line.lowerBound, i - window)
                let windowFrom = max(0, i - window)
                let stems = texts.map { NarrativeText.stem($0).utf16.map(NarrativeText.lower) }
                guard stems.allSatisfy({ EchoFragmentDetector.occurs($0, in: u, windowFrom..<i) }),
                    stems.contains(where: { EchoFragmentDetector.occurs($0, in: u, lineFrom..<i) })
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
            guard NarrativeText.isAbbreviation(dot: k, in: u, lineStart: from, known: abbreviations) else { break }
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
