import MTFixCore
import MTFixRules

/// Lint: a speech verb left as a sentence of its own after a quotation (`…,” he said. Added.`).
/// Format: merge it into the attribution where the language allows (`he added.`), else drop it.
struct BrokenAttributionDetector: Rule {
    let descriptor: RuleDescriptor
    /// Reads one line at a time (sentences never cross a line), unless a verb standing as a paragraph of
    /// its own is looked for: that reads the lines around it.
    var scope: RuleScope { ownParagraph ? .document : .line }
    /// Bare verbs that are damage when they stand alone after a quote (`Added`, `Hinzugefügt`, `付け加えた`).
    let detached: Set<String>
    /// UTF-16 lengths of the detached verbs, a cheap gate before building strings: bit n set when a
    /// detached verb phrase is n units long. Phrases are found by walking back at most `longestDetached`
    /// units from each full stop of the document.
    let detachedLengths: UInt64
    let longestDetached: Int
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
    /// Whether a verb alone on its line after a quotation's attribution (`he said.` ⏎⏎ `Added.`) is damage.
    let ownParagraph: Bool
    /// Verbs with their subject (`他补充说`) that are an attribution after a bare quotation and damage only
    /// after one already attributed before it opened (`他说："…"他补充说。`).
    let leadOnly: Set<String>

