/// The words of an engine pass's output, taken from the previous snapshot wherever its lines are unchanged.
///
/// Word breaks never cross a line (UAX #29 WB3a/b, which `WordBreaker` relies on too), so a line's words
/// depend on its own units alone. A pass's edits touch a few lines of a document; every other line of the
/// new snapshot is a line of the previous one, moved by the edits before it, and keeps its words. Only the
/// lines an edit reaches are segmented again. `InheritedWordsTests` compares the result with a fresh
/// segmentation on random edits.
struct InheritedWords {
    /// The previous snapshot (whose words are known) and the pass's edits, sorted and non-overlapping,
    /// in its offsets.
    let previous: Document
    let edits: [Edit]
    /// Where each edit lands in the new snapshot (`Engine.landing(of: edits)`, which the engine has made).
    let landing: [Range<Int>]

    /// The words of `document`, the text `edits` made from `previous`.
    func words(of document: Document, old: [Document.Word]) -> [Document.Word] {
        let lines = document.lines
        // Lines an edit lands in or next to (an edit at a line's end may have joined it to the next one).
        var touched = [Bool](repeating: false, count: lines.count)
        var k = 0
        for (i, line) in lines.enumerated() {
            while k < landing.count && landing[k].upperBound < line.lowerBound { k += 1 }
            touched[i] = k < landing.count && landing[k].lowerBound <= line.upperBound
        }
        let fresh = WordBreaker.words(
            document.utf16, lines: lines.indices.filter { touched[$0] }.map { lines[$0] }, locale: document.language)
        var out: [Document.Word] = []
        out.reserveCapacity(old.count + fresh.count)
        var nextFresh = 0
        var nextOld = 0
        // The length change of the edits that land before the current line, and how many of them there are.
        var delta = 0
        var before = 0
        for (i, line) in lines.enumerated() {
            // `WordBreaker` may hand a run of lines to ICU together: words of lines between two touched
            // ones (unchanged lines) are skipped here and taken from the previous snapshot instead.
            while nextFresh < fresh.count && fresh[nextFresh].range.lowerBound < line.lowerBound { nextFresh += 1 }
            if touched[i] {
                while nextFresh < fresh.count && fresh[nextFresh].range.lowerBound < line.upperBound {
                    out.append(fresh[nextFresh])
                    nextFresh += 1
                }
                continue
            }
            while before < landing.count && landing[before].upperBound < line.lowerBound {
                delta += landing[before].count - edits[before].range.count
                before += 1
            }
            let start = line.lowerBound - delta
            let end = line.upperBound - delta
            while nextOld < old.count && old[nextOld].range.lowerBound < start { nextOld += 1 }
            while nextOld < old.count && old[nextOld].range.lowerBound < end {
                let w = old[nextOld]
                out.append(Document.Word(range: (w.range.lowerBound + delta)..<(w.range.upperBound + delta), status: w.status))
                nextOld += 1
            }
        }
        return out
    }
}
