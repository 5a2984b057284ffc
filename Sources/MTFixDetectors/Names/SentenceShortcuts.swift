import MTFixCore

/// Sentence look-ups for the name rules, and the facts that answer most of them without segmenting.
///
/// Only the name rules ask for `Document.sentences`, and segmenting a document's sentences (an ICU pass
/// plus repairs) costs more than the rest of their work on it; so each question is first put to what
/// the text shows for sure: ICU breaks a sentence only after a line break or a terminator (`.`, `!`,
/// `?` …, then closing quotes and spaces), repairs only join sentences of one line, and sentences are
/// trimmed of white space. Hence a sentence never leaves the line it starts on, and none starts inside
/// a stretch of plain words.
extension Document {
    /// The last sentence starting at or before `offset` (binary search).
    func sentence(containing offset: Int) -> Range<Int>? {
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].lowerBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? sentences[lo - 1] : nil
    }

    /// Whether `range` starts with a letter and holds only letters, digits and `plainMarks`, none of which
    /// ends a sentence: then no sentence starts inside the range, and the one containing `range.upperBound`
    /// starts at or before `range.lowerBound`.
    func isPlainClause(_ range: Range<Int>) -> Bool {
        guard range.lowerBound < range.upperBound, range.upperBound <= utf16.count,
            Document.isPlainLetter(utf16[range.lowerBound])
        else { return false }
        for i in range {
            let u = utf16[i]
            if !(Document.isPlainLetter(u) || (u >= 0x30 && u <= 0x39) || Document.plainMarks.contains(u)) { return false }
        }
        return true
    }

    /// Spaces, commas, colons, hyphens, brackets, quotes and apostrophes: ICU's sentence rules go on over them.
    private static let plainMarks: Set<UInt16> = [
        0x20, 0xA0, 0x202F, 0x2C, 0x3A, 0x3B, 0x2D, 0x28, 0x29, 0x27, 0x22, 0x2019, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB,
    ]

    /// Latin and Cyrillic letters (no sentence terminator among them; other scripts are not vouched for).
    private static func isPlainLetter(_ u: UInt16) -> Bool {
        (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || (u >= 0xC0 && u <= 0x24F && u != 0xD7 && u != 0xF7)
            || (u >= 0x400 && u <= 0x481) || (u >= 0x48A && u <= 0x4FF)
    }
}
