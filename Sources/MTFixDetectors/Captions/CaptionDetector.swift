import MTFixCore
import MTFixICU
import MTFixRules

/// Lint: a photo caption pasted into the body: a line ending in a photo credit (`(AP Photo)`,
/// `(Foto: dpa)`) or opening like one (`From left:`), with the tag/keyword line above it; or a line
/// ending in an agency credit (`(Reuters)`, `（共同）`) below a tag line (alone, such a credit closes
/// stories and paragraphs as often as captions).
/// Format: remove the block and one blank line beside it; the removed text is kept in the evidence.
/// A line with an opener but no photo credit is offered for review only: prose opens that way too
/// (`From left: the minister, the mayor and the police chief were dismissed, the office said.`).
///
/// Credits are anchored at the end of the line, so datelines (`WASHINGTON (AP) —`) and closing
/// credits (`The Associated Press contributed to this report.`) never match.
struct CaptionDetector: Rule {
    let descriptor: RuleDescriptor
    /// One regular expression: any photo credit (`(AP Photo/…)`, `(Foto: dpa)`), anchored at the end of a
    /// line. A line ending in one is a caption.
    let credit: ICURegex?
    /// Likewise for agency credits (`(Reuters)`, `（共同）`), which also close stories and paragraphs: a line
    /// ending in one is a caption only below a tag line.
    let agencyCredit: ICURegex?
    /// What a line ending in an agency credit must also hold to be a caption (nil: nothing more): a
    /// year in cased scripts (`…, Jan. 2, 2024. (Kyodo)`). A subheading above a body paragraph that
    /// closes with the agency's name looks like a tag line and a caption otherwise.
    let agencyCaptionMark: ICURegex?
    /// Units a credit can end with; a handful, so an array.
    let creditEnds: [UInt16]
    /// For credits that end in a name (`AP Photo/Rebecca Blackwell`), a literal each must contain.
    let creditLiterals: [[UInt16]]
    /// Whether some credit has neither a known last unit nor a literal: `credit` runs on every line.
    let ungated: Bool
    /// Line openings that mark a caption (`From left:`).
    let openers: [[UInt16]]
    /// The message of a finding whose only sign is an opener (nil: the rule's): it is offered for review.
    let uncreditedMessage: String?
    let maxTagWords: Int
    let maxTagCJKChars: Int
    /// Longest CJK tag line written without spaces (`中俄外长会谈`); 0 takes none (see `isUnspacedTag`).
    let maxUnspacedTagCJKChars: Int
    /// Words (or CJK characters) a caption line has before its credit.
    let minDescriptionWords: Int
    let minDescriptionCJKChars: Int

