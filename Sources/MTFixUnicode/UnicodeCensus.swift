import MTFixCore

/// Which kinds of characters a snapshot holds, line by line: one table look-up per UTF-16 unit, made
/// once per snapshot and shared by every Unicode detector, so each skips the lines (or the document)
/// without a character it looks for.
struct UnicodeCensus {
    /// Coarse classes of UTF-16 units; every unit is in exactly one (NEL in two: C1 and line separator),
    /// so the classes of what a detector looks for name no more lines than need be; `nfcSuspect` is a flag
    /// besides.
    struct Classes: OptionSet {
        let rawValue: UInt32
        static let c0 = Classes(rawValue: 1 << 0)  // C0 controls but tab, LF, CR; and DEL
        static let cr = Classes(rawValue: 1 << 1)
        static let asciiLetter = Classes(rawValue: 1 << 2)
        static let digit = Classes(rawValue: 1 << 3)
        static let commaOrStop = Classes(rawValue: 1 << 4)
        static let ampersand = Classes(rawValue: 1 << 5)
        static let asciiOther = Classes(rawValue: 1 << 6)  // the rest of ASCII, with space, tab and LF
        static let c1 = Classes(rawValue: 1 << 7)
        static let latin1 = Classes(rawValue: 1 << 8)  // U+00A0–U+00FF
        static let latinExtended = Classes(rawValue: 1 << 9)  // U+0100–U+024F, U+1E00–U+1EFF
        static let combining = Classes(rawValue: 1 << 10)  // U+0300–U+036F
        static let greek = Classes(rawValue: 1 << 11)
        static let cyrillic = Classes(rawValue: 1 << 12)
        static let otherAlphabets = Classes(rawValue: 1 << 13)  // the rest below U+2000
        static let format = Classes(rawValue: 1 << 14)  // zero-width and other invisible format characters
        static let bidi = Classes(rawValue: 1 << 15)  // embeddings, overrides, isolates
        static let lineSeparator = Classes(rawValue: 1 << 16)  // U+2028, U+2029, NEL
        static let punctuation = Classes(rawValue: 1 << 17)  // the rest of U+2000–U+206F
        static let symbols = Classes(rawValue: 1 << 18)  // U+2070–U+2FFF
        static let cjkPunctuation = Classes(rawValue: 1 << 19)  // U+3000–U+303F
        static let kana = Classes(rawValue: 1 << 20)
        static let han = Classes(rawValue: 1 << 21)
        static let otherBMP = Classes(rawValue: 1 << 22)  // the rest of U+3100–U+F8FF
        static let surrogate = Classes(rawValue: 1 << 23)
        static let presentation = Classes(rawValue: 1 << 24)  // U+FB00–U+FE6F
        static let fullwidthForms = Classes(rawValue: 1 << 25)  // U+FF00–U+FF60
        static let halfwidthForms = Classes(rawValue: 1 << 26)  // U+FF61–U+FFEF
        static let specials = Classes(rawValue: 1 << 27)  // U+FE70–U+FEFE, U+FFF0–U+FFFF

        /// Not a class but a flag on top of a unit's class: the unit may leave a text out of NFC
        /// (`NormalizationDetector.nfcSuspects`). The census is made for every document anyway, so the
        /// NFC screen costs no pass of its own.
        static let nfcSuspect = Classes(rawValue: 1 << 28)

        /// Letters the confusable detector counts as Latin.
        static let latinLetters: Classes = [.asciiLetter, .latin1, .latinExtended]
    }

    /// Classes present in each line of the document (its terminator excluded).
    let lines: [Classes]
    /// Classes present anywhere, line terminators included.
    let all: Classes

    /// The document's census, made once per snapshot for all the Unicode detectors.
    /// (An engine pass's output takes the classes of its unchanged lines from the previous snapshot's
    /// census, when that was made.)
    static func of(_ document: Document) -> UnicodeCensus {
        document.memoized(memoKey) {
            if let inheritance = document.lineInheritance, let old = inheritance.previous.memoizedValue(memoKey) {
                return UnicodeCensus(document, inheriting: old, inheritance)
            }
            return UnicodeCensus(document)
        }
    }

    private static let memoKey = MemoKey<UnicodeCensus>()

