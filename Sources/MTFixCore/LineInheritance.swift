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
}
