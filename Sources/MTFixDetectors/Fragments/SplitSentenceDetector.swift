import MTFixCore
import MTFixRules

/// Lint: a sentence broken across a paragraph break (`…polluted the groundwater in the` ⏎⏎
/// `surrounding farmland.`). Format (review): join the two paragraphs.
///
/// The first paragraph must be long (a heading is short), end in a letter with no punctuation, and its
/// last sentence must be several words long (a one- or two-word tail is a stray fragment instead); the
/// second must be one short line that ends a sentence.
struct SplitSentenceDetector: Rule {
    let descriptor: RuleDescriptor
    let minWords: Int
    let minTailWords: Int
    let maxContinuationWords: Int
    let minCJKChars: Int
    let maxCJKContinuation: Int

    init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        minWords = options.int("min_words", default: 10)
        minTailWords = options.int("min_tail_words", default: 4)
        maxContinuationWords = options.int("max_continuation_words", default: 4)
        minCJKChars = options.int("min_cjk_chars", default: 20)
        maxCJKContinuation = options.int("max_cjk_continuation", default: 10)
    }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        var out: [Finding] = []
        let ps = document.paragraphs
        guard ps.count > 1 else { return out }
        for k in 0..<(ps.count - 1) {
            let a = ps[k]
            let b = ps[k + 1]
            guard b.lineIndices.count == 1 else { continue }
            let lineA = NarrativeText.trimmed(u, document.lines[a.lineIndices.upperBound - 1])
            let lineB = NarrativeText.trimmed(u, document.lines[b.lineIndices.lowerBound])
            guard let lastA = lineA.last, NarrativeText.isLetter(u[lastA]) || NarrativeText.isCJK(u[lastA]),
                let lastB = lineB.last, NarrativeText.isTerminator(u[lastB]),
                NarrativeText.isLetter(u[lineB.lowerBound])
            else { continue }
            // Both kinds below need a lowercase or a CJK last character: tested before the scans (most
            // paragraphs that end in a letter are headings, which end in a capitalized word).
            guard NarrativeText.isLower(u[lastA]) || (NarrativeText.isCJK(u[lastA]) && !isCJKPunctuation(u[lastA]))
            else { continue }
            // The end of the last complete sentence in A.
            var s = lastA
            while s > lineA.lowerBound && !NarrativeText.isTerminator(u[s]) { s -= 1 }
            let tail = (NarrativeText.isTerminator(u[s]) ? s + 1 : s)..<(lastA + 1)
            // A first paragraph without any full stop is the headline, which has no punctuation by style.
            if k == 0 && tail.lowerBound == lineA.lowerBound { continue }
            let cjk = NarrativeText.isMostlyCJK(u, lineA)
            let joiner: String
            if cjk {
                // Words set apart by spaces (`田中 一郎　佐藤 健太`) are a list or table row, not prose.
                guard NarrativeText.isCJK(u[lastA]), !isCJKPunctuation(u[lastA]), lineA.count >= minCJKChars,
                    !isSpacedList(u, tail),
                    tail.count >= 8, lineB.count <= maxCJKContinuation,
                    !lineB.dropLast().contains(where: { NarrativeText.isTerminator(u[$0]) })
                else { continue }
                joiner = ""
            } else {
                // A sentence broken mid-way stops on a lowercase word (`in the`); a capitalized one ends a
                // list of names or a title.
                guard let lastWord = NarrativeText.lastWord(u, tail), NarrativeText.isLower(u[lastWord.lowerBound]),
                    NarrativeText.isLower(u[lastA]), NarrativeText.wordCount(u, lineA, limit: minWords) >= minWords,
                    NarrativeText.wordCount(u, tail, limit: minTailWords) >= minTailWords,
                    NarrativeText.wordCount(u, lineB, limit: maxContinuationWords + 1) <= maxContinuationWords,
                    !lineB.dropLast().contains(where: { NarrativeText.isTerminator(u[$0]) })
                else { continue }
                joiner = " "
            }
            let gap = (lastA + 1)..<lineB.lowerBound
            out.append(
                Finding(
                    rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                    safety: descriptor.safety, message: descriptor.message, range: tail.lowerBound..<(lastA + 1),
                    edits: [Edit(range: gap, replacement: joiner)],
                    evidence: ["continuation": NarrativeText.string(u, lineB)]))
        }
        return out
    }

    /// Whether CJK text in `range` has an ideographic space, or a space between two CJK characters.
    func isSpacedList(_ u: [UInt16], _ range: Range<Int>) -> Bool {
        range.contains { i in
            guard u[i] != 0x3000 else { return true }
            return u[i] == 0x20 && i > range.lowerBound && i + 1 < range.upperBound
                && NarrativeText.isCJK(u[i - 1]) && NarrativeText.isCJK(u[i + 1])
        }
    }

    func isCJKPunctuation(_ u: UInt16) -> Bool { (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF01 && u <= 0xFF0F) }
}
