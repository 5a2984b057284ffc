import MTFixCore
import MTFixRules

/// Lint: a speech verb left as a sentence of its own after a quotation (`…,” he said. Added.`).
/// Format: merge it into the attribution where the language allows (`he added.`), else drop it.
struct BrokenAttributionDetector: Rule {
    let descriptor: RuleDescriptor
    /// Reads one line at a time (sentences never cross a line).
    var scope: RuleScope { .line }
    /// Bare verbs that are damage when they stand alone after a quote (`Added`, `Hinzugefügt`, `付け加えた`).
    let detached: Set<String>
    /// UTF-16 lengths of the detached verbs, a cheap gate before building strings.
    let detachedLengths: Set<Int>
    /// Detached verb → the form that replaces `said` in `<subject> said.` (en: `Added` → `added`).
    let merge: [String: String]
    /// The plain speech verb that a merge replaces (`said`).
    let said: Set<String>
    /// Words (or, for CJK, substrings) that mark the text after a quote as an attribution.
    let speechVerbs: [String]
    let maxTailWords: Int
    let maxSubjectWords: Int
    /// Lowercased abbreviations whose full stop ends no sentence (`gen` in `said Gen. Park`).
    let abbreviations: Set<String>
    /// Signs that the verb is a word being talked about (`Added. That one word was stamped …`).
    let mention: VerbMention

