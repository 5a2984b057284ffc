import MTFixCore

/// A small deterministic generator (SplitMix64) for randomized tests: the same seed, the same cases.
public struct SplitMix {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random texts from a set of pieces and random edits of them, for tests that compare what a snapshot
/// takes over from the previous one with a fresh computation.
public struct RandomEdits {
    public let pieces: [String]
    public init(pieces: [String]) { self.pieces = pieces }

    /// `count` pieces joined.
    public func text(_ rng: inout SplitMix, _ count: Int) -> String {
        (0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }

    /// Random sorted, non-overlapping edits of `units` (deletions, insertions, replacements, some holding
    /// or removing line ends).
    public func edits(_ units: [UInt16], _ rng: inout SplitMix) -> [Edit] {
        var out: [Edit] = []
        var at = 0
        while true {
            at += Int(rng.next() % 30)
            guard at <= units.count, out.count < 6 else { break }
            var length = Int(rng.next() % 6)
            length = min(length, units.count - at)
            // Never split a surrogate pair (edits from rules never do).
            if at + length < units.count && units[at + length] & 0xFC00 == 0xDC00 { length += 1 }
            let replacement = rng.next() % 3 == 0 ? "" : text(&rng, Int(rng.next() % 3))
            out.append(Edit(range: at..<(at + length), replacement: replacement))
            at += length + 1
        }
        return out
    }

    /// Makes `rounds` documents of `minPieces` to `minPieces + 59` pieces (in `language(round)`), edits each
    /// at random, and describes every case where `agrees(before, edits)` is false: for tests that compare
    /// what a snapshot takes over from the previous one with a fresh computation.
    public func disagreements(
        rounds: Int = 3000, seed: UInt64, minPieces: Int = 1, language: (Int) -> String = { _ in "en" },
        _ agrees: (Document, [Edit]) -> Bool
    ) -> [String] {
        var rng = SplitMix(seed: seed)
        var out: [String] = []
        for round in 0..<rounds {
            let before = Document(text: text(&rng, minPieces + Int(rng.next() % 60)), language: language(round))
            let edits = edits(before.utf16, &rng)
            if !agrees(before, edits) { out.append("differs: \(before.text.debugDescription) with \(edits)") }
        }
        return out
    }
}
