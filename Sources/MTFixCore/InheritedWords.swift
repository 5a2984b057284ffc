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
        // Per line, how far it moved, or nil when an edit lands in or next to it (see `LineInheritance`).
        let inheritance = LineInheritance(previous: previous, lines: lines, edits: edits, landing: landing)
        let shifts = inheritance.shifts
        let fresh = WordBreaker.words(
            document.utf16, lines: lines.indices.filter { shifts[$0] == nil }.map { lines[$0] }, locale: document.language)
        return [Document.Word](unsafeUninitializedCapacity: old.count + fresh.count) { out, count in
            var n = 0
            var nextFresh = 0
            var nextOld = 0
            for run in inheritance.runs {
                let line = lines[run.first]
                // `WordBreaker` may hand a run of lines to ICU together: words of lines between two touched
                // ones (unchanged lines) are skipped here and taken from the previous snapshot instead.
                while nextFresh < fresh.count && fresh[nextFresh].range.lowerBound < line.lowerBound { nextFresh += 1 }
                guard let shift = run.shift else {
                    while nextFresh < fresh.count && fresh[nextFresh].range.lowerBound < line.upperBound {
                        (out.baseAddress! + n).initialize(to: fresh[nextFresh])
                        n += 1
                        nextFresh += 1
                    }
                    continue
                }
                // A run of unchanged lines that moved alike is a stretch of the previous text (words never
                // hold a line end, so its words are the previous words that start inside it): copied at once.
                let start = line.lowerBound - shift
                let end = lines[run.last].upperBound - shift
                while nextOld < old.count && old[nextOld].range.lowerBound < start { nextOld += 1 }
                var stop = nextOld
                while stop < old.count && old[stop].range.lowerBound < end { stop += 1 }
                old.withUnsafeBufferPointer { o in
                    for k in nextOld..<stop {
                        let w = o[k]
                        (out.baseAddress! + n).initialize(
                            to: Document.Word(range: (w.range.lowerBound + shift)..<(w.range.upperBound + shift), status: w.status))
                        n += 1
                    }
                }
                nextOld = stop
            }
            count = n
        }
    }
}
