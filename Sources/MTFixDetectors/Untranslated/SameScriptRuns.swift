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
        // Lines first, in one pass each: only a line holding enough of another language's function words
        // is split into sentences (cut here at sentence endings: the document's sentence pass would cost
        // more than the whole rule on the few lines that need it).
        var words = 0
        var sentences: [Range<Int>] = []
        for line in doc.lines {
            if let markers, !u.withUnsafeBufferPointer({ markers.containsAny(UnsafeBufferPointer(rebasing: $0[line])) }) {
                // Counted for the document's share only roughly (a word per six units) in lines not read.
                words += line.count / 6
                continue
            }
            let t = WordTally(u, line, c.languages)
            words += t.words
            guard let x = t.best(among: others), Int(t.hits[x]) >= minFunctionWords else { continue }
            Self.sentences(u, line, into: &sentences)
        }
        guard !sentences.isEmpty else { return [] }
        let tallies = sentences.map { WordTally(u, $0, c.languages) }
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
            // The core: consecutive sentences leaning the same way; it alone must convince.
            var core = tallies[s]
            var e = s + 1
            while e < sentences.count && doc.lineIndex(at: sentences[e].lowerBound) == line && leaning(tallies[e]) == x {
                core = core + tallies[e]
                e += 1
            }
            let coreEnd = sentences[e - 1].upperBound
            // Then the sentences after it that hold some of the run's function words and none of the
            // document's (`Sie wiesen darauf hin, dass die …`) belong to the run too.
            var total = core
            while e < sentences.count && doc.lineIndex(at: sentences[e].lowerBound) == line && tallies[e].hits[x] >= 1
                && tallies[e].hits[c.host] == 0
            {
                total = total + tallies[e]
                e += 1
            }
            let range = sentences[s].lowerBound..<sentences[e - 1].upperBound
            s = e
            let last = u[coreEnd - 1]
            let terminated = NarrativeText.isTerminator(last) || NarrativeText.isClosingQuote(last)
            guard convincing(core, x, host: c.host, terminated: terminated) else { continue }
            if total.words < quotationWords && framedQuotation(u, range, line: doc.lines[line], x, c) { continue }
            runs.append(Run(range: range, language: c.languages.profiles[x].code, evidence: evidence(total, x, c, script: script), weight: total.words))
            foreign += total.words
        }
        return Double(foreign) <= maxShare * Double(words) ? runs : []
    }

    /// The sentences of `line`, appended to `out`: cut after a sentence ending (with its closing quotes)
    /// and the spaces after it, unless a lowercase letter follows (`U.S. officials`, `z. B. in`).
    static func sentences(_ u: [UInt16], _ line: Range<Int>, into out: inout [Range<Int>]) {
        let line = NarrativeText.trimmed(u, line)
        var start = line.lowerBound
        var i = start
        while i < line.upperBound {
            i = NarrativeText.nextTerminator(u, from: i, to: line.upperBound)
            guard i < line.upperBound else { break }
            var end = i + 1
            while end < line.upperBound && (NarrativeText.isTerminator(u[end]) || NarrativeText.isClosingQuote(u[end])) { end += 1 }
            var next = end
            while next < line.upperBound && NarrativeText.isSpace(u[next]) { next += 1 }
            let cjk = u[i] >= 0x3000
            if next < line.upperBound && (next > end || cjk) && !NarrativeText.isLower(u[next]) {
                out.append(start..<end)
                start = next
            }
            i = max(next, i + 1)
        }
        if start < line.upperBound { out.append(start..<line.upperBound) }
    }
}