    init(_ document: Document) {
        let u = document.utf16
        let lines = document.lines
        var masks = [Classes](repeating: [], count: lines.count)
        var all: UInt32 = 0
        UnicodeCensus.table.withUnsafeBufferPointer { table in
            u.withUnsafeBufferPointer { units in
                var previousEnd = 0
                for (k, line) in lines.enumerated() {
                    // A terminator's CR (of CRLF) is in no line but is in the document.
                    for i in previousEnd..<line.lowerBound { all |= table[Int(units[i])] }
                    var m: UInt32 = 0
                    for i in line { m |= table[Int(units[i])] }
                    masks[k] = Classes(rawValue: m)
                    all |= m
                    previousEnd = line.upperBound
                }
                for i in previousEnd..<units.count { all |= table[Int(units[i])] }
            }
        }
        self.lines = masks
        self.all = Classes(rawValue: all)
    }

    /// The census of `document`, an engine pass's output, from `old`, the census of the snapshot before
    /// it: an unchanged line holds the units it held (see `LineInheritance`), so its classes are the old
    /// ones; the lines an edit reached and the line ends between lines are looked at again.
    private init(_ document: Document, inheriting old: UnicodeCensus, _ inheritance: LineInheritance) {
        let u = document.utf16
        let lines = document.lines
        let shifts = inheritance.shifts
        let oldLines = inheritance.previous.lines
        var masks = [Classes](repeating: [], count: lines.count)
        var all: UInt32 = 0
        // The old line an unchanged line was: old lines are in order, so found by moving forward.
        var k = 0
        UnicodeCensus.table.withUnsafeBufferPointer { table in
            u.withUnsafeBufferPointer { units in
                var previousEnd = 0
                for (i, line) in lines.enumerated() {
                    for j in previousEnd..<line.lowerBound { all |= table[Int(units[j])] }
                    previousEnd = line.upperBound
                    if let shift = shifts[i] {
                        let start = line.lowerBound - shift
                        while k < oldLines.count && oldLines[k].lowerBound < start { k += 1 }
                        if k < oldLines.count && oldLines[k] == start..<(line.upperBound - shift) {
                            masks[i] = old.lines[k]
                            all |= old.lines[k].rawValue
                            continue
                        }
                    }
                    var m: UInt32 = 0
                    for j in line { m |= table[Int(units[j])] }
                    masks[i] = Classes(rawValue: m)
                    all |= m
                }
                for j in previousEnd..<units.count { all |= table[Int(units[j])] }
            }
        }
        self.lines = masks
        self.all = Classes(rawValue: all)
    }

    /// Whether a line holds one of `classes`.
    @inline(__always)
    func line(_ k: Int, has classes: Classes) -> Bool { !lines[k].isDisjoint(with: classes) }

    /// The lines of `document` (this census's) holding a character of `classes`; none at once when
    /// the document holds none. Every detector's scan starts here.
    func lines(of document: Document, having classes: Classes) -> [Range<Int>] {
        guard !all.isDisjoint(with: classes) else { return [] }
        // One pass into one allocation: filtering the indices, then mapping them, grew one array from
        // empty and built a second, for every detector on every document with such a character.
        let lines = document.lines
        var out: [Range<Int>] = []
        out.reserveCapacity(lines.count)
        for k in lines.indices where line(k, has: classes) { out.append(lines[k]) }
        return out
    }

    /// The findings `scan` reports on each line of `document` holding a character of `classes`.
    static func scan(
        _ document: Document, having classes: Classes,
        _ scan: (_ units: [UInt16], _ line: Range<Int>, _ out: inout [Finding]) -> Void
    ) -> [Finding] {
        let u = document.utf16
        var out: [Finding] = []
        // The lines are visited in place, without the array `lines(of:having:)` builds.
        let census = of(document)
        guard !census.all.isDisjoint(with: classes) else { return out }
        let lines = document.lines
        for k in lines.indices where census.line(k, has: classes) { scan(u, lines[k], &out) }
        return out
    }

