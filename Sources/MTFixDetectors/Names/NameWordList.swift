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

    /// The list of `doc` (made on first use).
    static func of(_ doc: Document) -> NameWordList { doc.memoized(memoKey) { NameWordList(doc) } }

    private static let memoKey = MemoKey<NameWordList>()

    private init(_ doc: Document) {
        let u = doc.utf16
        let lines = doc.lines
        let all = doc.words
        var out: [Word] = []
        // About one word in six is capitalized in news copy (more in German): reserving saves most regrowth.
        out.reserveCapacity(all.count / 4)
        // Words come in text order, so the line of each is found by moving forward, not by searching.
        var line = 0
        u.withUnsafeBufferPointer { u in
            lines.withUnsafeBufferPointer { lines in
                for w in all where w.status >= 200 && w.status < 300 {
                    let lead = u[w.range.lowerBound]
                    // Most words start with a lowercase letter: nothing to analyse.
                    if lead >= 0x61 && lead <= 0x7A { continue }
                    while line + 1 < lines.count && lines[line + 1].lowerBound <= w.range.lowerBound { line += 1 }
                    out.append(
                        Word(
                            range: w.range, line: line, hash: UnitTable.hash(u, w.range),
                            lowercaseLead: lead >= 0x80 && UnitProperties.isLowercase(lead)))
                }
            }
        }
        NameWordNumbers.shared.number(&out, in: u)
        words = out
    }
}
