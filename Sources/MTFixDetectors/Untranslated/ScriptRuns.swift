import MTFixCore

extension UntranslatedEvidence {
    /// Runs in another script than the document's: from a letter of a foreign script to the last one
    /// before the next letter of the document's scripts (spaces, digits and punctuation in between
    /// belong to the run), plus a sentence ending right after it. Each run must be convincing prose in a
    /// language with a profile (or Korean, the one language Hangul writes).
    func scriptRuns(_ c: Context) -> [Run] {
        let u = c.document.utf16
        // Latin copy: every foreign letter is at U+0400 or above, so a quick look finds most documents
        // without one (curly quotes and dashes are the only such units most hold).
        let host = c.hostGroups
        if host.contains(.latin) && !u.contains(where: { $0 >= 0x400 && ScriptGroup.of($0) != .none && !host.contains(ScriptGroup.of($0)) }) {
            return []
        }
        var runs: [Run] = []
        var letters = 0
        var foreign = 0
        var own = 0
        for line in c.document.lines {
            var i = line.lowerBound
            while i < line.upperBound {
                let g = ScriptGroup.of(u[i])
                i += 1
                guard g != .none else { continue }
                letters += g.weight
                if host.contains(g) {
                    own += g.weight
                    continue
                }
                let start = i - 1
                var counts = SIMD8<Int32>(repeating: 0)
                counts[Int(g.rawValue)] = 1
                var last = start
                while i < line.upperBound {
                    let h = ScriptGroup.of(u[i])
                    if h != .none {
                        if host.contains(h) { break }
                        counts[Int(h.rawValue)] += 1
                        letters += h.weight
                        last = i
                    }
                    i += 1
                }
                var end = last + 1
                var terminated = false
                while end < line.upperBound && (NarrativeText.isTerminator(u[end]) || NarrativeText.isClosingQuote(u[end])) {
                    terminated = terminated || NarrativeText.isTerminator(u[end])
                    end += 1
                }
                if !terminated { end = last + 1 }
                if standsAlone(u, start..<end, terminated: terminated, line: line),
                    let run = scriptRun(u, start..<end, counts, terminated: terminated, line: line, c)
                {
                    runs.append(run)
                    foreign += run.weight
                }
            }
        }
        // Letters weighed as `ScriptGroup.weight` says, so that an English sentence in Japanese copy is
        // measured against the Japanese around it fairly. The document's scripts must hold most letters
        // (else its language tag is in doubt), the runs at most `maxShare`.
        guard own * 2 >= letters, Double(foreign) <= maxShare * Double(letters) else { return [] }
        return runs
    }

    /// Whether a run starts a sentence (at the line start, or after a sentence ending) and ends one (at
    /// the line end, or with its own ending not followed by a lowercase word). A run inside a sentence
    /// of the document's language is cited (`The banner read 团结就是力量。 in red`, `社長のKoji Sato氏`).
    func standsAlone(_ u: [UInt16], _ range: Range<Int>, terminated: Bool, line: Range<Int>) -> Bool {
        var p = range.lowerBound - 1
        while p >= line.lowerBound && (NarrativeText.isSpace(u[p]) || u[p] == 0x201E || u[p] == 0x300C || u[p] == 0x28) { p -= 1 }
        if p >= line.lowerBound {
            var q = p
            while q > line.lowerBound && NarrativeText.isClosingQuote(u[q]) { q -= 1 }
            guard NarrativeText.isTerminator(u[q]) else { return false }
        }
        var n = range.upperBound
        while n < line.upperBound && (NarrativeText.isSpace(u[n]) || NarrativeText.isClosingQuote(u[n]) || NarrativeText.isClosingBracket(u[n])) { n += 1 }
        if n == line.upperBound { return true }
        return terminated && !(u[n] < 0x2000 && NarrativeText.isLower(u[n]))
    }

    /// The run `range` (its letters counted by script group in `counts`) if it passes the thresholds of
    /// its dominant script.
    func scriptRun(_ u: [UInt16], _ range: Range<Int>, _ counts: SIMD8<Int32>, terminated: Bool, line: Range<Int>, _ c: Context) -> Run? {
        let total = Int(counts.wrappedSum())
        let weight = total + 2 * Int(counts[Int(ScriptGroup.han.rawValue)] + counts[Int(ScriptGroup.hiragana.rawValue)] + counts[Int(ScriptGroup.katakana.rawValue)])
        var dominant = ScriptGroup.none
        for g in [ScriptGroup.latin, .cyrillic, .hangul] where Int(counts[Int(g.rawValue)]) * 2 > total { dominant = g }
        let cjk = Int(counts[Int(ScriptGroup.han.rawValue)] + counts[Int(ScriptGroup.hiragana.rawValue)] + counts[Int(ScriptGroup.katakana.rawValue)])
        if cjk * 2 > total { dominant = .han }
        switch dominant {
        case .latin, .cyrillic:
            // A word takes at least a letter or two: most runs (acronyms, names) stop here.
            guard total >= 2 * minWords else { return nil }
            let t = WordTally(u, range, c.languages)
            guard let x = t.best(among: candidates(c, writing: dominant.code)), convincing(t, x, host: c.host, terminated: terminated)
            else { return nil }
            if t.words < quotationWords && framedQuotation(u, range, line: line, x, c) { return nil }
            return Run(range: range, language: c.languages.profiles[x].code, evidence: evidence(t, x, c, script: dominant.code), weight: weight)
        case .han:
            guard cjk >= (terminated ? minCJKLetters : 2 * minCJKLetters) else { return nil }
            // Hiragana writes Japanese grammar; katakana alone is a name or a loan word; Han alone is Chinese.
            let hiragana = Int(counts[Int(ScriptGroup.hiragana.rawValue)])
            let katakana = Int(counts[Int(ScriptGroup.katakana.rawValue)])
            let language: Int?
            if hiragana >= 2 {
                language = c.languages.profiles.firstIndex { $0.distinctive.contains("Hira") }
            } else if hiragana + katakana == 0 {
                language = c.languages.profiles.firstIndex { $0.scripts == ["Hani"] && $0.distinctive.isEmpty }
            } else {
                language = nil
            }
            guard let language, language != c.host else { return nil }
            if cjk < 2 * quotationWords && framedQuotation(u, range, line: line, nil, c) { return nil }
            return Run(
                range: range, language: c.languages.profiles[language].code,
                evidence: ["language": c.languages.profiles[language].code, "script": hiragana > 0 ? "Jpan" : "Hani", "letters": String(cjk)],
                weight: weight)
        case .hangul:
            let hangul = Int(counts[Int(ScriptGroup.hangul.rawValue)])
            guard hangul >= (terminated ? minHangulLetters : 2 * minHangulLetters) else { return nil }
            if hangul < 2 * quotationWords && framedQuotation(u, range, line: line, nil, c) { return nil }
            return Run(range: range, language: "ko", evidence: ["language": "ko", "script": "Hang", "letters": String(hangul)], weight: weight)
        default:
            return nil
        }
    }
}