    /// The classes of any of `units` (what a detector looks for, as a census mask; without the NFC flag,
    /// which would name every line with a suspect unit).
    static func classes<S: Sequence>(ofAny units: S) -> Classes where S.Element == UInt16 {
        var m: UInt32 = 0
        for c in units { m |= table[Int(c)] }
        return Classes(rawValue: m).subtracting(.nfcSuspect)
    }

    static func classes(ofRange range: ClosedRange<UInt16>) -> Classes { classes(ofAny: range) }

    /// `classify` of every BMP unit, filled run by run: asked once per stretch between `runStarts` (a
    /// switch of some thirty ranges per unit was 9M instructions at every start), with the `nfcSuspect`
    /// flag on the units `NormalizationDetector.nfcSuspects` marks. `UnicodeCensusTableTests` checks every
    /// unit against `classify` and the suspects, so a range added there without its start here fails it.
    static let table: [UInt32] = [UInt32](unsafeUninitializedCapacity: 0x10000) { t, n in
        var start = 0
        for end in runStarts.dropFirst() + [0x10000] {
            let v = classify(UInt16(start)).rawValue
            for u in start..<end { t[u] = v }
            start = end
        }
        for (k, word) in NormalizationDetector.nfcSuspects.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                t[k << 6 | bits.trailingZeroBitCount] |= Classes.nfcSuspect.rawValue
                bits &= bits - 1
            }
        }
        n = 0x10000
    }

    /// Units where `classify` may change its answer: the first unit of each of its ranges and the unit
    /// after each, ascending.
    static let runStarts: [Int] = [
        0x00, 0x09, 0x0B, 0x0D, 0x0E, 0x20, 0x21, 0x26, 0x27, 0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x3A, 0x41, 0x5B, 0x61,
        0x7B, 0x7F, 0x80, 0x85, 0x86, 0xA0, 0xAD, 0xAE, 0x100, 0x250, 0x300, 0x370, 0x400, 0x500, 0x61C, 0x61D,
        0x180E, 0x180F, 0x1E00, 0x1F00, 0x2000, 0x200B, 0x2010, 0x2028, 0x202A, 0x202F, 0x2060, 0x2065, 0x2066,
        0x206A, 0x2070, 0x3000, 0x3040, 0x3100, 0x31F0, 0x3200, 0x3400, 0x4DC0, 0x4E00, 0xA000, 0xD800, 0xE000,
        0xF900, 0xFB00, 0xFE70, 0xFEFF, 0xFF00, 0xFF61, 0xFFF0,
    ]

    static func classify(_ c: UInt16) -> Classes {
        switch c {
        case 0x0D: return .cr
        case 0x09, 0x0A, 0x20: return .asciiOther
        case 0x00..<0x20, 0x7F: return .c0
        case 0x41...0x5A, 0x61...0x7A: return .asciiLetter
        case 0x30...0x39: return .digit
        case 0x2C, 0x2E: return .commaOrStop
        case 0x26: return .ampersand
        case 0x21..<0x7F: return .asciiOther
        case 0x85: return [.c1, .lineSeparator]
        case 0x80...0x9F: return .c1
        case 0xAD: return .format
        case 0xA0...0xFF: return .latin1
        case 0x100...0x24F, 0x1E00...0x1EFF: return .latinExtended
        case 0x300...0x36F: return .combining
        case 0x370...0x3FF: return .greek
        case 0x400...0x4FF: return .cyrillic
        case 0x61C, 0x180E: return .format
        case 0x250..<0x2000: return .otherAlphabets
        case 0x200B...0x200F, 0x2060...0x2064: return .format
        case 0x202A...0x202E, 0x2066...0x2069: return .bidi
        case 0x2028, 0x2029: return .lineSeparator
        case 0x2000...0x206F: return .punctuation
        case 0x2070..<0x3000: return .symbols
        case 0x3000...0x303F: return .cjkPunctuation
        case 0x3040...0x30FF, 0x31F0...0x31FF: return .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return .han
        case 0xD800...0xDFFF: return .surrogate
        case 0x3100..<0xFB00: return .otherBMP
        case 0xFEFF: return .format
        case 0xFB00...0xFE6F: return .presentation
        case 0xFF00...0xFF60: return .fullwidthForms
        case 0xFF61...0xFFEF: return .halfwidthForms
        default: return .specials
        }
    }
}
