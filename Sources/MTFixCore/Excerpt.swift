/// The lines (or blank-line separated paragraphs) of a document that a pass of edits touched, as a
/// document of their own, with the way back to the source's offsets. Later engine passes run line- and
/// paragraph-scope rules on an excerpt instead of the whole text: on a long document with a few edits
/// that is a few lines instead of megabytes.
struct Excerpt {
    let document: Document
    /// Contiguous runs of source lines copied into the excerpt, in order.
    private let pieces: [Piece]

    private struct Piece {
        /// Where the run starts in the excerpt and in the source, and its length (UTF-16 units).
        let excerpt: Int
        let source: Int
        let length: Int
    }

    /// An excerpt of `source` holding every line `touched` reaches (plus the line before it when it starts
    /// at a line boundary, since an edit there may have joined two lines), widened to whole paragraphs
    /// for `.paragraph` scope. Runs of lines are separated by a blank line so no paragraph spans two runs.
    init(of source: Document, touched: [Range<Int>], scope: RuleScope) {
        let lines = source.lines
        let units = source.utf16
        var selected = [Bool](repeating: false, count: lines.count)
        for r in touched {
            var first = source.lineIndex(at: r.lowerBound)
            var last = source.lineIndex(at: max(r.lowerBound, r.upperBound))
            if first > 0 && r.lowerBound <= lines[first].lowerBound { first -= 1 }
            if last + 1 < lines.count && r.upperBound >= lines[last].upperBound { last += 1 }
            for i in first...last { selected[i] = true }
        }
        if scope == .paragraph {
            func blank(_ i: Int) -> Bool { lines[i].allSatisfy { Document.isSpace(units[$0]) } }
            for run in Excerpt.runs(selected) {
                var lo = run.lowerBound
                while lo > 0 && !blank(lo - 1) { lo -= 1 }
                var hi = run.upperBound
                while hi + 1 < lines.count && !blank(hi + 1) { hi += 1 }
                for k in lo...hi { selected[k] = true }
            }
        }
        let runs = Excerpt.runs(selected)
        var out: [UInt16] = []
        var pieces: [Piece] = []
        // The excerpt's lines: a run's lines are the source's, moved; a separator is an empty line. (Made
        // here rather than found again in the excerpt's text.)
        var excerptLines: [Range<Int>] = []
        // Reserved at their final sizes (a separator is at most two units and a line): growing them
        // append by append showed in profiles of the second pass.
        var unitCount = 0
        var lineCount = 0
        for run in runs {
            unitCount += source.lineRangeWithTerminator(run.upperBound).upperBound - lines[run.lowerBound].lowerBound
            lineCount += run.count
        }
        out.reserveCapacity(unitCount + 2 * (runs.count + 1))
        excerptLines.reserveCapacity(lineCount + runs.count + 1)
        pieces.reserveCapacity(runs.count)
        // A blank line, in the line-end style of the run before it (or of the first line).
        func separate(after end: Int) {
            let crlf = end >= 2 && units[end - 2] == 0x0D && units[end - 1] == 0x0A
            excerptLines.append(out.count..<out.count)
            if crlf { out.append(0x0D) }
            out.append(0x0A)
        }
        for run in runs {
            let (i, j) = (run.lowerBound, run.upperBound)
            let range = lines[i].lowerBound..<source.lineRangeWithTerminator(j).upperBound
            if let previous = pieces.last {
                separate(after: previous.source + previous.length)
            } else if range.lowerBound > 0 {
                // The excerpt starts where the text starts only if the run does (a BOM is kept at the
                // text's start alone), so a run from further down begins after a blank line.
                separate(after: source.lineRangeWithTerminator(0).upperBound)
            }
            let shift = out.count - range.lowerBound
            for k in i...j { excerptLines.append((lines[k].lowerBound + shift)..<(lines[k].upperBound + shift)) }
            pieces.append(Piece(excerpt: out.count, source: range.lowerBound, length: range.count))
            out.append(contentsOf: units[range])
        }
        // Likewise the excerpt ends where the text ends only if its last run does.
        if let last = pieces.last, last.source + last.length < units.count { separate(after: last.source + last.length) }
        self.pieces = pieces
        document =
            pieces.isEmpty
            ? Document(utf16: out, language: source.language)
            : Document(utf16: out, knownLines: excerptLines, language: source.language)
    }

    /// Maximal runs of selected lines.
    static func runs(_ selected: [Bool]) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        var i = 0
        while i < selected.count {
            guard selected[i] else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < selected.count && selected[j + 1] { j += 1 }
            out.append(i...j)
            i = j + 1
        }
        return out
    }

    /// The source range of an excerpt range, or nil when it is not inside one run of lines.
    func toSource(_ r: Range<Int>) -> Range<Int>? {
        var lo = 0
        var hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pieces[mid].excerpt <= r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let p = pieces[lo - 1]
        guard r.upperBound <= p.excerpt + p.length else { return nil }
        let delta = p.source - p.excerpt
        return (r.lowerBound + delta)..<(r.upperBound + delta)
    }

    /// A finding on the excerpt in source coordinates, or nil when any of its ranges leaves its run.
    func toSource(_ f: Finding) -> Finding? {
        guard let range = toSource(f.range) else { return nil }
        var g = f
        g.range = range
        g.edits = []
        for e in f.edits {
            guard let r = toSource(e.range) else { return nil }
            g.edits.append(Edit(range: r, replacement: e.replacement))
        }
        return g
    }
}