    init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        detached = options.stringSet("detached")
        detachedLengths = Set(detached.map { $0.utf16.count })
        guard !detached.isEmpty else { throw ConfigError("'detached' must list at least one verb") }
        var m: [String: String] = [:]
        for (k, v) in options["merge"]?.pairs ?? [] { m[k] = v.string }
        merge = m
        said = options.stringSet("said")
        speechVerbs = options["speech_verbs"]?.strings ?? []
        maxTailWords = options.int("max_tail_words", default: 8)
        maxSubjectWords = options.int("max_subject_words", default: 3)
        mention = VerbMention(options: options)
        abbreviations = Set(options.stringSet("abbreviations").map { $0.lowercased() })
    }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        let terminators = TerminatorIndex.of(document)
        var out: [Finding] = []
        for line in document.lines {
            var i = line.lowerBound
            // A candidate is a terminator-ended run that equals a detached verb and follows a sentence end.
            while i < line.upperBound {
                i = terminators.next(from: i, to: line.upperBound)
                guard i < line.upperBound else { break }
                let end = i + 1
                var start = i
                // Back over the letters and single spaces of a short verb phrase (`Fügte hinzu`).
                while start > line.lowerBound && i - start < 24 {
                    let c = u[start - 1]
                    if NarrativeText.isLetter(c) {
                        start -= 1
                    } else if c == 0x20 && start - 1 > line.lowerBound && NarrativeText.isLetter(u[start - 2]) {
                        start -= 1
                    } else {
                        break
                    }
                }
                i += 1
                // Cheap checks first: most full stops end an ordinary sentence.
                guard detachedLengths.contains(end - 1 - start) else { continue }
                // What precedes: spaces, then a sentence end (terminator, maybe after/before a closing quote).
                var gapStart = start
                while gapStart > line.lowerBound && NarrativeText.isSpace(u[gapStart - 1]) { gapStart -= 1 }
                guard gapStart > line.lowerBound else { continue }
                // A sentence of its own: a terminator before it, possibly followed by a closing quote (not
                // an opening one: `said. "Noted. …"` starts a quotation).
                let prev = u[gapStart - 1]
                let sentenceEnd =
                    NarrativeText.isTerminator(prev)
                    || (NarrativeText.closesQuote(u, at: gapStart - 1, lineStart: line.lowerBound)
                        && endsSentence(u, before: gapStart - 1, lineStart: line.lowerBound))
                guard sentenceEnd else { continue }
                // A speech verb inside a quotation is the speaker's own word (`"Noted. Overruled," the
                // judge replied`), not a detached attribution.
                if BrokenAttributionDetector.insideQuotation(u, at: start, lineStart: line.lowerBound) { continue }
                let verb = NarrativeText.string(u, start..<(end - 1))
                guard detached.contains(verb) else { continue }
                // After the detached verb: end of line or another sentence.
                // (CJK text needs no space: `补充说。他表示`.)
                if end < line.upperBound && !NarrativeText.isSpace(u[end]) && !NarrativeText.isCJK(u[end]) { continue }
                guard let quote = lastClosingQuote(u, before: gapStart, lineStart: line.lowerBound) else { continue }
                if mention.isMention(u, verb: start..<(end - 1), gapStart: gapStart, line: line) { continue }
                let tail = NarrativeText.trimmed(u, (quote + 1)..<gapStart)
                if let f = finding(u, verb: verb, tail: tail, gapStart: gapStart, start: start, end: end) {
                    out.append(f)
                }
            }
        }
        return out
    }

    /// The finding for a detached verb whose preceding attribution is `tail` (text after the closing quote).
    func finding(_ u: [UInt16], verb: String, tail: Range<Int>, gapStart: Int, start: Int, end: Int) -> Finding? {
        let drop = Finding(descriptor: descriptor, range: gapStart..<end, replacement: "", evidence: ["verb": verb])
        // The quote itself ended the sentence: `talk.” Added.`
        if tail.allSatisfy({ NarrativeText.isTerminator(u[$0]) || u[$0] == 0x2C }) { return drop }
        let cjk = NarrativeText.isMostlyCJK(u, tail)
        let tailText = NarrativeText.string(u, tail)
        if cjk {
            guard tail.count <= 16, speechVerbs.contains(where: { tailText.contains($0) }) else { return nil }
            return drop
        }
        if holdsSentenceEnd(u, tail) { return nil }
        let words = NarrativeText.words(u, tail)
        guard !words.isEmpty, words.count <= maxTailWords else { return nil }
        let lower = words.map { NarrativeText.string(u, $0).lowercased() }
        guard lower.contains(where: { w in speechVerbs.contains { $0.lowercased() == w } }) else { return nil }
        // `, he said.` → `, he added.`: subject words then `said`, nothing after it but the full stop.
        if let merged = merge[verb], let last = words.last, said.contains(NarrativeText.string(u, last)),
            words.count - 1 >= 1, words.count - 1 <= maxSubjectWords, last.upperBound == gapStart - 1
        {
            let subjectOK = words.dropLast().allSatisfy { w in
                let s = NarrativeText.string(u, w)
                return NarrativeText.isUpper(u[w.lowerBound]) || ["he", "she", "they", "we", "it"].contains(s)
            }
            if subjectOK {
                let terminator = NarrativeText.string(u, (gapStart - 1)..<gapStart)
                let saidWord = NarrativeText.string(u, last)
                // Reported from the subject (the whole broken attribution); the edit touches only the verbs.
                return Finding(
                    rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                    safety: descriptor.safety,
                    message: "\(descriptor.message): '\(saidWord). \(verb).' → '\(merged)\(terminator)'",
                    range: words[0].lowerBound..<end,
                    edits: [Edit(range: last.lowerBound..<end, replacement: merged + terminator)],
                    evidence: ["verb": verb])
            }
        }
        return drop
    }

    /// Whether `offset` lies inside a quotation opened earlier on the line: after an opening curly,
    /// angle or corner mark, or after an odd number of straight double quotes.
    static func insideQuotation(_ u: [UInt16], at offset: Int, lineStart: Int) -> Bool {
        if NarrativeText.insideQuotation(u, at: offset, lineStart: lineStart) { return true }
        var straight = 0
        for k in lineStart..<offset where u[k] == 0x22 { straight += 1 }
        return straight % 2 == 1
    }

    /// Whether a terminator (French style: maybe a space) comes right before offset `quote`.
    func endsSentence(_ u: [UInt16], before quote: Int, lineStart: Int) -> Bool {
        var k = quote - 1
        if k >= lineStart && NarrativeText.isSpace(u[k]) { k -= 1 }
        return k >= lineStart && NarrativeText.isTerminator(u[k])
    }

    /// The last closing quote on the line before `pos`, within a short attribution's reach.
    func lastClosingQuote(_ u: [UInt16], before pos: Int, lineStart: Int) -> Int? {
        var i = pos - 1
        let limit = max(lineStart, pos - 120)
        while i >= limit {
            // A closing quote follows a non-space character (an opening one precedes its text).
            // An apostrophe between letters (`the firm's chief`) is no quote.
            let apostrophe = (u[i] == 0x27 || u[i] == 0x2019) && i > lineStart && i + 1 < pos
                && NarrativeText.isLetter(u[i - 1]) && NarrativeText.isLetter(u[i + 1])
            if !apostrophe && NarrativeText.closesQuote(u, at: i, lineStart: lineStart) { return i }
            i -= 1
        }
        return nil
    }
}

/// A detector option that is missing or malformed (reported with the rule file's location).
struct ConfigError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
