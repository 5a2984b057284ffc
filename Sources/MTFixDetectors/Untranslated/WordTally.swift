/// What the words of a stretch of cased text (Latin, Cyrillic) say about its language: how many words,
/// how many start lowercase, and how many are function words of each language profile. A word listed
/// by several profiles (`in`: English and German; `la`: French and Spanish) counts for none of them,
/// so that a language's hits are evidence for it alone.
struct WordTally {
    var words = 0
    var lowercase = 0
    /// Function-word hits per profile index (`LanguageWords.maxProfiles` lanes).
    var hits = SIMD8<Int32>(repeating: 0)
    /// A URL, an e-mail address or a file path: not prose, whatever its words.
    var looksLikeCode = false

    init() {}

    /// Tallies the words of `u[range]`; with `quoted`, only the units whose flag (line-relative, from
    /// `lineStart`) equals `inside`. One pass: each word is hashed while it is read, and looked up only
    /// when short enough to be a function word.
    init(_ u: [UInt16], _ range: Range<Int>, _ words: LanguageWords, quoted: [Bool]? = nil, lineStart: Int = 0, inside: Bool = false) {
        let longest = words.longest
        u.withUnsafeBufferPointer { p in
            var i = range.lowerBound
            let end = range.upperBound
            // Whether the next word starts a sentence (or a quotation): only there may a capitalised
            // function word count; elsewhere it opens a name (`The Guardian`, `Die Zeit`, `Las Vegas`).
            var opening = true
            while i < end {
                let c = p[i]
                if !NarrativeText.isLetter(c) {
                    if c == 0x40 || c == 0x5F || (c == 0x2F && i + 1 < end && p[i + 1] == 0x2F) { looksLikeCode = true }
                    if NarrativeText.isTerminator(c) || c == 0x3A || c == 0x22 || c == 0x201C || c == 0x201E || c == 0xAB || c == 0xBB
                        || c == 0x300C
                    {
                        opening = true
                    } else if !NarrativeText.isSpace(c) && !NarrativeText.isClosingQuote(c) && c != 0x28 {
                        opening = false
                    }
                    i += 1
                    continue
                }
                let start = i
                // Cased scripts are all below U+2000: above, a property look-up would only say no.
                let lower = c < 0x2000 && NarrativeText.isLower(c)
                var h = LanguageWords.basis
                while i < end {
                    let d = p[i]
                    if NarrativeText.isLetter(d) || NarrativeText.isDigit(d) {
                        if i - start < longest {
                            h = LanguageWords.step(h, d < 0x80 ? (d >= 0x41 && d <= 0x5A ? d + 0x20 : d) : d < 0x2000 ? NarrativeText.lower(d) : d)
                        }
                        i += 1
                    } else if (d == 0x27 || d == 0x2019 || d == 0x2D) && i + 1 < end && NarrativeText.isLetter(p[i + 1]) {
                        if i - start < longest { h = LanguageWords.step(h, d) }
                        i += 1
                    } else {
                        break
                    }
                }
                let first = opening
                opening = false
                if let quoted, quoted[start - lineStart] != inside { continue }
                self.words += 1
                if lower { lowercase += 1 }
                guard (lower || first) && i - start <= longest else { continue }
                let mask = words.languages(hash: h == 0 ? 1 : h)
                // Exactly one profile lists the word.
                if mask != 0 && mask & (mask - 1) == 0 { hits[mask.trailingZeroBitCount] += 1 }
            }
        }
    }

    static func + (a: WordTally, b: WordTally) -> WordTally {
        var t = a
        t.words += b.words
        t.lowercase += b.lowercase
        t.hits &+= b.hits
        t.looksLikeCode = a.looksLikeCode || b.looksLikeCode
        return t
    }

    /// The profile among `candidates` with the most hits (the first of equals), or nil when none has any.
    func best(among candidates: [Int]) -> Int? {
        var best: Int? = nil
        for k in candidates where hits[k] > 0 && (best == nil || hits[k] > hits[best!]) { best = k }
        return best
    }
}

/// Which units of a line lie inside a quotation or brackets: a quotation in the original language
/// (`„Wir schaffen das“, sagte sie`) or a gloss in brackets is not an untranslated run.
enum QuotedSpans {
    /// One flag per unit of `line` (the marks themselves count as inside). Marks that both open and
    /// close (`"`, `“` in German and English use, guillemets pointing either way) toggle.
    static func flags(_ u: [UInt16], _ line: Range<Int>) -> [Bool] {
        var out = [Bool](repeating: false, count: line.count)
        var depth = 0
        var toggled = false
        for i in line {
            let c = u[i]
            switch c {
            case 0x201E, 0x300C, 0x300E, 0x28, 0xFF08, 0x300A, 0x3008, 0x5B:  // „ 「 『 ( （ 《 〈 [
                depth += 1
                out[i - line.lowerBound] = true
            case 0x201D, 0x300D, 0x300F, 0x29, 0xFF09, 0x300B, 0x3009, 0x5D:  // ” 」 』 ) ） 》 〉 ]
                out[i - line.lowerBound] = true
                if toggled && c == 0x201D { toggled = false } else { depth = max(0, depth - 1) }
            case 0x22, 0x201C, 0xAB, 0xBB:  // " “ « »
                out[i - line.lowerBound] = true
                if c == 0x201C && depth > 0 && !toggled {
                    depth -= 1  // „…“ closes
                } else {
                    toggled.toggle()
                }
            default:
                out[i - line.lowerBound] = depth > 0 || toggled
            }
        }
        return out
    }
}
