import MTFixCore

/// Where a document's sentence terminators (`NarrativeText.isTerminator`) are, found in one scan and
/// shared: broken attribution, echo fragments and duplicate sentences each walked the whole text for
/// them, and those walks were a thirtieth of `check`.
struct TerminatorIndex {
    /// UTF-16 offsets of every terminator, ascending.
    let offsets: [Int]

    private static let memoKey = MemoKey<TerminatorIndex>()

    /// The document's index, scanned on first use.
    static func of(_ document: Document) -> TerminatorIndex {
        document.memoized(memoKey) { TerminatorIndex(document.utf16) }
    }

    init(_ u: [UInt16]) {
        var offsets: [Int] = []
        var i = 0
        let n = u.count
        while i < n {
            i = NarrativeText.nextTerminator(u, from: i, to: n)
            if i < n { offsets.append(i) }
            i += 1
        }
        self.offsets = offsets
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
