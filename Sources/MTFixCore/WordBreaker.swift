import MTFixICU

/// Word segmentation with ICU's results, cheaper: lines of plain Latin or Cyrillic copy are split by a
/// small scanner that implements the word-break rules those characters can meet, and every other line
/// goes to ICU's word break iterator.
///
/// ICU's word iterator was a tenth of a full run and most copy holds nothing but letters, digits,
/// spaces and common punctuation. The scanner knows the word-break class of about 1,400 code units
/// (ASCII, Latin-1, Latin Extended-A/B, Cyrillic, general punctuation, currency signs); a line with any
/// other unit (a combining mark, a soft hyphen, an underscore, CJK, a control character, …) goes to ICU
/// whole, so no rule's context is ever guessed. Word breaks never cross a line (UAX #29 WB3a/b), so line
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
        t[0xAD] = .none  // Format (soft hyphen): left to ICU.
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
        return t
    }()

    /// Per UTF-16 unit, what the scanner's first pass reads: 1 for a letter or digit (ALetter, Numeric),
    /// 2 for a unit it does not handle, 0 for the rest.
    static let bits: [UInt8] = table.map { $0 == .none ? 2 : ($0 == .letter || $0 == .digit ? 1 : 0) }

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
        if any & ~evenBits != 0 { return -1 }

        @inline(__always) func cls(_ i: Int) -> Class { t[Int(p[i])] }
        var n = 0
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
            let base = w << 5
            while true {
                if open < 0 {
                    if starts == 0 { break }
                    open = base &+ starts.trailingZeroBitCount >> 1
                    starts &= starts &- 1
                }
                if ends == 0 { break }
                let e = base &+ ends.trailingZeroBitCount >> 1
                ends &= ends &- 1
                let last = cls(e &- 1)
                // WB6/7: letters across one `.` `'` `’` `·`; WB11/12: digits across one `.` `,` `;` `'`.
                if e &+ 1 < count {
                    let d = cls(e)
                    if d.rawValue &- Class.midNumLet.rawValue < 3 {
                        let next = cls(e &+ 1)
                        if last == .letter && d != .midNum && next == .letter
                            || last == .digit && d != .midLetter && next == .digit
                        {
                            // The run from e + 1 goes on with this word: its start is dropped.
                            if (e &+ 1) & 31 != 0 { starts &= starts &- 1 } else { carry = 1 }
                            continue
                        }
                    }
                }
                let range = Range(uncheckedBounds: (start &+ open, start &+ e))
                (out + n).initialize(to: Document.Word(range: range, status: last == .letter ? letter : number))
                n &+= 1
                open = -1
            }
        }
        return n
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