    init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        let credits = options["credits"]?.strings ?? []
        let agencyCredits = options["agency_credits"]?.strings ?? []
        func anchored(_ patterns: [String]) throws -> ICURegex? {
            patterns.isEmpty ? nil : try ICURegex("(?:" + patterns.joined(separator: "|") + ")\\s*$")
        }
        credit = try anchored(credits)
        agencyCredit = try anchored(agencyCredits)
        agencyCaptionMark = try options["agency_caption_mark"]?.string.map { try ICURegex($0) }
        var ends: Set<UInt16> = []
        var literals: [[UInt16]] = []
        var ungated = false
        for c in credits + agencyCredits {
            if let units = CreditEnding.finalUnits(of: c) {
                ends.formUnion(units)
            } else if let literal = RequiredLiteral.derive(c, options: []) {
                literals.append(Array(literal.utf16))
            } else if let lead = CaptionDetector.leadingUnit(of: c) {
                literals.append([lead])
            } else {
                ungated = true
            }
        }
        creditEnds = ends.sorted()
        creditLiterals = literals
        self.ungated = ungated
        openers = (options["openers"]?.strings ?? []).map { Array($0.utf16) }
        uncreditedMessage = options["uncredited_message"]?.string
        maxTagWords = options.int("max_tag_words", default: 8)
        maxTagCJKChars = options.int("max_tag_cjk_chars", default: 30)
        maxUnspacedTagCJKChars = options.int("max_unspaced_tag_cjk_chars", default: 0)
        minDescriptionWords = options.int("min_description_words", default: 5)
        minDescriptionCJKChars = options.int("min_description_cjk_chars", default: 8)
        if credit == nil && agencyCredit == nil && openers.isEmpty {
            throw ConfigError("give 'credits', 'agency_credits' or 'openers'")
        }
    }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        let lines = document.lines
        var out: [Finding] = []
        // The credit literals this document holds at all (most hold none): only those are looked for per line.
        let literals = creditLiterals.filter { CaptionDetector.occurs($0, in: u, 0..<u.count) }
        for p in document.paragraphs {
            var li = p.lineIndices.lowerBound
            while li < p.lineIndices.upperBound {
                defer { li += 1 }
                guard let kind = caption(u, lines[li], literals: literals) else { continue }
                var first = li
                while first > p.lineIndices.lowerBound && isTag(u, lines[first - 1]) { first -= 1 }
                // An unspaced CJK keyword line is a tag only as the head of a block with a photo caption.
                if first == li && kind != .agencyCredit && li - 1 == p.lineIndices.lowerBound
                    && isUnspacedTag(u, lines[li - 1])
                {
                    first = li - 1
                }
                if kind == .agencyCredit && first == li { continue }
                let removed = removal(document, first: first, last: li)
                let block = lines[first].lowerBound..<lines[li].upperBound
                out.append(
                    Finding(
                        descriptor: descriptor, range: block, replacement: nil,
                        message: kind == .opener ? uncreditedMessage : nil,
                        evidence: ["removed": NarrativeText.string(u, removed)]
                    ).replacing(removed, descriptor: descriptor, safety: kind == .opener ? max(descriptor.safety, .review) : nil))
            }
        }
        return out
    }

    /// The character every match of `pattern` starts with, when it is a rare one (not ASCII) standing
    /// for itself, once, with no alternation at the top level (`＝…`, the ja credit-less form): a
    /// literal of one unit is too short for the prefilter's `RequiredLiteral`, but enough to skip the
    /// lines without it (without one, the expression ran on every line of every document).
    static func leadingUnit(of pattern: String) -> UInt16? {
        let units = Array(pattern.utf16)
        guard units.count > 1, units[0] >= 0x80, !(0xD800..<0xE000).contains(units[0]) else { return nil }
        // A quantifier after it could make it optional.
        if [0x3F, 0x2A, 0x7B].contains(units[1]) { return nil }
        var depth = 0
        var escaped = false
        var inClass = false
        for c in units {
            if escaped { escaped = false; continue }
            switch c {
            case 0x5C: escaped = true
            case 0x5B: inClass = true
            case 0x5D: inClass = false
            case 0x28 where !inClass: depth += 1
            case 0x29 where !inClass: depth -= 1
            case 0x7C where !inClass && depth == 0: return nil
            default: break
            }
        }
        return units[0]
    }

    /// Longest credit looked for (UTF-16 units from the line end).
    static let creditReach = 240

    /// What makes a line a caption.
    enum Evidence {
        /// A photo credit: enough alone.
        case photoCredit
        /// An opener (`From left:`) without a photo credit: enough to report and offer for review, not to
        /// delete unasked (an opener also starts prose).
        case opener
        /// An agency credit: enough only below a tag line.
        case agencyCredit
    }

    /// Whether `line` is a caption, and why; `literals` are the credit literals the document holds.
    func caption(_ u: [UInt16], _ line: Range<Int>, literals: [[UInt16]]) -> Evidence? {
        let t = NarrativeText.trimmed(u, line)
        guard !t.isEmpty else { return nil }
        // The first unit decides for nearly every line before a slice is compared.
        let opens = openers.contains(where: { o in o.isEmpty || (u[t.lowerBound] == o[0] && u[t].starts(with: o)) })
        // An opener with a credit is a caption for certain; without one, only maybe.
        if opens { return credited(u, t, literals: literals) == nil ? .opener : .photoCredit }
        return credited(u, t, literals: literals)
    }

    /// Whether the trimmed line `t` ends in a credit that makes it a caption, and which kind.
    func credited(_ u: [UInt16], _ t: Range<Int>, literals: [[UInt16]]) -> Evidence? {
        // Credits are anchored at the line end and short: matching the line's tail keeps cost per line bounded.
        let tail = max(t.lowerBound, t.upperBound - CaptionDetector.creditReach)..<t.upperBound
        guard credit != nil || agencyCredit != nil else { return nil }
        if !ungated {
            // Most lines end in a full stop, which ends no credit, and hold no credit literal: skip the
            // regular expressions for them.
            var k = tail.upperBound
            while k > tail.lowerBound && CreditEnding.isTrailingSpace(u[k - 1]) { k -= 1 }
            guard k > tail.lowerBound else { return nil }
            if !creditEnds.contains(u[k - 1]) && !literals.contains(where: { CaptionDetector.occurs($0, in: u, tail) }) { return nil }
        }
        let units = Array(u[tail])
        for (regex, evidence) in [(credit, Evidence.photoCredit), (agencyCredit, .agencyCredit)] {
            guard let m = regex?.firstMatch(in: units) else { continue }
            // A caption describes a picture before its credit; a credit alone (`(Avec AFP)`) closes a story.
            let described = t.lowerBound..<(tail.lowerBound + m.range.lowerBound)
            let enough =
                NarrativeText.isMostlyCJK(u, described)
                ? described.count >= minDescriptionCJKChars
                : NarrativeText.wordCount(u, described, limit: minDescriptionWords) >= minDescriptionWords
            guard enough else { continue }
            if evidence == .agencyCredit, let mark = agencyCaptionMark, mark.firstMatch(in: Array(u[described])) == nil { continue }
            return evidence
        }
        return nil
    }

    /// Whether `literal` occurs in `u[range]`. One unit of it is looked for eight units at a time, the
    /// rest compared where that one occurs: the first unit that is no ASCII letter, digit or space (the
    /// `/` of `AP Photo/`, rare in prose), else its first. (The generic collection search was a hundred
    /// times slower than this.)
    static func occurs(_ literal: [UInt16], in u: [UInt16], _ range: Range<Int>) -> Bool {
        guard !literal.isEmpty, range.count >= literal.count else { return false }
        let a = literal.firstIndex { c in !(c < 0x80 && (NarrativeText.isLetter(c) || NarrativeText.isDigit(c) || c == 0x20)) } ?? 0
        let anchor = literal[a]
        let wide = UInt64(anchor)
        // Where the anchor may stand: `a` units after the start, room for the rest before the end.
        var i = range.lowerBound + a
        let last = range.upperBound - literal.count + a
        while i <= last {
            i = NarrativeText.firstIndex(
                u, from: i, to: last + 1, maybe: { NarrativeText.lanes($0, equalTo: wide) }, where: { $0 == anchor })
            guard i <= last else { return false }
            if u[(i - a)..<(i - a + literal.count)].elementsEqual(literal) { return true }
            i += 1
        }
        return false
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
    /// This finding, repairing by deleting `range` (which may be wider than the reported range), at
    /// `safety` (nil: the rule's).
    func replacing(_ range: Range<Int>, descriptor: RuleDescriptor, safety: Safety? = nil) -> Finding {
        Finding(
            rule: rule, category: category, severity: severity, safety: safety ?? descriptor.safety, message: message,
            range: self.range, edits: [Edit(range: range, replacement: "")], evidence: evidence)
    }
}
