import MTFixCore

/// Character classes and small text scans that the sentence-level detectors share (UTF-16 based).
///
/// ICU's sentence iterator does not break before a lowercase word (`values.” emphasized`), which is
/// exactly where MT damage sits, so these detectors scan lines themselves with these helpers.
enum NarrativeText {
    @inline(__always)
    static func scalar(_ u: UInt16) -> Unicode.Scalar? { Unicode.Scalar(u) }

    /// Spaces, and a BOM (a zero-width no-break space that opens many files: the first sentence of a
    /// text starts after it).
    static func isSpace(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x09 || u == 0xA0 || u == 0x202F || u == 0x3000 || (u >= 0x2000 && u <= 0x200A) || u == 0xFEFF
    }

    /// Full stops, question and exclamation marks, ellipsis, in Latin, Cyrillic and CJK copy.
    static func isTerminator(_ u: UInt16) -> Bool {
        u == 0x2E || u == 0x21 || u == 0x3F || u == 0x2026 || u == 0x3002 || u == 0xFF01 || u == 0xFF1F || u == 0xFF0E
    }

    /// The first terminator (`isTerminator`) in `from..<end`, or `end`: the per-unit scan the sentence
    /// detectors start with.
    static func nextTerminator(_ u: [UInt16], from: Int, to end: Int) -> Int {
        firstMarked(u, from: from, to: end, Mark.terminator)
    }

    /// Bits of `marks`: the units two whole-text scans look for.
    enum Mark {
        /// `isTerminator`.
        static let terminator: UInt8 = 1
        /// A comma or full stop (`OrphanPunctuationDetector.isComma`, `isStop`).
        static let commaOrStop: UInt8 = 2
    }

    /// `Mark` bits of every UTF-16 unit.
    static let marks: [UInt8] = (0..<0x10000).map { v in
        let u = UInt16(v)
        return (isTerminator(u) ? Mark.terminator : 0)
            | (OrphanPunctuationDetector.isComma(u) || OrphanPunctuationDetector.isStop(u) ? Mark.commaOrStop : 0)
    }

    /// The first index in `from..<end` whose unit has `mark` in `marks`, or `end`. The table bits of eight
    /// units are or-ed together and only a block holding the mark is looked at unit by unit: two loads
    /// and an or a unit, where testing four-unit lanes against each wanted unit cost seven.
    @inline(__always)
    static func firstMarked(_ u: [UInt16], from: Int, to end: Int, _ mark: UInt8) -> Int {
        u.withUnsafeBufferPointer { p in
            marks.withUnsafeBufferPointer { t in
                @inline(__always) func m(_ k: Int) -> UInt8 { t[Int(p[k])] }
                var i = from
                while i &+ 8 <= end {
                    let any = m(i) | m(i &+ 1) | m(i &+ 2) | m(i &+ 3) | m(i &+ 4) | m(i &+ 5) | m(i &+ 6) | m(i &+ 7)
                    if any & mark != 0 {
                        for k in i..<(i &+ 8) where m(k) & mark != 0 { return k }
                    }
                    i &+= 8
                }
                while i < end {
                    if m(i) & mark != 0 { return i }
                    i &+= 1
                }
                return end
            }
        }
    }

