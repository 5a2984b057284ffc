import MTFixCore

/// The words of a document a cased name scan analyses, found once per document for both name rules.
///
/// `name-drift` and `title-conflict` both walk the document's words and analyse those that may be names.
/// Which words those are, with their lines and hashes, does not depend on a rule's options, so the walk
/// is made once (`Document.memoized`) and each rule analyses the short list with its own word lists.
struct NameWordList: Sendable {
    /// An ICU letter word that does not start with an ASCII lowercase letter.
    struct Word: Sendable {
        let range: Range<Int>
        let line: Int
        /// The units' hash (`NameWordCache.hash`).
        let hash: UInt64
        /// Starts with a non-ASCII lowercase letter: vocabulary, unless an elided article comes first.
        let lowercaseLead: Bool
        /// The spelling's number in `NameWordNumbers` (-1: none), by which each rule finds its analysis.
        var number: Int32 = -1
    }

    let words: [Word]

    /// The list of `doc` (made on first use; an engine pass's output takes the entries of its unchanged
    /// lines from the previous snapshot's list, when that was made).
    static func of(_ doc: Document) -> NameWordList {
        doc.memoized(memoKey) {
            if let inheritance = doc.lineInheritance, let old = inheritance.previous.memoizedValue(memoKey) {
                return NameWordList(doc, inheriting: old, inheritance)
            }
            return NameWordList(doc)
        }
    }

    private static let memoKey = MemoKey<NameWordList>()

    private init(_ doc: Document) {
        let u = doc.utf16
        let lines = doc.lines
        let all = doc.words
        // Written straight into room for every word (a quarter, about one word in six being capitalized in
        // English copy, was regrown in German and Cyrillic copy, where every word is listed; appending checked
        // the room for every entry).
        var out = [Word](unsafeUninitializedCapacity: all.count) { out, count in
            var n = 0
            // Words come in text order, so the line of each is found by moving forward, not by searching.
            var line = 0
            u.withUnsafeBufferPointer { u in
                lines.withUnsafeBufferPointer { lines in
                    all.withUnsafeBufferPointer { all in
                        for w in all where w.status >= 200 && w.status < 300 {
                            let lead = u[w.range.lowerBound]
                            // Most words start with a lowercase letter: nothing to analyse.
                            if lead >= 0x61 && lead <= 0x7A { continue }
                            while line + 1 < lines.count && lines[line + 1].lowerBound <= w.range.lowerBound { line += 1 }
                            (out.baseAddress! + n).initialize(
                                to: Word(
                                    range: w.range, line: line, hash: UnitTable.hash(u, w.range),
                                    lowercaseLead: lead >= 0x80 && UnitProperties.isLowercase(lead)))
                            n += 1
                        }
                    }
                }
            }
            count = n
        }
        NameWordNumbers.shared.number(&out, in: u)
        words = out
    }

    /// The entry of word `w` (an ICU word of `u`) in line `line`, if it is listed.
    @inline(__always)
    private static func entry(_ u: UnsafeBufferPointer<UInt16>, _ w: Document.Word, line: Int) -> Word? {
        guard w.status >= 200 && w.status < 300 else { return nil }
        let lead = u[w.range.lowerBound]
        if lead >= 0x61 && lead <= 0x7A { return nil }
        return Word(
            range: w.range, line: line, hash: UnitTable.hash(u, w.range),
            lowercaseLead: lead >= 0x80 && UnitProperties.isLowercase(lead))
    }

    /// The list of `doc`, an engine pass's output, from `old`, the list of the snapshot before it.
    ///
    /// An entry depends on its word's units and line alone (its number too: a spelling keeps its number,
    /// and one the full table left unnumbered stays so, since the table only grows). So the entries of an
    /// unchanged line are the old ones, moved and renumbered by line; only lines an edit reached are
    /// listed again, from their words alone (`Document.words(inLines:)`: the document's other words are
    /// not needed). A run of unchanged lines that moved alike is a stretch of the previous text whose
    /// lines all moved by the same count: its entries are copied at once.
    private init(_ doc: Document, inheriting old: NameWordList, _ inheritance: LineInheritance) {
        let lines = doc.lines
        let shifts = inheritance.shifts
        let oldLines = inheritance.previous
        let previous = old.words
        let touched = lines.indices.filter { shifts[$0] == nil }
        let words = touched.isEmpty ? [] : doc.words(inLines: touched)
        // Entries of the lines an edit reached, numbered together afterwards, and where each went in `out`.
        var fresh: [Word] = []
        var freshAt: [Int] = []
        // Growing them append by append cost as much as the inheritance saved.
        fresh.reserveCapacity(words.count)
        freshAt.reserveCapacity(words.count)
        var out = [Word](unsafeUninitializedCapacity: previous.count + words.count) { out, count in
            var n = 0
            var k = 0
            var nextWord = 0
            doc.utf16.withUnsafeBufferPointer { u in
                previous.withUnsafeBufferPointer { previous in
                    for run in inheritance.runs {
                        let i = run.first
                        let line = lines[i]
                        guard let shift = run.shift else {
                            while nextWord < words.count && words[nextWord].range.lowerBound < line.lowerBound { nextWord += 1 }
                            while nextWord < words.count && words[nextWord].range.lowerBound < line.upperBound {
                                if let e = NameWordList.entry(u, words[nextWord], line: i) {
                                    freshAt.append(n)
                                    fresh.append(e)
                                    (out.baseAddress! + n).initialize(to: e)
                                    n += 1
                                }
                                nextWord += 1
                            }
                            continue
                        }
                        let start = line.lowerBound - shift
                        let end = lines[run.last].upperBound - shift
                        // Old line `j` of the stretch is new line `j + lineShift`.
                        let lineShift = i - oldLines.lineIndex(at: start)
                        while k < previous.count && previous[k].range.lowerBound < start { k += 1 }
                        while k < previous.count && previous[k].range.lowerBound < end {
                            let w = previous[k]
                            (out.baseAddress! + n).initialize(
                                to: Word(
                                    range: (w.range.lowerBound + shift)..<(w.range.upperBound + shift), line: w.line + lineShift,
                                    hash: w.hash, lowercaseLead: w.lowercaseLead, number: w.number))
                            n += 1
                            k += 1
                        }
                    }
                }
            }
            count = n
        }
        NameWordNumbers.shared.number(&fresh, in: doc.utf16)
        for (j, at) in freshAt.enumerated() { out[at].number = fresh[j].number }
        self.words = out
    }
}
