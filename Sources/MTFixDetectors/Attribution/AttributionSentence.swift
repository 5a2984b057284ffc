import MTFixCore

extension BrokenAttributionDetector {
    /// Whether the text between the closing quote and the verb ends a sentence before its own end
    /// (`"…," said Jane Doe. Her team built a calculator. Added.`): then the sentence the verb follows
    /// is not the attribution, and nothing shows that MT tore the verb off one. A full stop of an
    /// abbreviation (`said U.S. Ambassador Kim`, `Gen. Park`; the rule's `abbreviations`) ends nothing.
    func holdsSentenceEnd(_ u: [UInt16], _ tail: Range<Int>) -> Bool {
        guard tail.count > 2 else { return false }
        for t in tail.lowerBound..<(tail.upperBound - 1) where NarrativeText.isTerminator(u[t]) {
            var k = t + 1
            guard NarrativeText.isSpace(u[k]) else { continue }
            while k < tail.upperBound && NarrativeText.isSpace(u[k]) { k += 1 }
            guard k < tail.upperBound, NarrativeText.isUpper(u[k]) else { continue }
            if NarrativeText.isAbbreviation(dot: t, in: u, lineStart: tail.lowerBound, known: abbreviations) { continue }
            return true
        }
        return false
    }
}
