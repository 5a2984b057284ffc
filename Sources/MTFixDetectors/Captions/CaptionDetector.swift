import MTFixCore
import MTFixICU
import MTFixRules

/// Lint: a photo caption pasted into the body: a line ending in a photo credit (`(AP Photo)`,
/// `(Foto: dpa)`, `（共同）`) or opening like one (`From left:`), with the tag/keyword line above it.
/// Format: remove the block and one blank line beside it; the removed text is kept in the evidence.
///
/// Credits are anchored at the end of the line, so datelines (`WASHINGTON (AP) —`) and closing
/// credits (`The Associated Press contributed to this report.`) never match.
struct CaptionDetector: Rule {
    let descriptor: RuleDescriptor
    /// One regular expression: any credit, anchored at the end of a line.
    let credit: ICURegex?
    /// Units every credit can end with (nil: unknown, always run `credit`); a handful, so an array.
    let creditEnds: [UInt16]?
    /// Line openings that mark a caption (`From left:`).
    let openers: [[UInt16]]
    let maxTagWords: Int
    let maxTagCJKChars: Int
    /// Words (or CJK characters) a caption line has before its credit.
    let minDescriptionWords: Int
    let minDescriptionCJKChars: Int

    init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        let credits = options["credits"]?.strings ?? []
        credit = credits.isEmpty ? nil : try ICURegex("(?:" + credits.joined(separator: "|") + ")\\s*$")
        let ends = credits.map(CreditEnding.finalUnits(of:))
        creditEnds = ends.contains { $0 == nil } ? nil : Array(ends.reduce(into: Set<UInt16>()) { $0.formUnion($1!) }).sorted()
        openers = (options["openers"]?.strings ?? []).map { Array($0.utf16) }
        maxTagWords = options.int("max_tag_words", default: 8)
        maxTagCJKChars = options.int("max_tag_cjk_chars", default: 30)
        minDescriptionWords = options.int("min_description_words", default: 5)
        minDescriptionCJKChars = options.int("min_description_cjk_chars", default: 8)
        if credit == nil && openers.isEmpty { throw ConfigError("give 'credits' or 'openers'") }
    }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        let lines = document.lines
        var out: [Finding] = []
        for p in document.paragraphs {
            var li = p.lineIndices.lowerBound
            while li < p.lineIndices.upperBound {
                defer { li += 1 }
                guard isCaption(u, lines[li]) else { continue }
                var first = li
                while first > p.lineIndices.lowerBound && isTag(u, lines[first - 1]) { first -= 1 }
                let removed = removal(document, first: first, last: li)
                let block = lines[first].lowerBound..<lines[li].upperBound
                out.append(
                    Finding(
                        descriptor: descriptor, range: block, replacement: nil,
                        evidence: ["removed": NarrativeText.string(u, removed)]
                    ).replacing(removed, descriptor: descriptor))
            }
        }
        return out
    }

    /// Longest credit looked for (UTF-16 units from the line end).
    static let creditReach = 240

    func isCaption(_ u: [UInt16], _ line: Range<Int>) -> Bool {
        let t = NarrativeText.trimmed(u, line)
        guard !t.isEmpty else { return false }
        // The first unit decides for nearly every line before a slice is compared.
        if openers.contains(where: { o in o.isEmpty || (u[t.lowerBound] == o[0] && u[t].starts(with: o)) }) { return true }
        // Credits are anchored at the line end and short: matching the line's tail keeps cost per line bounded.
        let tail = max(t.lowerBound, t.upperBound - CaptionDetector.creditReach)..<t.upperBound
        guard let credit else { return false }
        if let creditEnds {
            // Most lines end in a full stop, which ends no credit: skip the regular expression for them.
            var k = tail.upperBound
            while k > tail.lowerBound && CreditEnding.isTrailingSpace(u[k - 1]) { k -= 1 }
            guard k > tail.lowerBound, creditEnds.contains(u[k - 1]) else { return false }
        }
        guard let m = credit.firstMatch(in: Array(u[tail])) else { return false }
        // A caption describes a picture before its credit; a credit alone (`(Avec AFP)`) closes a story.
        let described = t.lowerBound..<(tail.lowerBound + m.range.lowerBound)
        if NarrativeText.isMostlyCJK(u, described) { return described.count >= minDescriptionCJKChars }
        return NarrativeText.wordCount(u, described, limit: minDescriptionWords) >= minDescriptionWords
    }

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

    /// The lines `first...last` with their terminators, plus one blank separator (after, else before) so
    /// the paragraphs around stay separated by exactly one blank line.
    func removal(_ d: Document, first: Int, last: Int) -> Range<Int> {
        let u = d.utf16
        let n = d.lines.count
        // A BOM opening the text belongs to the file, not to the caption.
        let start = d.lines[first].lowerBound == 0 && u.first == 0xFEFF ? 1 : d.lines[first].lowerBound
        if last + 1 < n && NarrativeText.isBlank(u, d.lines[last + 1]) {
            return start..<d.lineRangeWithTerminator(last + 1).upperBound
        }
        if first >= 1 && NarrativeText.isBlank(u, d.lines[first - 1]) {
            // At the end of the text: take the break before the blank line too, so nothing dangles.
            if last + 1 >= n && first >= 2 { return d.lines[first - 2].upperBound..<d.lines[last].upperBound }
            return d.lines[first - 1].lowerBound..<d.lineRangeWithTerminator(last).upperBound
        }
        return start..<d.lineRangeWithTerminator(last).upperBound
    }
}

extension Finding {
    /// This finding, repairing by deleting `range` (which may be wider than the reported range).
    func replacing(_ range: Range<Int>, descriptor: RuleDescriptor) -> Finding {
        Finding(
            rule: rule, category: category, severity: severity, safety: descriptor.safety, message: message,
            range: self.range, edits: [Edit(range: range, replacement: "")], evidence: evidence)
    }
}
