import MTFixICU

extension Document {
    /// ICU locale for sentence breaking: the language with CLDR's abbreviation suppressions on.
    static func sentenceLocale(_ language: String) -> String {
        ["en", "de", "fr", "es", "it", "pt", "ru"].contains(language) ? "\(language)@ss=standard" : language
    }

    /// Sentences: ICU's sentence breaks, trimmed, then merged where ICU is wrong for news copy.
    static func segmentSentences(_ units: [UInt16], lines: [Range<Int>], language: String) -> [Range<Int>] {
        let raw = (try? Segmenter.boundaries(.sentence, locale: sentenceLocale(language), in: units)) ?? []
        var out: [Range<Int>] = []
        out.reserveCapacity(raw.count)
        for k in 1..<max(raw.count, 1) {
            var lo = raw[k - 1].offset
            var hi = raw[k].offset
            while lo < hi && isSpace(units[lo]) { lo += 1 }
            while hi > lo && isSpace(units[hi - 1]) { hi -= 1 }
            if lo < hi { out.append(lo..<hi) }
        }
        return SentenceRepair.merge(out, units: units, language: language)
    }
}

/// Corrections to ICU sentence breaks that matter in news copy: initials (`John F. Kennedy`),
/// abbreviations before numbers (`p. 55`, `Nr. 5`), titles (`Prof. Müller`), list markers (`1.`),
/// and `?`/`!` inside a quote followed by a lowercase attribution (`“Why?” he asked.`).
enum SentenceRepair {
    static func merge(_ sentences: [Range<Int>], units: [UInt16], language: String) -> [Range<Int>] {
        guard sentences.count > 1 else { return sentences }
        let lists = AbbreviationLists.forLanguage(language)
        var out: [Range<Int>] = [sentences[0]]
        for s in sentences.dropFirst() {
            let prev = out[out.count - 1]
            if onSameLine(prev, s, units) && shouldJoin(prev, s, units, lists) {
                out[out.count - 1] = prev.lowerBound..<s.upperBound
            } else {
                out.append(s)
            }
        }
        return out
    }

    static func onSameLine(_ a: Range<Int>, _ b: Range<Int>, _ u: [UInt16]) -> Bool {
        for i in a.upperBound..<b.lowerBound where u[i] == 0x0A || u[i] == 0x0D || u[i] == 0x2029 || u[i] == 0x2028 {
            return false
        }
        return true
    }