    init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        detached = options.stringSet("detached")
        // A verb phrase is found by walking back at most 24 units.
        let lengths = detached.map { $0.utf16.count }.filter { $0 <= 24 }
        detachedLengths = lengths.reduce(0) { $0 | 1 << UInt64($1) }
        longestDetached = lengths.max() ?? 0
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
        ownParagraph = options["own_paragraph"]?.bool ?? false
        leadOnly = options.stringSet("lead_only")
        guard leadOnly.isSubset(of: detached) else {
            throw ConfigError("'lead_only' verbs must be listed in 'detached' too")
        }
    }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        let terminators = TerminatorIndex.of(document)
        var out: [Finding] = []
        for (n, line) in document.lines.enumerated() {
            var i = line.lowerBound
            var quotes = QuotationState(lineStart: line.lowerBound)
            // A candidate is a terminator-ended run that equals a detached verb and follows a sentence end.
            while i < line.upperBound {
                i = terminators.next(from: i, to: line.upperBound)
                guard i < line.upperBound else { break }
                let start = verbStart(u, before: i, line: line)
                i += 1
                // Cheap checks first: most full stops end an ordinary sentence.
                guard isDetachedLength(i - 1 - start) else { continue }
                let site = VerbSite(start: start, verbEnd: i - 1, end: i, line: line)
                if let f = evaluate(u, site, document: document, lineIndex: n, quotes: &quotes) { out.append(f) }
            }
            // A verb that ends the line without its full stop (`he said. Added`).
            let trimmed = NarrativeText.trimmed(u, line)
            if !trimmed.isEmpty && NarrativeText.isLetter(u[trimmed.upperBound - 1]) {
                let start = verbStart(u, before: trimmed.upperBound, line: line)
                if isDetachedLength(trimmed.upperBound - start) {
                    let site = VerbSite(
                        start: start, verbEnd: trimmed.upperBound, end: trimmed.upperBound, line: line)
                    if let f = evaluate(u, site, document: document, lineIndex: n, quotes: &quotes) { out.append(f) }
                }
            }
        }
        return out
    }

    /// Where the short verb phrase ending at `end` starts: back over letters and single spaces or hyphens
    /// (`Fügte hinzu`, `A-t-il ajouté`).
    func verbStart(_ u: [UInt16], before end: Int, line: Range<Int>) -> Int {
        var start = end
        // One unit past the longest phrase is enough to tell that no phrase ends here.
        while start > line.lowerBound && end - start < 24 && end - start <= longestDetached {
            let c = u[start - 1]
            if NarrativeText.isLetter(c) {
                start -= 1
            } else if (c == 0x20 || c == 0x2D) && start - 1 > line.lowerBound && NarrativeText.isLetter(u[start - 2]) {
                start -= 1
            } else {
                break
            }
        }
        return start
    }

    /// Whether a verb phrase of `n` units could be a detached verb.
    func isDetachedLength(_ n: Int) -> Bool { n >= 0 && n < 64 && detachedLengths & 1 << UInt64(n) != 0 }

    /// The finding for the candidate verb at `site`, when it is detached from an attribution.
    func evaluate(
        _ u: [UInt16], _ site: VerbSite, document: Document, lineIndex: Int, quotes: inout QuotationState
    ) -> Finding? {
        let line = site.line
        let start = site.start
        // What precedes: spaces, then a sentence end (terminator, maybe after/before a closing quote).
        var gapStart = start
        while gapStart > line.lowerBound && NarrativeText.isSpace(u[gapStart - 1]) { gapStart -= 1 }
        // A line of its own: the sentence before it ends the previous paragraph (`he said.` ⏎⏎ `Added.`).
        var context = line
        if gapStart == line.lowerBound {
            guard ownParagraph, let previous = previousText(document, before: lineIndex) else {
                return nil
            }
            gapStart = NarrativeText.trimmed(u, previous).upperBound
            context = previous
        }
        guard gapStart > context.lowerBound else { return nil }
        let verbText = NarrativeText.string(u, start..<site.verbEnd)
        var verb = verbText
        // A lowercase verb after a sentence end (`he said. added.`) is the same damage, MT's lowercase.
        let lowered = NarrativeText.isLower(u[start])
        if lowered {
            verb = verbText.prefix(1).uppercased() + verbText.dropFirst()
        }
        guard detached.contains(verb) else { return nil }
        // A sentence of its own: a terminator before it, possibly followed by a closing quote (not
        // an opening one: `said. "Noted. …"` starts a quotation); or, lowercase, a comma right after the
        // attribution's speech verb (`he said, added.`).
        let prev = u[gapStart - 1]
        let comma = prev == 0x2C && lowered && site.end > site.verbEnd
        let sentenceEnd =
            comma || NarrativeText.isTerminator(prev)
            || (NarrativeText.closesQuote(u, at: gapStart - 1, lineStart: context.lowerBound)
                && endsSentence(u, before: gapStart - 1, lineStart: context.lowerBound))
        guard sentenceEnd else { return nil }
        // An abbreviation's full stop (`e.g. added`) ends no sentence that a lowercase word could follow.
        if lowered && !comma
            && NarrativeText.isAbbreviation(
                dot: gapStart - 1, in: u, lineStart: context.lowerBound, known: abbreviations)
        {
            return nil
        }
        // A speech verb inside a quotation is the speaker's own word (`"Noted. Overruled," the
        // judge replied`), not a detached attribution.
        if context == line && quotes.isOpen(u, at: start) {
            return nil
        }
        // After the detached verb: end of line or another sentence.
        // (CJK text needs no space: `补充说。他表示`.)
        let end = site.end
        if end < line.upperBound && !NarrativeText.isSpace(u[end]) && !NarrativeText.isCJK(u[end]) {
            return nil
        }
        guard let quote = lastClosingQuote(u, before: gapStart, lineStart: context.lowerBound) else {
            return nil
        }
        // A verb that only repeats an attribution is damage only after a quotation attributed before it
        // opened (`他说："…"他补充说。`); after a bare quotation it is the attribution (`"…"他补充说。`).
        if leadOnly.contains(verb)
            && !hasLeadAttribution(u, quote: quote, lineStart: context.lowerBound)
        {
            return nil
        }
        if context == line {
            if mention.isMention(u, verb: start..<site.verbEnd, gapStart: gapStart, line: line) {
                return nil
            }
        } else if isMentionAfter(document, u, lineIndex: lineIndex) {
            return nil
        }
        let tailEnd = comma ? gapStart - 1 : gapStart
        let tail = NarrativeText.trimmed(u, (quote + 1)..<tailEnd)
        return finding(u, verb: verb, tail: tail, gapStart: gapStart, site: site, comma: comma)
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
            let apostrophe =
                (u[i] == 0x27 || u[i] == 0x2019) && i > lineStart && i + 1 < pos
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
