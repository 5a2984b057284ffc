import MTFixICU

/// Word segmentation with ICU's results, cheaper: lines of Latin, Cyrillic or Arabic copy are split by a
/// small scanner that implements the word-break rules those characters can meet, and every other line
/// goes to ICU's word break iterator.
///
/// ICU's word iterator was a tenth of a full run and most copy holds nothing but letters, digits,
/// spaces and common punctuation. The scanner knows the word-break class of about 2,000 code units
/// (ASCII, Latin-1, Latin Extended-A/B and Additional, Cyrillic, Arabic, combining diacritics, general
/// punctuation and format characters, currency signs, fullwidth ASCII); a line with any other unit (an
/// underscore, CJK, Hangul, a zero-width joiner, a C0 control, …) or with a mark right after a `.` `'`
/// `,` `·` goes to ICU whole, so no rule's context is ever guessed. Word breaks never cross a line (UAX #29 WB3a/b), so line
/// by line gives what one ICU pass over the text gives; `WordBreakerTests` compares both on the corpora,
/// the rule examples and random text.
public enum WordBreaker {
    /// ICU's rule statuses for the words the scanner makes.
    static let number: Int32 = 100
    static let letter: Int32 = 200

    /// The words (ICU status ≥ 100) of `units`, in text order. `lines` are `units`' lines without their
    /// terminators (as `Document.lines`).
    public static func words(_ units: [UInt16], lines: [Range<Int>], locale: String) -> [Document.Word] {
        var out: [Document.Word] = []
        out.reserveCapacity(units.count / 5)
        // The scanner writes a line's words into a scratch buffer (a line of n units holds at most
        // (n + 1) / 2 words) and they are appended in one copy: appending word by word checked the
        // array's uniqueness and capacity for every word.
        let longest = lines.reduce(0) { max($0, $1.count) }
        let scratch = UnsafeMutablePointer<Document.Word>.allocate(capacity: longest / 2 + 1)
        defer { scratch.deallocate() }
        let map = UnsafeMutablePointer<UInt64>.allocate(capacity: longest / 32 + 1)
        defer { map.deallocate() }
        // Counted per document: a count per line cost the profile more than the scan it counted.
        var scanned = 0
        var left = 0
        units.withUnsafeBufferPointer { u in
            table.withUnsafeBufferPointer { t in
            bits.withUnsafeBufferPointer { b in
                // Consecutive lines the scanner leaves (a Korean or Persian article is all such lines) go
                // to ICU in one call: its words never cross the line terminators between them (WB3a/b),
                // and a call per line cost more than the segmentation of a short line.
                var pending: Range<Int>?
                for line in lines where !line.isEmpty {
                    let n = scan(u, line, t, b, into: scratch, map: map)
                    if n >= 0 {
                        scanned += 1
                        if let p = pending {
                            icu(u, p, locale: locale, into: &out)
                            pending = nil
                        }
                        out.append(contentsOf: UnsafeBufferPointer(start: scratch, count: n))
                    } else {
                        left += 1
                        pending = (pending?.lowerBound ?? line.lowerBound)..<line.upperBound
                    }
                }
                if let p = pending { icu(u, p, locale: locale, into: &out) }
            }
            }
        }
        if Profile.enabled {
            Profile.count("words: lines", scanned + left)
            Profile.count("words: lines left to ICU (of the words' lines)", left)
        }
        return out
    }

    /// Word-break classes of the units the scanner handles (0: not handled).
    enum Class: UInt8 {
        case none = 0
        /// ALetter (ICU counts `@` among them).
        case letter
        /// Numeric.
        case digit
        /// MidNumLet and Single_Quote: `.`, `'`, `‘`, `’` (inside a word of letters or of digits).
        case midNumLet
        /// MidLetter `·` (inside a word of letters).
        case midLetter
        /// MidNum `,` `;` (inside a number).
        case midNum
        /// WSegSpace: runs are one segment.
        case space
        /// Anything else handled: a segment of its own, never a word.
        case other
        /// Extend and Format (not ZWJ): part of the unit before them (UAX #29 WB4).
        case mark
    }

