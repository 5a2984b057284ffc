/// The lines of an engine pass's output that no edit reached, each with how far it moved since the
/// snapshot the edits were applied to: what a line-local analysis found there still holds, shifted.
///
/// The same test as `InheritedWords`: a line is unchanged when no edit lands in it or at either of its
/// ends (an edit at a line's end may have joined it to the next one). Such a line's units, and the
/// terminators around it, are the previous snapshot's, moved by the length changes of the edits before it.
public struct LineInheritance: Sendable {
    /// The snapshot the pass's edits were applied to.
    public let previous: Document
    /// Per line of the new snapshot: how far its offsets moved (new minus old), or nil when an edit reached it.
    public let shifts: [Int?]

    /// The unchanged lines of `lines` (a pass's output), given the pass's edits (sorted, non-overlapping,
    /// in `previous`'s offsets) and where they land (`Engine.landing(of:)`).
    init(previous: Document, lines: [Range<Int>], edits: [Edit], landing: [Range<Int>]) {
        self.previous = previous
        var out = [Int?](repeating: nil, count: lines.count)
        var k = 0
        var delta = 0
        for (i, line) in lines.enumerated() {
            // The edits landing before the line: their length changes add up to its shift.
            while k < landing.count && landing[k].upperBound < line.lowerBound {
                delta += landing[k].count - edits[k].range.count
                k += 1
            }
            if k < landing.count && landing[k].lowerBound <= line.upperBound { continue }
            out[i] = delta
        }
        shifts = out
    }

    /// The lines in runs: each line an edit reached on its own (`shift` nil), and each run of unchanged
    /// lines that moved alike together, a stretch of the previous text copied at once by the analyses
    /// that inherit from it.
    public var runs: Runs { Runs(shifts: shifts) }

    /// Iterates `shifts` in runs (see `runs`).
    public struct Runs: Sequence, IteratorProtocol {
        let shifts: [Int?]
        var position = 0

        /// The lines `first...last` of the new snapshot, all moved by `shift` (nil: a line an edit reached,
        /// `first == last`).
        public struct Run {
            public let first: Int
            public let last: Int
            public let shift: Int?
        }

        public mutating func next() -> Run? {
            guard position < shifts.count else { return nil }
            let first = position
            let shift = shifts[first]
            var last = first
            if shift != nil {
                while last + 1 < shifts.count && shifts[last + 1] == shift { last += 1 }
            }
            position = last + 1
            return Run(first: first, last: last, shift: shift)
        }
    }
}
