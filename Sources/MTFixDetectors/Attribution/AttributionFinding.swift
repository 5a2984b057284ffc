import MTFixCore

extension BrokenAttributionDetector {
    /// The finding for a detached verb whose preceding attribution is `tail` (text after the closing
    /// quote); with `comma`, the verb follows the attribution's comma (`he said, added.`).
    func finding(
        _ u: [UInt16], verb: String, tail: Range<Int>, gapStart: Int, site: VerbSite, comma: Bool
    ) -> Finding? {
        let end = site.end
        // The comma form keeps the verb's full stop for the attribution; otherwise the attribution has its own.
        let dropRange = comma ? (gapStart - 1)..<site.verbEnd : gapStart..<end
        let drop = Finding(
            descriptor: descriptor, range: dropRange, replacement: "", evidence: ["verb": verb])
        // The quote itself ended the sentence: `talk.” Added.`
        if !comma && tail.allSatisfy({ NarrativeText.isTerminator(u[$0]) || u[$0] == 0x2C }) {
            return drop
        }
        let cjk = NarrativeText.isMostlyCJK(u, tail)
        let tailText = NarrativeText.string(u, tail)
        if cjk {
            guard !comma, tail.count <= 16, speechVerbs.contains(where: { tailText.contains($0) }) else {
                return nil
            }
            return drop
        }
        if holdsSentenceEnd(u, tail) { return nil }
        let words = NarrativeText.words(u, tail)
        guard !words.isEmpty, words.count <= maxTailWords else { return nil }
        let lower = words.map { NarrativeText.string(u, $0).lowercased() }
        func isSpeechVerb(_ w: String) -> Bool { speechVerbs.contains { $0.lowercased() == w } }
        guard lower.contains(where: isSpeechVerb) else { return nil }
        // `he said, added.`: the comma must follow the speech verb itself.
        if comma
            && !(isSpeechVerb(lower[lower.count - 1])
                && words[words.count - 1].upperBound == gapStart - 1)
        {
            return nil
        }
        // `, he said.` → `, he added.`: subject words then `said`, nothing after it but the full stop.
        if let merged = merge[verb], let last = words.last,
            said.contains(NarrativeText.string(u, last)),
            words.count - 1 >= 1, words.count - 1 <= maxSubjectWords, last.upperBound == gapStart - 1
        {
            let subjectOK = words.dropLast().allSatisfy { w in
                let s = NarrativeText.string(u, w)
                return NarrativeText.isUpper(u[w.lowerBound])
                    || ["he", "she", "they", "we", "it"].contains(s)
            }
            if subjectOK {
                // The attribution's full stop, or in the comma form the verb's.
                let stop = comma ? end - 1 : gapStart - 1
                let terminator = NarrativeText.string(u, stop..<(stop + 1))
                let saidWord = NarrativeText.string(u, last)
                // What the reader sees broken, on one line even when the verb stands in a paragraph of its own.
                let shown =
                    saidWord + NarrativeText.string(u, (gapStart - 1)..<gapStart) + " "
                    + NarrativeText.string(u, site.start..<end)
                // Reported from the subject (the whole broken attribution); the edit touches only the verbs.
                return Finding(
                    rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                    safety: descriptor.safety,
                    message: "\(descriptor.message): '\(shown)' → '\(merged)\(terminator)'",
                    range: words[0].lowerBound..<end,
                    edits: [Edit(range: last.lowerBound..<end, replacement: merged + terminator)],
                    evidence: ["verb": verb])
            }
        }
        return drop
    }
}
