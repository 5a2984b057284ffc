import MTFixCore
import MTFixICU

/// Lint: text in a Unicode form that breaks search and matching. Format, by `mode`:
/// `nfc` composes decomposed accents (`e` + U+0301 → `é`) word by word; `compat` applies NFKC to runs
/// of the listed compatibility characters only (half-width katakana `ｱﾒﾘｶ` → `アメリカ`, ligatures
/// `ﬁ` → `fi`). A whole document is never NFKC-normalized: that would also rewrite full-width digits,
/// superscripts and other characters that are meant.
public struct NormalizationDetector: Rule {
    public let descriptor: RuleDescriptor
    let mode: String
    /// For `compat`: inclusive code-unit ranges to normalize with NFKC.
    let ranges: [ClosedRange<UInt16>]
    /// For `compat`: the census classes of those ranges.
    let classes: UnicodeCensus.Classes
    /// For `compat`: a codec whose UTF-8 misreadings hold these characters (Shift_JIS: `縺ｪ` for な). A run
    /// right after a character that opens such a misreading is garbled text, which widening would make
    /// unrecoverable: it is left for `mojibake-cjk` (or a person) to decode.
    let garbledIn: CodecProfile?

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
        mode = options["mode"]?.string ?? "nfc"
        ranges = (options["ranges"]?.strings ?? []).compactMap { r in
            let parts = r.split(separator: "-").compactMap { UInt16($0, radix: 16) }
            guard let lo = parts.first, let hi = parts.last, lo <= hi else { return nil }
            return lo...hi
        }
        classes = ranges.reduce([]) { $0.union(UnicodeCensus.classes(ofRange: $1)) }
        garbledIn = options["skip_after_misread"]?.string.flatMap { try? CodecProfile(name: $0, commonLeads: []) }
    }

    /// Both modes work word by word or run by run, and neither crosses a line break.
    public var scope: RuleScope { .line }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        mode == "compat" ? compat(document) : nfc(document)
    }

    private func nfc(_ document: Document) -> [Finding] {
        let u = document.utf16
        // Most documents hold no character that could be out of NFC: the census (one table look-up per
        // unit, made for every document) flags any unit that could (the ICU quick check below was a cost
        // on every Cyrillic and CJK document, and a scan of its own 2% of a run).
        guard UnicodeCensus.of(document).all.contains(.nfcSuspect) else { return [] }
        let clean = cleanPrefix(u, from: 0)
        if clean == u.count { return [] }
        var out: [Finding] = []
        // Re-normalize only the words that hold something not in NFC: starting one word before the
        // first suspicious character keeps the combining mark with its base letter.
        var i = clean
        while i < u.count {
            var start = i
            while start > 0 && !isBreak(u[start - 1]) { start -= 1 }
            var end = i
            while end < u.count && !isBreak(u[end]) { end += 1 }
            if end == start { i += 1; continue }
            let edits = composedMarks(u, in: start..<end)
            if !edits.isEmpty {
                out.append(Finding(
                    rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                    safety: descriptor.safety, message: descriptor.message, range: start..<end, edits: edits))
            }
            // Skip to the next stretch that is not certainly normalized.
            i = max(cleanPrefix(u, from: end), end + 1)
        }
        return out
    }

    /// The edits that compose each combining mark of `word` with its base letter. Only a base and its marks
    /// are normalized, never the whole word: NFC also replaces singletons such as the CJK compatibility
    /// ideograph 神 U+FA19 (by U+795E), which are meant, and a Japanese "word" is a whole line.
    private func composedMarks(_ u: [UInt16], in word: Range<Int>) -> [Edit] {
        var edits: [Edit] = []
        var k = word.lowerBound
        while k < word.upperBound {
            guard NormalizationDetector.isMark(u[k]), k > word.lowerBound else { k += 1; continue }
            var base = k - 1
            if UTF16.isTrailSurrogate(u[base]) && base > word.lowerBound { base -= 1 }
            var end = k
            while end < word.upperBound && NormalizationDetector.isMark(u[end]) { end += 1 }
            let segment = Array(u[base..<end])
            let normalized = Normalizer.normalize(segment, .nfc)
            if normalized != segment && normalized.count < segment.count {
                edits.append(Edit(range: base..<end, replacement: Document.string(of: normalized[...])))
            }
            k = end
        }
        return edits
    }

    /// A nonspacing mark in the BMP (a decomposed accent, a kana voicing mark).
    static func isMark(_ c: UInt16) -> Bool {
        c >= 0x300 && (Unicode.Scalar(c).map { $0.properties.generalCategory == .nonspacingMark } ?? false)
    }

    /// One bit per BMP unit: set when the unit may leave a text out of NFC (a combining class other than
    /// 0, an NFC quick check other than yes, or a surrogate, whose scalar is not looked at). A text of
    /// units without the bit passes the quick check whole. Built on first use (about 65,000 property look-ups).
    static let nfcSuspects: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        // CJK ideographs (Extension A and unified), Hangul syllables and private use are composed
        // characters of class 0, never suspects (`NFCScreenTests` checks every unit): not looked up.
        let inert = [0x3400..<0x4DC0, 0x4E00..<0xA000, 0xAC00..<0xD7A4, 0xE000..<0xF900]
        for c in 0x300..<0x10000 where !inert.contains(where: { $0.contains(c) }) {
            let suspect: Bool
            if let s = Unicode.Scalar(UInt32(c)) {
                // The quick check of the unit alone, as its NFC_Quick_Check property (one look-up, not a
                // normalizer run per unit: that was a fifteenth of every start).
                suspect = s.properties.canonicalCombiningClass.rawValue != 0 || !Normalizer.isNFCQuickCheckYes(UInt32(c))
            } else {
                suspect = true
            }
            if suspect { bits[c >> 6] |= 1 << UInt64(c & 63) }
        }
        return bits
    }()

    /// End of the stretch from `start` that is certainly in NFC. Nothing below U+0300 changes under NFC
    /// or combines with what precedes it, so that part (all of most Latin text) is skipped without ICU.
    private func cleanPrefix(_ u: [UInt16], from start: Int) -> Int {
        var p = start
        while p < u.count && u[p] < 0x300 { p += 1 }
        if p == u.count { return p }
        return p + u[p...].withUnsafeBufferPointer { Normalizer.quickCheckPrefix($0, .nfc) }
    }

    private func compat(_ document: Document) -> [Finding] {
        let openers = garbledIn?.openerTable()
        return UnicodeCensus.scan(document, having: classes) { u, line, out in compat(u, line, openers, &out) }
    }

    private func compat(_ u: [UInt16], _ line: Range<Int>, _ openers: [UInt64]?, _ out: inout [Finding]) {
        var i = line.lowerBound
        while i < line.upperBound {
            guard u[i] >= 0x2000, inRanges(u[i]) else {
                i += 1
                continue
            }
            var end = i + 1
            while end < line.upperBound && inRanges(u[end]) { end += 1 }
            // (So does a lost byte, U+FFFD, before a run of one or two: misread bytes make single half-width
            // characters, while a word written in half-width katakana, `�ﾊﾟｰﾄﾅｰ`, is longer.)
            if let openers, i > line.lowerBound,
                (u[i - 1] == 0xFFFD && end - i <= 2) || (openers[Int(u[i - 1]) >> 6] >> UInt64(u[i - 1] & 63)) & 1 != 0
            {
                i = end
                continue
            }
            let normalized = Normalizer.normalize(Array(u[i..<end]), .nfkc)
            if normalized != Array(u[i..<end]) {
                out.append(Finding(descriptor: descriptor, range: i..<end, replacement: Document.string(of: normalized[...])))
            }
            i = end
        }
    }

    @inline(__always)
    private func inRanges(_ c: UInt16) -> Bool {
        for r in ranges where r.contains(c) { return true }
        return false
    }

    private func isBreak(_ c: UInt16) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
}
