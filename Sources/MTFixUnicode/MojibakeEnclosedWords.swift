import MTFixCore
import MTFixICU

/// Short words of a line of mojibake that carry no evidence of their own: `РІ` and `Рё` (`в`, `и` read
/// as Windows-1251) decode to one letter, which alone looks like a legitimate stray character, so they
/// were left standing between repaired words (`Встреча РІ Москве`).
extension MojibakeDetector {
    /// Repairs for the words of a line that stand between repairs of one codec (or before the line's
    /// first repair, or after its last), where only spaces, digits and ASCII punctuation separate them, and that
    /// decode whole into letters of the script the neighbouring repairs decode to. A line of mojibake
    /// keeps no genuine word among its repaired words, and a genuine word almost never re-encodes into
    /// well-formed UTF-8 of that script (a Russian word would need a lead byte, a letter from А–я, before
    /// each letter from the codec's upper half). A run inside a word (`Рёрих`, a real name) is never one.
    func enclosedWords(between repairs: [Repair], _ u: [UInt16]) -> [Repair] {
        var out: [Repair] = []
        guard !repairs.isEmpty else { return out }
        // Line breaks (CR or LF), found once: walking to the line's ends for each repair was quadratic
        // in a long line's repairs.
        var breaks: [Int] = []
        for (i, c) in u.enumerated() where c == 0x0A || c == 0x0D { breaks.append(i) }
        /// The first break at or after `i` (its index in `breaks`).
        func nextBreak(_ i: Int) -> Int {
            var lo = 0
            var hi = breaks.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if breaks[mid] < i { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        func lineBoundary(before i: Int) -> Int {
            let k = nextBreak(i)
            return k > 0 ? breaks[k - 1] + 1 : 0
        }
        func lineBoundary(after i: Int) -> Int {
            let k = nextBreak(i)
            return k < breaks.count ? breaks[k] : u.count
        }
        for k in repairs.indices {
            let b = repairs[k]
            guard b.layers == 1 else { continue }
            let script = b.text
            let lineStart = lineBoundary(before: b.range.lowerBound)
            if k > 0, repairs[k - 1].range.upperBound > lineStart {
                // Between two repairs of the codec on one line.
                let a = repairs[k - 1]
                guard a.codec == b.codec, a.layers == 1, b.range.lowerBound - a.range.upperBound <= 40 else { continue }
                out += words(in: a.range.upperBound..<b.range.lowerBound, u, codec: b.codec, script: script, max: 8)
            } else {
                // Before the line's first repair: one word at the start of the line.
                out += words(in: lineStart..<b.range.lowerBound, u, codec: b.codec, script: script, max: 1, atStart: true)
            }
            let lineEnd = lineBoundary(after: b.range.upperBound)
            if k + 1 == repairs.count || repairs[k + 1].range.lowerBound >= lineEnd {
                // After the line's last repair: one word at the end of the line.
                out += words(in: b.range.upperBound..<lineEnd, u, codec: b.codec, script: script, max: 1, atEnd: true)
            }
        }
        return out
    }

    /// The repairs of a gap made of separators and words (every word must decode, or none is repaired).
    /// A gap at a line's start may begin with a word, one at its end may end with one.
    /// `neighbour` is the decoded text of the repair beside the gap, whose script the words must decode to.
    private func words(
        in gap: Range<Int>, _ u: [UInt16], codec: Int, script neighbour: [UInt16], max: Int, atStart: Bool = false,
        atEnd: Bool = false
    ) -> [Repair] {
        // Most gaps hold no character outside ASCII, hence no word to decode.
        guard !gap.isEmpty, u[gap].contains(where: { $0 >= 0x80 }) else { return [] }
        var found: [Range<Int>] = []
        var i = gap.lowerBound
        var expectWord = atStart
        while i < gap.upperBound {
            var j = i
            if expectWord {
                while j < gap.upperBound && u[j] >= 0x80 && u[j] != 0xA0 && !(u[j] >= 0x2000 && u[j] <= 0x200A) && u[j] != 0x3000 { j += 1 }
                guard j > i else { return [] }
                found.append(i..<j)
            } else {
                while j < gap.upperBound && isSeparator(u[j]) { j += 1 }
                guard j > i, u[i..<j].contains(0x20) || (atEnd && j == gap.upperBound) else { return [] }
            }
            expectWord.toggle()
            i = j
        }
        // A gap between repairs ends with a separator; one at the end of a line may end with a word.
        guard !found.isEmpty, found.count <= max, expectWord || atEnd, let script = firstScript(neighbour) else { return [] }
        var out: [Repair] = []
        for w in found {
            guard let text = decodeWord(w, u, codec: codec, script: script) else { return [] }
            out.append(Repair(range: w, text: text, codec: codec, score: 0))
        }
        return out
    }

    /// Spaces, digits and ASCII punctuation (`, `, ` 42 `): what stands between the words of a line.
    private func isSeparator(_ c: UInt16) -> Bool {
        c >= 0x20 && c < 0x7F && !((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
    }

    private func firstScript(_ text: [UInt16]) -> Script? {
        for s in Document.string(of: text[...]).unicodeScalars where s.properties.isAlphabetic {
            return Script.of(s)
        }
        return nil
    }

    /// The word re-encoded with the codec and read as UTF-8, when it is well-formed and decodes to
    /// letters of `script` only.
    private func decodeWord(_ w: Range<Int>, _ u: [UInt16], codec: Int, script: Script) -> [UInt16]? {
        let table = codecs[codec].table
        var bytes: [UInt8] = []
        for i in w {
            guard let b = table.byte(u[i]), b >= 0x80 else { return nil }
            bytes.append(b)
        }
        guard let text = String(validating: bytes, as: UTF8.self), !text.isEmpty else { return nil }
        guard text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && Script.of($0) == script }) else { return nil }
        return Array(text.utf16)
    }
}