    /// Classes of all UTF-16 units (a full table: no range test per unit).
    static let table: [Class] = {
        var t = [Class](repeating: .none, count: 0x10000)
        func set(_ r: ClosedRange<Int>, _ c: Class) { for i in r { t[i] = c } }
        set(0x21...0x7E, .other)
        t[0x09] = .other
        set(0x41...0x5A, .letter)
        set(0x61...0x7A, .letter)
        t[0x40] = .letter
        set(0x30...0x39, .digit)
        t[0x2E] = .midNumLet
        t[0x27] = .midNumLet
        t[0x2C] = .midNum
        t[0x3B] = .midNum
        t[0x5F] = .none  // ExtendNumLet: left to ICU.
        t[0x20] = .space
        set(0xA0...0xBF, .other)
        t[0xAA] = .letter
        t[0xB5] = .letter
        t[0xBA] = .letter
        t[0xB7] = .midLetter
        set(0xC0...0x24F, .letter)
        t[0xD7] = .other
        t[0xF7] = .other
        set(0x400...0x481, .letter)
        set(0x48A...0x52F, .letter)
        set(0x2000...0x2006, .space)
        set(0x2008...0x200A, .space)
        set(0x2010...0x2026, .other)
        t[0x2018] = .midNumLet
        t[0x2019] = .midNumLet
        t[0x2024] = .none  // MidNumLet, rare: left to ICU.
        set(0x2030...0x205E, .other)
        t[0x203F] = .none  // ExtendNumLet.
        t[0x2040] = .none
        t[0x2044] = .none  // MidNum.
        t[0x2054] = .none
        t[0x205F] = .space
        set(0x20A0...0x20C0, .other)
        // Added so that the commonest lines of scraped and decomposed copy skip ICU: combining marks,
        // invisible format characters, C1 controls (mojibake), Arabic script, Latin Extended Additional,
        // fullwidth punctuation.
        set(0x300...0x36F, .mark)
        set(0x483...0x489, .mark)
        set(0x80...0x9F, .other)
        t[0x85] = .none  // Newline: left to ICU.
        t[0xAD] = .mark
        set(0x1E00...0x1EFF, .letter)
        t[0x200B] = .other
        t[0x200C] = .mark
        set(0x200E...0x200F, .mark)
        set(0x202A...0x202E, .mark)
        set(0x2060...0x2064, .mark)
        set(0x2066...0x206F, .mark)
        t[0xFEFF] = .mark
        t[0x2116] = .other
        t[0x2122] = .other
        set(0x3001...0x3003, .other)
        for (r, c) in arabic { set(r, c) }
        for (r, c) in fullwidth { set(r, c) }
        return t
    }()

    /// Word-break classes of the Arabic block (Persian copy with its zero-width non-joiners).
    private static let arabic: [(ClosedRange<Int>, Class)] = [
        (0x606...0x60B, .other), (0x60C...0x60D, .midNum), (0x60E...0x60F, .other), (0x610...0x61A, .mark),
        (0x61B...0x61B, .other), (0x61C...0x61C, .mark), (0x61D...0x61F, .other), (0x620...0x64A, .letter),
        (0x64B...0x65F, .mark), (0x660...0x669, .digit), (0x66A...0x66A, .other), (0x66B...0x66B, .digit),
        (0x66C...0x66C, .midNum), (0x66D...0x66D, .other), (0x66E...0x66F, .letter), (0x670...0x670, .mark),
        (0x671...0x6D3, .letter), (0x6D4...0x6D4, .other), (0x6D5...0x6D5, .letter), (0x6D6...0x6DC, .mark),
        (0x6DE...0x6DE, .other), (0x6DF...0x6E4, .mark), (0x6E5...0x6E6, .letter), (0x6E7...0x6E8, .mark),
        (0x6E9...0x6E9, .other), (0x6EA...0x6ED, .mark), (0x6EE...0x6EF, .letter), (0x6F0...0x6F9, .digit),
        (0x6FA...0x6FC, .letter), (0x6FD...0x6FE, .other), (0x6FF...0x6FF, .letter),
    ]

    /// Word-break classes of the fullwidth ASCII forms. ICU takes the fullwidth colon out of MidLetter
    /// (as the ASCII colon), and counts fullwidth digits as Numeric.
    private static let fullwidth: [(ClosedRange<Int>, Class)] = [
        (0xFF01...0xFF06, .other), (0xFF07...0xFF07, .midNumLet), (0xFF08...0xFF0B, .other),
        (0xFF0C...0xFF0C, .midNum), (0xFF0D...0xFF0D, .other), (0xFF0E...0xFF0E, .midNumLet),
        (0xFF0F...0xFF0F, .other), (0xFF10...0xFF19, .digit), (0xFF1A...0xFF1A, .other),
        (0xFF1B...0xFF1B, .midNum), (0xFF1C...0xFF20, .other), (0xFF21...0xFF3A, .letter),
        (0xFF3B...0xFF3E, .other), (0xFF40...0xFF40, .other), (0xFF41...0xFF5A, .letter),
        (0xFF5B...0xFF60, .other),
    ]

