import MTFixCore
import MTFixRules

/// Lint: a paragraph repeated word for word as the next paragraph, as an MT loop leaves it.
/// Format: keep it once (the second copy and the blank line before it go).
///
/// Only paragraphs of prose count: enough words, ending like a sentence. A short refrain (`Go.`), a
/// heading or a line without a full stop (`Kazakhstan United States`) may stand twice on purpose.
struct DuplicateParagraphDetector: Rule {
    let descriptor: RuleDescriptor
    /// Compares a paragraph with the one before it.
    var scope: RuleScope { .document }
    let prose: ProseLength

    init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        prose = ProseLength(options, minWords: 6, minChars: 30, minCJKChars: 12)
    }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let paragraphs = document.paragraphs
        guard paragraphs.count > 1 else { return [] }
        let u = document.utf16
        var out: [Finding] = []
        for k in 1..<paragraphs.count {
            // Copies differ in length by their surrounding spaces at most: most pairs end here, untrimmed.
            guard abs(paragraphs[k - 1].range.count - paragraphs[k].range.count) <= 8 else { continue }
            let a = NarrativeText.trimmed(u, paragraphs[k - 1].range)
            let b = NarrativeText.trimmed(u, paragraphs[k].range)
            guard a.count == b.count, a.count > 0, u[a] == u[b], prose.admits(u, a) else { continue }
            // A quotation run over several paragraphs repeats nothing of MT's; its open mark says so.
            if QuotationState.isOpen(u, at: a.upperBound, lineStart: a.lowerBound) { continue }
            // The second copy goes with the blank lines after it (so the finding sits on its line), or, at
            // the end of the text, with the line break before it.
            let cut =
                k + 1 < paragraphs.count
                ? paragraphs[k].range.lowerBound..<paragraphs[k + 1].range.lowerBound : a.upperBound..<b.upperBound
            out.append(
                Finding(
                    descriptor: descriptor, range: cut, replacement: "",
                    evidence: ["paragraph": NarrativeText.string(u, a)]))
        }
        return out
    }
}
