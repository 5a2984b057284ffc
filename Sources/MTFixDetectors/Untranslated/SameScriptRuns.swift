import MTFixCore

extension UntranslatedEvidence {
    /// Runs in the document's own script but another language (English in a German article): sentences
    /// whose function words are another language's, joined while consecutive on one line and in the
    /// same language. nil when no other profile shares the document's script.
    func sameScriptRuns(_ c: Context) -> [Run]? {
        let profile = c.languages.profiles[c.host]
        guard profile.distinctive.isEmpty, let script = profile.scripts.sorted().first else { return nil }
        let others = candidates(c, writing: script)
        guard !others.isEmpty else { return nil }
        let doc = c.document
        let u = doc.utf16
        let sentences = doc.sentences
        var tallies: [WordTally] = []
        tallies.reserveCapacity(sentences.count)
        var words = 0
        for s in sentences {
            let t = WordTally(u, s, c.languages)
            words += t.words
            tallies.append(t)
        }
        /// The language a sentence leans to: another's function words, at least twice the document's.
        func leaning(_ t: WordTally) -> Int? {
            guard let x = t.best(among: others), t.hits[x] >= 2, t.hits[x] > 2 * t.hits[c.host] else { return nil }
            return x
        }
        var runs: [Run] = []
        var foreign = 0
        var s = 0
        while s < sentences.count {
            guard let x = leaning(tallies[s]) else {
                s += 1
                continue
            }
            let line = doc.lineIndex(at: sentences[s].lowerBound)
            var total = tallies[s]
            var e = s + 1
            while e < sentences.count && doc.lineIndex(at: sentences[e].lowerBound) == line && leaning(tallies[e]) == x {
                total = total + tallies[e]
                e += 1
            }
            let range = sentences[s].lowerBound..<sentences[e - 1].upperBound
            s = e
            let last = u[range.upperBound - 1]
            let terminated = NarrativeText.isTerminator(last) || NarrativeText.isClosingQuote(last)
            guard convincing(total, x, host: c.host, terminated: terminated) else { continue }
            if total.words < quotationWords && framedQuotation(u, range, line: doc.lines[line], x, c) { continue }
            runs.append(Run(range: range, language: c.languages.profiles[x].code, evidence: evidence(total, x, c, script: script), weight: total.words))
            foreign += total.words
        }
        return Double(foreign) <= maxShare * Double(words) ? runs : []
    }
}