    /// Per UTF-16 unit, what the scanner's first pass reads: 1 for a letter or digit (ALetter, Numeric),
    /// 2 for a unit it does not handle, 3 for a mark (decided by the unit before it), 0 for the rest.
    static let bits: [UInt8] = table.map {
        switch $0 {
        case .none: 2
        case .mark: 3
        case .letter, .digit: 1
        default: 0
        }
    }

    /// Even bits of a map word: one per unit.
    private static let evenBits: UInt64 = 0x5555_5555_5555_5555

    /// Splits `line` into words written at `out` and returns their count when every unit has a class;
    /// -1 otherwise. `out` has room for `(line.count + 1) / 2` words, `map` for `line.count / 32 + 1`.
    ///
    /// Two passes: the first writes two bits per unit (`bits`) into `map`, 32 units a word, with no
    /// branch per unit; the second takes the starts and ends of the runs of letters and digits 32 units
    /// at a time from the map's bits, and joins runs across one `.` `'` `’` `·` `,` `;` where UAX #29
    /// does. Testing each unit in the run loop (a branch per unit, or a mask of eight built from their
    /// classes) cost four times as much.
    static func scan(
        _ u: UnsafeBufferPointer<UInt16>, _ line: Range<Int>, _ t: UnsafeBufferPointer<Class>,
        _ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<Document.Word>,
        map: UnsafeMutablePointer<UInt64>
    ) -> Int {
        let start = line.lowerBound
        let count = line.count
        let p = u.baseAddress! + start
        let full = count >> 5
        let rest = count & 31
        @inline(__always) func bit(_ i: Int) -> UInt64 { UInt64(b[Int(p[i])]) }
        // Eight units' bits, with constant shifts (a loop over 32 shifted by a variable).
        @inline(__always) func eight(_ i: Int) -> UInt64 {
            bit(i) | bit(i + 1) << 2 | bit(i + 2) << 4 | bit(i + 3) << 6
                | bit(i + 4) << 8 | bit(i + 5) << 10 | bit(i + 6) << 12 | bit(i + 7) << 14
        }
        var any: UInt64 = 0
        for w in 0..<full {
            let q = w << 5
            let m = eight(q) | eight(q + 8) << 16 | eight(q + 16) << 32 | eight(q + 24) << 48
            map[w] = m
            any |= m
        }
        // The bits past the line stay clear in the last word (all of it when the line fills the one
        // before): the end of the line ends a run as a space does. Units past the line are read in
        // steps of eight while the text lasts, then masked off.
        var m: UInt64 = 0
        var k = 0
        let q = full << 5
        while k < rest && start + q + k + 8 <= u.count {
            m |= eight(q + k) << UInt64(2 * k)
            k += 8
        }
        while k < rest {
            m |= bit(q + k) << UInt64(2 * k)
            k += 1
        }
        m &= (1 << UInt64(2 * rest)) &- 1
        map[full] = m
        any |= m
        // Lines with a mark (rare) take the second pass with the look past marks; the rest do without it.
        if any & ~evenBits != 0 {
            guard attachMarks(p, full, t, map: map) else { return -1 }
            return runs(p, count, full, t, map: map, start: start, into: out, marks: true)
        }
        return runs(p, count, full, t, map: map, start: start, into: out, marks: false)
    }