    /// The first index in `from..<end` whose unit passes `test`, or `end`. Eight units (two 64-bit
    /// words of four) are tried at once with `maybe`, which must be non-zero for a word holding any unit
    /// that passes `test`; only such blocks are tested unit by unit. Text is mostly letters no scan
    /// looks for, and a unit-by-unit loop over them (a mispredicted branch at every space) was the cost
    /// of several scans. `maybe` is branch-free, so one branch decides eight units.
    @inline(__always)
    static func firstIndex(
        _ u: [UInt16], from: Int, to end: Int, maybe: (UInt64) -> UInt64, where test: (UInt16) -> Bool
    ) -> Int {
        u.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return end }
            let raw = UnsafeRawPointer(base)
            var i = from
            while i + 8 <= end {
                let a = raw.loadUnaligned(fromByteOffset: i &* 2, as: UInt64.self)
                let b = raw.loadUnaligned(fromByteOffset: i &* 2 &+ 8, as: UInt64.self)
                if maybe(a) | maybe(b) != 0 {
                    for k in i..<(i + 8) where test(p[k]) { return k }
                }
                i += 8
            }
            while i < end {
                if test(p[i]) { return i }
                i += 1
            }
            return end
        }
    }

    /// Bit 15 set in each lane of the four UTF-16 units packed in `x` that equals `c`, possibly also in
    /// a lane above a matching one (the classic zero-lane test on `x ^ c`): non-zero exactly when some
    /// lane matches.
    @inline(__always)
    static func lanes(_ x: UInt64, equalTo c: UInt64) -> UInt64 {
        let y = x ^ (c &* 0x0001_0001_0001_0001)
        return (y &- 0x0001_0001_0001_0001) & ~y & 0x8000_8000_8000_8000
    }

    /// Marks that can close a quotation in the seven languages (`”` `’` `"` `»` `“` German, `」` `』`).
    static func isClosingQuote(_ u: UInt16) -> Bool {
        u == 0x201D || u == 0x2019 || u == 0x22 || u == 0xBB || u == 0x201C || u == 0x2018 || u == 0x300D
            || u == 0x300F || u == 0x27
    }

    /// Marks that only ever close a quotation (`»` may follow a space in French copy).
    static func isUnambiguousClosingQuote(_ u: UInt16) -> Bool {
        u == 0x201D || u == 0xBB || u == 0x300D || u == 0x300F
    }

    /// A closing quote at `i`: an unambiguous closer, or an ambiguous mark right after text.
    static func closesQuote(_ u: [UInt16], at i: Int, lineStart: Int) -> Bool {
        guard isClosingQuote(u[i]) else { return false }
        return isUnambiguousClosingQuote(u[i]) || (i > lineStart && !isSpace(u[i - 1]))
    }

    /// Whether `offset` lies inside a quotation opened earlier on the line: scanning back, an opening
    /// mark (`“` `«` `„` `「` before text) comes before any closing one.
    static func insideQuotation(_ u: [UInt16], at offset: Int, lineStart: Int) -> Bool {
        var i = offset - 1
        while i >= lineStart {
            let c = u[i]
            if c == 0xAB || c == 0x201E || c == 0x300C || c == 0x300E { return true }
            if isUnambiguousClosingQuote(c) { return false }
            if c == 0x201C {
                // `“` opens before text in English and closes after text in German.
                let before = i > lineStart ? u[i - 1] : 0x20
                return isSpace(before) || before == 0x28
            }
            i -= 1
        }
        return false
    }

    /// Closing brackets that may end a sentence before its full stop.
    static func isClosingBracket(_ u: UInt16) -> Bool { u == 0x29 || u == 0xFF09 || u == 0x5D }

    static func isLetter(_ u: UInt16) -> Bool {
        if u < 0x80 { return (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) }
        if Int(u) < CaseTable.limit { return CaseTable.shared.flags[Int(u)] & CaseTable.letter != 0 }
        return (upperAlphabetic[Int(u) >> 6] >> UInt64(u & 63)) & 1 != 0
    }

    /// `isAlphabetic` of every BMP unit from U+3000 up, one bit each (false for surrogates), indexed
    /// by `unit >> 6` from 0: the attribution and fragment scans ask it for every CJK character they
    /// pass, and the property look-up each time was most of their cost on Chinese and Japanese copy.
    static let upperAlphabetic: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for c in CaseTable.limit..<0x10000 where Unicode.Scalar(UInt32(c))?.properties.isAlphabetic ?? false {
            bits[c >> 6] |= 1 << UInt64(c & 63)
        }
        return bits
    }()

    static func isLower(_ u: UInt16) -> Bool {
        if u < 0x80 { return u >= 0x61 && u <= 0x7A }
        if Int(u) < CaseTable.limit { return CaseTable.shared.flags[Int(u)] & CaseTable.lowercase != 0 }
        return scalar(u)?.properties.isLowercase ?? false
    }

    static func isUpper(_ u: UInt16) -> Bool {
        if u < 0x80 { return u >= 0x41 && u <= 0x5A }
        if Int(u) < CaseTable.limit { return CaseTable.shared.flags[Int(u)] & CaseTable.uppercase != 0 }
        return scalar(u)?.properties.isUppercase ?? false
    }

    /// Simple lowercase of one UTF-16 unit (one-to-one mappings only; others stay as they are).
    static func lower(_ u: UInt16) -> UInt16 {
        if u < 0x80 { return u >= 0x41 && u <= 0x5A ? u + 0x20 : u }
        if Int(u) < CaseTable.limit { return CaseTable.shared.lower[Int(u)] }
        guard let s = scalar(u), s.properties.isUppercase else { return u }
        let m = s.properties.lowercaseMapping.utf16
        return m.count == 1 ? m.first! : u
    }

    static func isDigit(_ u: UInt16) -> Bool { (u >= 0x30 && u <= 0x39) || (u >= 0xFF10 && u <= 0xFF19) }

    /// Han, kana and CJK punctuation: text written without spaces between words.
    static func isCJK(_ u: UInt16) -> Bool {
        (u >= 0x3040 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF)
            || (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF) || u & 0xFC00 == 0xD800
    }

    /// Whether a range is mostly CJK (decides spacing and length measures without trusting the language tag).
    static func isMostlyCJK(_ u: [UInt16], _ range: Range<Int>) -> Bool {
        // Every CJK unit is U+3000 or above: without one there is nothing to count (most Latin and
        // Cyrillic lines), found eight units at a time.
        let high = firstIndex(
            u, from: range.lowerBound, to: range.upperBound,
            // Bit 15 of a lane: the unit is U+8000 or above, or its low 15 bits reach 0x3000.
            maybe: { x in ((x & 0x7FFF_7FFF_7FFF_7FFF) &+ 0x5000_5000_5000_5000 | x) & 0x8000_8000_8000_8000 },
            where: { $0 >= 0x3000 })
        if high == range.upperBound { return false }
        var cjk = 0
        var letters = 0
        for i in range {
            if isCJK(u[i]) { cjk += 1 } else if isLetter(u[i]) { letters += 1 }
            // Decided once the units left cannot change the answer (halfway through a CJK line).
            let left = range.upperBound - i - 1
            if cjk > letters + left { return true }
            if cjk + left <= letters { return false }
        }
        return cjk > letters
    }

    /// Letter runs (with inner apostrophes and hyphens) inside `range`: the words of cased scripts.
    static func words(_ u: [UInt16], _ range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = range.lowerBound
        while let w = nextWord(u, from: i, to: range.upperBound) {
            out.append(w)
            i = w.upperBound
        }
        return out
    }

    /// `words(u, range).last`, without building the array.
    static func lastWord(_ u: [UInt16], _ range: Range<Int>) -> Range<Int>? {
        var last: Range<Int>?
        var i = range.lowerBound
        while let w = nextWord(u, from: i, to: range.upperBound) {
            last = w
            i = w.upperBound
        }
        return last
    }

    /// `words(u, range).count`, counting no further than `limit` (the callers compare with a bound).
    static func wordCount(_ u: [UInt16], _ range: Range<Int>, limit: Int) -> Int {
        var n = 0
        var i = range.lowerBound
        while n < limit, let w = nextWord(u, from: i, to: range.upperBound) {
            n += 1
            i = w.upperBound
        }
        return n
    }

    /// The first word in `from..<end` (letters and digits, joined by an apostrophe or hyphen before a
    /// letter), or nil.
    private static func nextWord(_ u: [UInt16], from: Int, to end: Int) -> Range<Int>? {
        var i = from
        while i < end && !(isLetter(u[i]) || isDigit(u[i])) { i += 1 }
        guard i < end else { return nil }
        let start = i
        while i < end {
            if isLetter(u[i]) || isDigit(u[i]) {
                i += 1
            } else if (u[i] == 0x27 || u[i] == 0x2019 || u[i] == 0x2D) && i + 1 < end && isLetter(u[i + 1]) {
                i += 1
            } else {
                break
            }
        }
        return start..<i
    }

    /// The text of `range`, through the contiguous transcoder (the standard library's
    /// `String(decoding:as: UTF16.self)` goes one unit at a time through a generic parser).
    static func string(_ u: [UInt16], _ range: Range<Int>) -> String { Document.string(of: u[range]) }

    /// Whether a line is blank (only spaces).
    static func isBlank(_ u: [UInt16], _ range: Range<Int>) -> Bool {
        range.allSatisfy { isSpace(u[$0]) || u[$0] == 0x0D }
    }

    /// The range without leading and trailing spaces.
    static func trimmed(_ u: [UInt16], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi && (isSpace(u[lo]) || u[lo] == 0x0D) { lo += 1 }
        while hi > lo && (isSpace(u[hi - 1]) || u[hi - 1] == 0x0D) { hi -= 1 }
        return lo..<hi
    }

    /// The token (maximal run of non-space characters) that ends at `end`.
    static func token(endingAt end: Int, in u: [UInt16], from lineStart: Int) -> Range<Int> {
        var lo = end
        while lo > lineStart && !isSpace(u[lo - 1]) { lo -= 1 }
        return lo..<end
    }

    /// Whether the full stop ending at `dot` belongs to an abbreviation (`U.S.`, `e.g.`, `Dr.`, `тыс.`, `1.`)
    /// rather than ending a sentence.
    static func isAbbreviation(dot: Int, in u: [UInt16], lineStart: Int, known: Set<String>) -> Bool {
        guard u[dot] == 0x2E else { return false }
        var tok = token(endingAt: dot, in: u, from: lineStart)
        // Opening brackets and quotes are not part of the abbreviation.
        while tok.lowerBound < tok.upperBound && !isLetter(u[tok.lowerBound]) && !isDigit(u[tok.lowerBound]) {
            tok = (tok.lowerBound + 1)..<tok.upperBound
        }
        if tok.isEmpty { return false }
        if tok.count == 1 { return true }
        if tok.contains(where: { u[$0] == 0x2E }) { return true }
        if tok.allSatisfy({ isDigit(u[$0]) }) { return true }
        return known.contains(string(u, tok).lowercased())
    }

    /// A heading: one short line with no sentence-final punctuation (`Commitment to Neutrality`).
    static func isHeadingLike(_ u: [UInt16], _ line: Range<Int>, maxWords: Int = 10) -> Bool {
        let t = trimmed(u, line)
        guard let last = t.last else { return false }
        if isTerminator(u[last]) || isClosingQuote(u[last]) || u[last] == 0x3A || u[last] == 0x2C { return false }
        if isMostlyCJK(u, t) { return t.count <= 20 }
        return wordCount(u, t, limit: maxWords + 1) <= maxWords
    }

    /// Lowercased comparison key of a word, cut to a stem-like prefix so `emphasized` meets `emphasize`.
    static func stem(_ word: String, length: Int = 6) -> String {
        String(String(decoding: word.utf16.map(lower), as: UTF16.self).prefix(length))
    }
}

extension ConfigValue {
    /// A list option as a set of strings (empty when absent).
    func stringSet(_ key: String) -> Set<String> { Set(self[key]?.strings ?? []) }

    /// A number option as an Int with a default.
    func int(_ key: String, default value: Int) -> Int { self[key]?.number.map { Int($0) } ?? value }
}
