import MTFixCore

/// A candidate detached verb: its letters, and the end of what dropping it removes.
struct VerbSite {
    /// The verb's first unit.
    let start: Int
    /// Just past its letters.
    let verbEnd: Int
    /// Just past its terminator, or `verbEnd` when the line ends without one (`he said. Added`).
    let end: Int
    /// The line it stands on.
    let line: Range<Int>
}

extension BrokenAttributionDetector {
    /// How many blank lines may separate a verb standing alone from the attribution before it.
    static let paragraphReach = 2

    /// The nearest line before line `index` with text, across at most `paragraphReach` blank lines.
    func previousText(_ document: Document, before index: Int) -> Range<Int>? {
        let u = document.utf16
        var k = index - 1
        while k >= 0 && index - k <= BrokenAttributionDetector.paragraphReach + 1 {
            if !NarrativeText.isBlank(u, document.lines[k]) { return document.lines[k] }
            k -= 1
        }
        return nil
    }

    /// Whether the text after a verb standing alone on line `index` shows it is a word being talked
    /// about: the next paragraph is a bare word too (`Added.` ⏎⏎ `Removed.`), or refers back to a word
    /// (`That label was …`).
    func isMentionAfter(_ document: Document, _ u: [UInt16], lineIndex index: Int) -> Bool {
        var k = index + 1
        while k < document.lines.count && k - index <= BrokenAttributionDetector.paragraphReach + 1 {
            let line = document.lines[k]
            let text = NarrativeText.trimmed(u, line)
            if !text.isEmpty {
                return mention.isBareWordSentence(u, at: text.lowerBound, line: line)
                    || mention.refersBack(u, from: text.lowerBound, line: line)
            }
            k += 1
        }
        return false
    }

    /// Whether the quotation closed at `quote` was attributed before it opened: right before its opening
    /// mark, a short clause with a speech verb ends in a colon (`他说："…"`, `He said: "…"`).
    func hasLeadAttribution(_ u: [UInt16], quote: Int, lineStart: Int) -> Bool {
        var open = quote - 1
        while open >= lineStart && !QuotationState.isMark(u[open]) { open -= 1 }
        guard open > lineStart else { return false }
        var colon = open - 1
        while colon > lineStart && NarrativeText.isSpace(u[colon]) { colon -= 1 }
        guard u[colon] == 0x3A || u[colon] == 0xFF1A else { return false }
        // The clause: back to the sentence end or line start before the colon, within a short reach.
        var from = colon
        while from > lineStart && colon - from < 16 && !NarrativeText.isTerminator(u[from - 1]) {
            from -= 1
        }
        let clause = NarrativeText.string(u, from..<colon)
        return speechVerbs.contains { clause.contains($0) }
    }
}