    /// The scanner's second pass: the words of a line from its map (see `scan`), written at `out`; their
    /// count. With `marks`, a word may end in marks (the status is the letter's or digit's before them).
    /// Inlined at each of its two calls, so the look past marks costs nothing on lines without one.
    @inline(__always)
    private static func runs(
        _ p: UnsafePointer<UInt16>, _ count: Int, _ full: Int, _ t: UnsafeBufferPointer<Class>,
        map: UnsafeMutablePointer<UInt64>, start: Int, into out: UnsafeMutablePointer<Document.Word>, marks: Bool
    ) -> Int {
        // Offsets in the text, not in the line: the words' ranges need no addition.
        let text = p - start
        let end = start &+ count
        @inline(__always) func cls(_ i: Int) -> Class { t[Int(text[i])] }
        // The next word's place (a pointer rather than a count: one register fewer in the loop).
        var o = out
        // The start of the word being read, -1 between words.
        var open = -1
        // 1 when the unit before the current map word is a letter or digit, or when a word joined
        // across the one ending the previous map word: no word starts at the current one's first unit.
        var carry: UInt64 = 0
        for w in 0...full {
            let a = map[w]
            let before = a << 2 | carry
            // A start is a letter or digit after another unit; an end, another unit (or the line's
            // end) after a letter or digit.
            var starts = a & ~before
            var ends = ~a & evenBits & before
            carry = a >> 62
            let base = start &+ w << 5
            while true {
                if open < 0 {
                    if starts == 0 { break }
                    open = base &+ starts.trailingZeroBitCount >> 1
                    starts &= starts &- 1
                }
                if ends == 0 { break }
                let e = base &+ ends.trailingZeroBitCount >> 1
                ends &= ends &- 1
                var last = cls(e &- 1)
                // A mark inside a word is the letter's or digit's before it (WB4).
                if marks && last == .mark {
                    var j = e &- 2
                    while cls(j) == .mark { j &-= 1 }
                    last = cls(j)
                }
                // WB6/7: letters across one `.` `'` `’` `·`; WB11/12: digits across one `.` `,` `;` `'`.
                if e &+ 1 < end {
                    let d = cls(e)
                    if d.rawValue &- Class.midNumLet.rawValue < 3 {
                        let next = cls(e &+ 1)
                        if last == .letter && d != .midNum && next == .letter
                            || last == .digit && d != .midLetter && next == .digit
                        {
                            // The run from e + 1 goes on with this word: its start is dropped.
                            if (e &+ 1 &- start) & 31 != 0 { starts &= starts &- 1 } else { carry = 1 }
                            continue
                        }
                    }
                }
                let range = Range(uncheckedBounds: (open, e))
                o.initialize(to: Document.Word(range: range, status: last == .letter ? letter : number))
                o += 1
                open = -1
            }
        }
        return o - out
    }

    /// Gives each mark of a line's map (value 3) the value of the unit before it and returns true, or
    /// returns false when the line holds a unit the scanner does not handle (value 2) or a mark whose
    /// place it does not decide.
    ///
    /// WB4 makes Extend and Format units part of the unit before them: after a letter or digit (or a mark
    /// that is already part of one) a mark continues the word (1); after a space, other punctuation or at
    /// the line's start it belongs to no word (0). After a MidLetter, MidNum or MidNumLet unit ICU may join
    /// the words either side across it (WB6/7, WB11/12 skip marks), which the run joining does not read:
    /// such a line goes to ICU.
    static func attachMarks(
        _ p: UnsafePointer<UInt16>, _ full: Int, _ t: UnsafeBufferPointer<Class>, map: UnsafeMutablePointer<UInt64>
    ) -> Bool {
        for w in 0...full {
            var a = map[w]
            var marks = a >> 1 & evenBits
            if marks & ~a != 0 { return false }
            while marks != 0 {
                let k = marks.trailingZeroBitCount
                marks &= marks &- 1
                let i = w << 5 | k >> 1
                let before: UInt64 = i == 0 ? 0 : (k == 0 ? map[w - 1] >> 62 : a >> UInt64(k - 2) & 3)
                if before == 1 {
                    a &= ~(2 << UInt64(k))
                    continue
                }
                var j = i - 1
                while j >= 0 && t[Int(p[j])] == .mark { j -= 1 }
                if j >= 0 && t[Int(p[j])].rawValue &- Class.midNumLet.rawValue < 3 { return false }
                a &= ~(3 << UInt64(k))
            }
            map[w] = a
        }
        return true
    }

    /// ICU's words of one line, or of consecutive lines with their terminators.
    static func icu(_ u: UnsafeBufferPointer<UInt16>, _ line: Range<Int>, locale: String, into out: inout [Document.Word]) {
        let slice = UnsafeBufferPointer(rebasing: u[line])
        let b = (try? Segmenter.boundaries(.word, locale: locale, in: slice)) ?? []
        let base = line.lowerBound
        for k in 1..<max(b.count, 1) where b[k].status >= 100 {
            out.append(Document.Word(range: (base + b[k - 1].offset)..<(base + b[k].offset), status: b[k].status))
        }
    }
}
