import MTFixCore
import MTFixRules

/// Lint: words torn off a sentence: a dangling word after a paragraph's final full stop
/// (`…into next year. not`) and the one-line paragraph that continues it (`But they don't say so.`).
/// Report only: the right repair needs a reader, and deleting either piece would lose meaning.
struct StrayFragmentDetector: Rule {
    let descriptor: RuleDescriptor
    /// Most words a dangling fragment may have (cased scripts).
    let maxWords: Int
    /// Dangling words that are enough on their own in CJK copy (negations: `ない`, `不`).
    let negations: Set<String>
    /// Words that open a continuation paragraph (`But`, `Aber`, `Mais`, `Pero`, `Но`, `ただ`, `但`).
    let conjunctions: [String]
    let maxContinuationWords: Int
    let abbreviations: Set<String>
    /// Message for the continuation paragraph (the descriptor's message names the dangling word).
    let continuationMessage: String

    init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        maxWords = options.int("max_words", default: 2)
        negations = options.stringSet("negations")
        conjunctions = options["conjunctions"]?.strings ?? []
        maxContinuationWords = options.int("max_continuation_words", default: 12)
        continuationMessage =
            options["continuation_message"]?.string
            ?? "one-line paragraph continues the fragment left in the paragraph before"
        abbreviations = Set(options.stringSet("abbreviations").map { $0.lowercased().trimmingSuffixDot() })
    }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        var out: [Finding] = []
        let paragraphs = document.paragraphs
        for (k, p) in paragraphs.enumerated() {
            let last = document.lines[p.lineIndices.upperBound - 1]
            guard let dangling = danglingFragment(u, NarrativeText.trimmed(u, last)) else { continue }
            out.append(
                Finding(
                    rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                    safety: descriptor.safety, message: descriptor.message, range: dangling,
                    evidence: ["fragment": NarrativeText.string(u, dangling)]))
            guard k + 1 < paragraphs.count else { continue }
            let next = paragraphs[k + 1]
            guard next.lineIndices.count == 1 else { continue }
            let line = NarrativeText.trimmed(u, document.lines[next.lineIndices.lowerBound])
            if isContinuation(u, line) {
                out.append(
                    Finding(
                        rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                        safety: descriptor.safety,
                        message: continuationMessage,
                        range: line, evidence: ["continues": NarrativeText.string(u, dangling)]))
            }
        }
        return out
    }

    /// The trailing words after the line's last sentence end, when they are a short lowercase fragment.
    func danglingFragment(_ u: [UInt16], _ line: Range<Int>) -> Range<Int>? {
        guard let lastChar = line.last, NarrativeText.isLetter(u[lastChar]) else { return nil }
        var k = lastChar
        while k > line.lowerBound && !NarrativeText.isTerminator(u[k]) && !NarrativeText.isClosingQuote(u[k]) {
            k -= 1
        }
        guard k > line.lowerBound, NarrativeText.isTerminator(u[k]) || NarrativeText.isTerminator(u[k - 1]) else {
            return nil
        }
        // `He has a Ph.D. level`: an abbreviation's dot is not a sentence end.
        if NarrativeText.isAbbreviation(dot: k, in: u, lineStart: line.lowerBound, known: abbreviations) { return nil }
        let frag = NarrativeText.trimmed(u, (k + 1)..<(lastChar + 1))
        guard !frag.isEmpty else { return nil }
        if NarrativeText.isMostlyCJK(u, frag) {
            return negations.contains(NarrativeText.string(u, frag)) ? frag : nil
        }
        // Cased scripts: only a full stop ends the sentence here. `!` and `?` close names and titles
        // that run on in lowercase (`Yahoo! shares`, `"Mamma Mia!" returns`), and `…` trails off.
        let end = NarrativeText.isTerminator(u[k]) ? u[k] : u[k - 1]
        guard end == 0x2E || end == 0xFF0E else { return nil }
        // A space must separate it from the sentence end, and every word is lowercase.
        guard frag.lowerBound > k + 1 else { return nil }
        let words = NarrativeText.words(u, frag)
        guard !words.isEmpty, words.count <= maxWords, words.allSatisfy({ NarrativeText.isLower(u[$0.lowerBound]) }),
            frag.allSatisfy({ NarrativeText.isLetter(u[$0]) || u[$0] == 0x20 })
        else { return nil }
        return frag
    }

    /// A short one-sentence paragraph opening with a conjunction: the rest of the torn sentence.
    func isContinuation(_ u: [UInt16], _ line: Range<Int>) -> Bool {
        guard let lastChar = line.last, NarrativeText.isTerminator(u[lastChar]) else { return false }
        let text = NarrativeText.string(u, line)
        guard let conj = conjunctions.first(where: { text.hasPrefix($0) }) else { return false }
        if NarrativeText.isMostlyCJK(u, line) {
            return line.count <= 40 && !text.dropLast().contains(where: { "。！？".contains($0) })
        }
        let after = text.dropFirst(conj.count).first
        guard after == " " || after == "," else { return false }
        let inner = line.dropLast().contains { NarrativeText.isTerminator(u[$0]) }
        return !inner && NarrativeText.wordCount(u, line, limit: maxContinuationWords + 1) <= maxContinuationWords
    }
}