    static func shouldJoin(_ a: Range<Int>, _ b: Range<Int>, _ u: [UInt16], _ lists: AbbreviationLists) -> Bool {
        guard let next = firstLetterOrDigit(b, u) else { return false }
        let nextIsLower = isLower(next)
        let nextIsDigit = next >= 0x30 && next <= 0x39
        let last = u[a.upperBound - 1]
        // `?` or `!` inside closing quotes, then a lowercase word: the attribution of the quote.
        // Without quotes, only when the lowercase part ends like a statement (`Stop! he yelled.`).
        if nextIsLower && endsWithQuotedStrongTerminator(a, u) { return true }
        if nextIsLower && endsWithStrongTerminator(a, u) && u[b.upperBound - 1] == 0x2E { return true }
        // The whole previous segment is a list marker (`1.`, `1.)`, `a.`, `• 9.`).
        if isListMarker(a, u) { return true }
        guard last == 0x2E else { return false }
        let token = lastToken(a, u)
        let tokenText = Transcode.string(token)
        if lists.alwaysJoin.contains(tokenText) { return true }
        if nextIsDigit && lists.beforeNumber.contains(tokenText) { return true }
        if lists.beforeLowercase.contains(tokenText) && (nextIsLower || nextIsDigit) { return true }
        // A lone lowercase letter with a dot is an abbreviation piece (`z. B.`, `u. a.`).
        if token.count == 2 && isLower(token.first!) { return true }
        // A capital initial after a capitalized word or another initial (`Jonas E. Smith`).
        if token.count == 2 && isUpper(token.first!) && !nextIsLower && !nextIsDigit {
            let before = tokenBefore(a.upperBound - token.count, a.lowerBound, u)
            if before.isEmpty || (isUpper(before.first!) && !(before.count == 1 && before.first! == 0x49 /* I */)) { return true }
        }
        // Ordinal dates in German: `am 12. Juni`.
        if token.count >= 2 && token.dropLast().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            if let word = firstWord(b, u), lists.afterOrdinal.contains(word) { return true }
        }
        // A dotted country acronym before a capitalized word that does not start sentences (`U.S. Army`).
        if lists.acronymsBeforeNames.contains(tokenText), !nextIsLower, !nextIsDigit,
            let word = firstWord(b, u), !lists.sentenceStarters.contains(word)
        {
            return true
        }
        return false
    }

    static func isLower(_ c: UInt16) -> Bool {
        guard let s = Unicode.Scalar(c) else { return false }
        return s.properties.isLowercase
    }

    static func isUpper(_ c: UInt16) -> Bool {
        guard let s = Unicode.Scalar(c) else { return false }
        return s.properties.isUppercase
    }

    static func isLetterOrDigit(_ c: UInt16) -> Bool {
        guard let s = Unicode.Scalar(c) else { return c >= 0xD800 && c < 0xDC00 }
        return s.properties.isAlphabetic || (c >= 0x30 && c <= 0x39)
    }

    static func firstLetterOrDigit(_ r: Range<Int>, _ u: [UInt16]) -> UInt16? {
        for i in r where isLetterOrDigit(u[i]) { return u[i] }
        return nil
    }

    static func firstWord(_ r: Range<Int>, _ u: [UInt16]) -> String? {
        var i = r.lowerBound
        while i < r.upperBound && !isLetterOrDigit(u[i]) { i += 1 }
        var j = i
        while j < r.upperBound && isLetterOrDigit(u[j]) { j += 1 }
        return i < j ? Transcode.string(u[i..<j]) : nil
    }

    static func endsWithStrongTerminator(_ r: Range<Int>, _ u: [UInt16]) -> Bool {
        let c = u[r.upperBound - 1]
        return c == 0x3F || c == 0x21
    }

    static func endsWithQuotedStrongTerminator(_ r: Range<Int>, _ u: [UInt16]) -> Bool {
        var i = r.upperBound - 1
        while i > r.lowerBound && closers.contains(u[i]) { i -= 1 }
        return i < r.upperBound - 1 && (u[i] == 0x3F || u[i] == 0x21 || u[i] == 0x2026)
    }

    static let closers: Set<UInt16> = [0x22, 0x27, 0x29, 0x5D, 0x201D, 0x2019, 0xBB, 0x203A, 0x201C, 0x300D, 0x300F]

    /// The run of non-space characters ending the segment (`U.S.`, `Prof.`, `12.`), without opening quotes or brackets.
    static func lastToken(_ r: Range<Int>, _ u: [UInt16]) -> ArraySlice<UInt16> {
        var i = r.upperBound
        while i > r.lowerBound && !Document.isSpace(u[i - 1]) && !openers.contains(u[i - 1]) { i -= 1 }
        return u[i..<r.upperBound]
    }

    static let openers: Set<UInt16> = [0x28, 0x5B, 0x22, 0x201C, 0x201E, 0xAB, 0x2018, 0x300C]

    static func tokenBefore(_ end: Int, _ start: Int, _ u: [UInt16]) -> ArraySlice<UInt16> {
        var e = end
        while e > start && Document.isSpace(u[e - 1]) { e -= 1 }
        var i = e
        while i > start && isLetterOrDigit(u[i - 1]) { i -= 1 }
        return u[i..<e]
    }

    static func isListMarker(_ r: Range<Int>, _ u: [UInt16]) -> Bool {
        var letters = 0
        var digits = 0
        for i in r {
            let c = u[i]
            if c >= 0x30 && c <= 0x39 { digits += 1 } else if isLetterOrDigit(c) { letters += 1 } else if !(c == 0x2E || c == 0x29 || Document.isSpace(c) || c == 0x2022 || c == 0x2043 || c == 0x2D || c == 0x2A) {
                return false
            }
            // Already too long for a marker: stop before scanning the whole sentence.
            if letters > 1 || digits > 3 { return false }
        }
        return (digits > 0 && digits <= 3 && letters == 0) || (digits == 0 && letters == 1)
    }
}
