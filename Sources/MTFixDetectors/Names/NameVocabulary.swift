import MTFixCore

/// Words of a name scan as text: the lowercase vocabulary, and short words built as strings quickly.
extension NameMentions {
    /// Which of `words` (already lowercased) are written in lowercase somewhere in the document: a letter
    /// word starting with a lowercase letter (and no elided article, see `collectCased`), or `lowercaseOther`.
    func writtenLowercase(among words: Set<String>, options: NameOptions) -> Set<String> {
        guard !words.isEmpty else { return [] }
        // Candidates by length and last bits of their first unit, as a bit set: nearly every word of the
        // text is ruled out by one bit test, without hashing it.
        var slots = [UInt64](repeating: 0, count: 64)
        var byLength: [Int: [(String, [UInt16])]] = [:]
        func slot(_ count: Int, _ first: UInt16) -> Int { (count & 63) << 6 | Int(first & 63) }
        for w in words {
            let wu = Array(w.utf16)
            guard let first = wu.first else { continue }
            byLength[wu.count, default: []].append((w, wu))
            let s = slot(wu.count, first)
            slots[s >> 6] |= 1 << UInt64(s & 63)
        }
        var out: Set<String> = []
        func check<C: Collection>(_ c: C, count: Int) where C.Element == UInt16 {
            guard let first = c.first else { return }
            let s = slot(count, first)
            guard slots[s >> 6] & (1 << UInt64(s & 63)) != 0, let list = byLength[count] else { return }
            for (w, wu) in list where !out.contains(w) && c.elementsEqual(wu) { out.insert(w) }
        }
        let units = doc.utf16
        for w in doc.words where w.status >= 200 && w.status < 300 {
            let r = w.range
            let lead = units[r.lowerBound]
            // The bit test first: it rules out nearly every word before its case is looked at.
            let s = slot(r.count, lead)
            guard slots[s >> 6] & (1 << UInt64(s & 63)) != 0 else { continue }
            if (lead >= 0x61 && lead <= 0x7A) || (lead >= 0x80 && UnitProperties.isLowercase(lead) && !options.mayElide(units, r)) {
                check(units[r], count: r.count)
            }
        }
        for o in lowercaseOther { check(o, count: o.count) }
        return out
    }

    /// The word as a string when it is all ASCII (built without transcoding), else nil.
    static func asciiWord(_ u: [UInt16], _ range: Range<Int>) -> String? {
        for i in range where u[i] >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: range.count) { buf in
            for (k, i) in range.enumerated() { buf[k] = UInt8(truncatingIfNeeded: u[i]) }
            return range.count
        }
    }

    /// The units at `range` as a string, through the contiguous transcoder (the standard library's UTF-16
    /// path is much slower for short non-ASCII strings).
    static func word(_ u: [UInt16], _ range: Range<Int>) -> String { Document.string(of: u[range]) }
}
