import MTFixCore

/// The restart shape of an echo: MT ends a sentence early and starts it again by repeating its last
/// words in lowercase (`had 14 points. had 14 points and nine rebounds`). The full stop and the repeat
/// go, which joins the two halves into the sentence they were.
extension EchoFragmentDetector {
    /// Fewest words a restart repeats: one repeated word is too common a coincidence.
    static let minRestartWords = 2
    /// Most words compared on each side of the full stop.
    static let maxRestartWords = 6
    /// Fewest letters and digits in the repeat.
    static let minRestartChars = 8

    /// End of the repeat when the words from `from` (a lowercase letter after the full stop at `dot`)
    /// repeat, word for word, the words just before `dot`, and the sentence then goes on with another
    /// lowercase word or number; nil otherwise.
    func restartEnd(_ u: [UInt16], dot: Int, from: Int, line: Range<Int>) -> Int? {
        // Words before the full stop, last first, joined by single spaces.
        var before: [Range<Int>] = []
        var k = dot
        while before.count < Self.maxRestartWords {
            var lo = k
            while lo > line.lowerBound && Self.isRestartUnit(u[lo - 1]) { lo -= 1 }
            guard lo < k else { break }
            before.append(lo..<k)
            guard lo - 1 > line.lowerBound, u[lo - 1] == 0x20 else { break }
            k = lo - 1
        }
        // As many words after it, first first.
        var after: [Range<Int>] = []
        var p = from
        while after.count < before.count {
            var hi = p
            while hi < line.upperBound && Self.isRestartUnit(u[hi]) { hi += 1 }
            guard hi > p else { break }
            after.append(p..<hi)
            guard hi + 1 < line.upperBound, u[hi] == 0x20 else { break }
            p = hi + 1
        }
        let most = min(before.count, after.count)
        guard most >= Self.minRestartWords else { return nil }
        for n in stride(from: most, through: Self.minRestartWords, by: -1) {
            let same = (0..<n).allSatisfy { m in u[before[n - 1 - m]].elementsEqual(u[after[m]]) }
            guard same else { continue }
            let end = after[n - 1].upperBound
            // A capital inside the repeat is a name that starts lowercase (`de Gaulle`, `von der Leyen`).
            guard after[0..<n].reduce(0, { $0 + $1.count }) >= Self.minRestartChars,
                !after[0..<n].contains(where: { w in w.contains { NarrativeText.isUpper(u[$0]) } }),
                end + 1 < line.upperBound, u[end] == 0x20,
                NarrativeText.isLower(u[end + 1]) || NarrativeText.isDigit(u[end + 1])
            else { return nil }
            return end
        }
        return nil
    }

    /// Letters, digits and a word-inner hyphen: what the restart compares.
    static func isRestartUnit(_ c: UInt16) -> Bool {
        NarrativeText.isLetter(c) || NarrativeText.isDigit(c) || c == 0x2D
    }
}
