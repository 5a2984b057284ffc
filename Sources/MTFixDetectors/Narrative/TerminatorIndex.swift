import MTFixCore

/// Where a document's sentence terminators (`NarrativeText.isTerminator`) are, found in one scan and
/// shared: broken attribution, echo fragments and duplicate sentences each walked the whole text for
/// them, and those walks were a thirtieth of `check`.
struct TerminatorIndex {
    /// UTF-16 offsets of every terminator, ascending.
    let offsets: [Int]

    private static let memoKey = MemoKey<TerminatorIndex>()

    /// The document's index, scanned on first use (an engine pass's output takes the terminators of
    /// its unchanged lines from the previous snapshot's index, when that was made).
    static func of(_ document: Document) -> TerminatorIndex {
        document.memoized(memoKey) {
            if let inheritance = document.lineInheritance, let old = inheritance.previous.memoizedValue(memoKey) {
                return TerminatorIndex(document, inheriting: old, inheritance)
            }
            return TerminatorIndex(document.utf16)
        }
    }

    init(_ u: [UInt16]) {
        var offsets: [Int] = []
        // News copy has about one terminator in 100 units (sentence ends, abbreviations, decimals); room
        // for twice that: grown from empty, the list was copied several times per document.
        offsets.reserveCapacity(u.count / 48 + 8)
        TerminatorIndex.scan(u, 0..<u.count, into: &offsets)
        self.offsets = offsets
    }

    /// The index of `document`, an engine pass's output, from `old`, the index of the snapshot before it.
    ///
    /// Whether a unit is a terminator depends on the unit alone, so an unchanged line's terminators are
    /// the old ones, moved; only the lines an edit reached (and the line ends between lines, a unit or
    /// two) are scanned again, not the whole text.
    private init(_ document: Document, inheriting old: TerminatorIndex, _ inheritance: LineInheritance) {
        let u = document.utf16
        let lines = document.lines
        let shifts = inheritance.shifts
        let previous = old.offsets
        var out: [Int] = []
        out.reserveCapacity(previous.count + 16)
        var k = 0
        var gapStart = 0
        for (i, line) in lines.enumerated() {
            TerminatorIndex.scan(u, gapStart..<line.lowerBound, into: &out)
            gapStart = line.upperBound
            guard let shift = shifts[i] else {
                TerminatorIndex.scan(u, line, into: &out)
                continue
            }
            let start = line.lowerBound - shift
            let end = line.upperBound - shift
            while k < previous.count && previous[k] < start { k += 1 }
            while k < previous.count && previous[k] < end {
                out.append(previous[k] + shift)
                k += 1
            }
        }
        TerminatorIndex.scan(u, gapStart..<u.count, into: &out)
        offsets = out
    }

    /// Appends the terminators in `range` of `u`.
    private static func scan(_ u: [UInt16], _ range: Range<Int>, into offsets: inout [Int]) {
        var i = range.lowerBound
        let n = range.upperBound
        while i < n {
            i = NarrativeText.nextTerminator(u, from: i, to: n)
            if i < n { offsets.append(i) }
            i += 1
        }
    }

    /// The first terminator in `from..<end`, or `end`: what `NarrativeText.nextTerminator` returns,
    /// by binary search instead of a scan.
    func next(from: Int, to end: Int) -> Int {
        var lo = 0
        var hi = offsets.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if offsets[mid] < from { lo = mid + 1 } else { hi = mid }
        }
        return lo < offsets.count && offsets[lo] < end ? offsets[lo] : end
    }
}
