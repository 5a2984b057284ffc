import MTFixCore

/// The tag or keyword line that scraping leaves above a caption (`Kazakhstan United States Central Asia`,
/// `熊本 菊陽町 ノースブリッジ`, `中俄外长会谈`).
extension CaptionDetector {
    /// A short keyword line (`Kazakhstan United States Central Asia`, `熊本 菊陽町 ノースブリッジ`).
    func isTag(_ u: [UInt16], _ line: Range<Int>) -> Bool {
        let t = NarrativeText.trimmed(u, line)
        guard let lastChar = t.last, let firstChar = t.first else { return false }
        if t.contains(where: { NarrativeText.isTerminator(u[$0]) || u[$0] == 0x3A || u[$0] == 0x2C || u[$0] == 0x3001 }) {
            return false
        }
        if NarrativeText.isClosingQuote(u[lastChar]) { return false }
        if NarrativeText.isMostlyCJK(u, t) { return t.count <= maxTagCJKChars && t.contains { u[$0] == 0x20 || u[$0] == 0x3000 } }
        return NarrativeText.isUpper(u[firstChar]) && NarrativeText.wordCount(u, t, limit: maxTagWords + 1) <= maxTagWords
    }

    /// A short CJK line without spaces, punctuation or quotes (`中俄外长会谈`): a photo's title line, or a
    /// heading. Taken (see `check`) only as the first line of a paragraph whose next line is a caption
    /// with a photo credit or opener, never for a bare agency credit, and only where the rule's language
    /// sets `max_unspaced_tag_cjk_chars`.
    func isUnspacedTag(_ u: [UInt16], _ line: Range<Int>) -> Bool {
        guard maxUnspacedTagCJKChars > 0 else { return false }
        let t = NarrativeText.trimmed(u, line)
        guard !t.isEmpty, t.count <= maxUnspacedTagCJKChars, NarrativeText.isMostlyCJK(u, t) else { return false }
        // Only ideographs, kana and letters: a bracket, digit or mark of any kind makes it something else.
        return t.allSatisfy { i in
            let c = u[i]
            return (c >= 0x3040 && c <= 0x30FF && c != 0x30FB) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
                || (c < 0x80 && NarrativeText.isLetter(c))
        }
    }
}
