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
        // Counted per document: a count per line cost the profile more than the scan it counted.
        var scanned = 0
        var left = 0
        units.withUnsafeBufferPointer { u in
            table.withUnsafeBufferPointer { t in
                // Consecutive lines the scanner leaves (a Korean or Persian article is all such lines) go
                // to ICU in one call: its words never cross the line terminators between them (WB3a/b),
                // and a call per line cost more than the segmentation of a short line.
                var pending: Range<Int>?
                for line in lines where !line.isEmpty {
                    let n = scan(u, line, t, into: scratch)
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

    /// Splits `line` into words written at `out` and returns their count when every unit has a class;
    /// -1 otherwise. `out` has room for `(line.count + 1) / 2` words.
    static func scan(
        _ u: UnsafeBufferPointer<UInt16>, _ line: Range<Int>, _ t: UnsafeBufferPointer<Class>,
        into out: UnsafeMutablePointer<Document.Word>
    ) -> Int {
        let end = line.upperBound
        var n = 0
        @inline(__always) func cls(_ i: Int) -> Class { t[Int(u[i])] }
        @inline(__always) func isAlnum(_ c: Class) -> UInt8 { c.rawValue &- 1 < 2 ? 1 : 0 }
        var i = line.lowerBound
        while i < end {
            let c = cls(i)
            if isAlnum(c) == 0 {
                // Spaces and punctuation are segments of their own (a run of spaces is one), never words,
                // and never join the units around them: each is passed alone.
                if c == .none { return -1 }
                i += 1
                continue
            }
            // Unit j - 1 is always a letter or a digit here: the word's last one so far.
            var j = i + 1
            while j < end {
                // The class of unit j, the first that is not a letter or digit.
                let dr: UInt8
                if j + 8 <= end {
                    // Eight units at a time: the run of letters and digits ends at the first zero bit of a
                    // mask, instead of a branch per unit (mispredicted at every word's end). The classes are
                    // kept, so the one ending the run is not looked up again.
                    var mask: UInt32 = 0
                    var classes: UInt64 = 0
                    for k in 0..<8 {
                        let c = cls(j + k)
                        mask |= UInt32(isAlnum(c)) << UInt32(k)
                        classes |= UInt64(c.rawValue) << UInt64(8 * k)
                    }
                    let run = (~mask).trailingZeroBitCount
                    j += run
                    if run == 8 { continue }
                    dr = UInt8(truncatingIfNeeded: classes >> UInt64(8 * run))
                } else {
                    let c = cls(j)
                    dr = c.rawValue
                    if isAlnum(c) != 0 {
                        j += 1
                        continue
                    }
                }
                // A space or other punctuation ends the word (the common case, tested first).
                if dr >= Class.space.rawValue { break }
                if dr == Class.none.rawValue { return -1 }
                let d = Class(rawValue: dr) ?? .none
                // WB6/7: letters across one `.` `'` `’` `·`; WB11/12: digits across one `.` `,` `;` `'`.
                guard j + 1 < end else { break }
                let last = cls(j - 1)
                let next = cls(j + 1)
                if last == .letter && (d == .midLetter || d == .midNumLet) && next == .letter
                    || last == .digit && (d == .midNum || d == .midNumLet) && next == .digit
                {
                    j += 2
                    continue
                }
                break
            }
            let status = cls(j - 1) == .letter ? letter : number
            (out + n).initialize(to: Document.Word(range: i..<j, status: status))
            n += 1
            // Unit j (if any) is not a letter or digit and was checked not to be unknown: pass it too.
            i = j + 1
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
