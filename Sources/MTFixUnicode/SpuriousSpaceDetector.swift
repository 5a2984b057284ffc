import MTFixCore

/// Lint: spaces machine translation puts between the words of Chinese or Japanese sentences
/// (`首相 は バイデン 大統領 と 会談 し 、`). Format: removed, every gap of a line in one finding. A sentence is only touched when spaces
/// between CJK characters are its habit (several of them, for a good share of its characters), so a
/// single deliberate space (`（记者 赵磊）`) and spaces next to Latin words stay; Korean, which spaces
/// its words, is not CJK here. Text inside quotation brackets set tight against its brackets
/// (`「むかし むかし ある ところに」`, a title `「君 と 僕 の 未来」`) is spaced on purpose (a children's book,
/// a stylised title) and left alone; MT spacing sets the brackets off too (`「 合意 し た 」`), and a
/// quoted remark in a line MT spaced outside it too (`他 说 “中美 关系 很 重要” 。`) is MT's as well.
public struct SpuriousSpaceDetector: Rule {
    public let descriptor: RuleDescriptor
    /// Fewest CJK–space–CJK gaps in a sentence before it counts as MT-spaced.
    let minGaps: Int
    /// At most this many CJK characters per gap (so 6 means at least one gap per six characters).
    let maxCharsPerGap: Int
    /// Single-character Chinese function words that MT spaces off (`了`, `和`); with a spaced-off
    /// punctuation mark or kana-only word, the sign that the spaces split a sentence, not a list.
    let functionWords: Set<UInt16>
    /// Opening bracket → closing bracket of the quotation marks whose tight-set content is left alone.
    let quotes: [UInt16: UInt16]
    /// Opening marks of speech quotations (`「`, `“`): their content is left alone only when the rest of
    /// the line is unspaced; in a line MT spaced throughout, its spacing is MT's too.
    let speechQuotes: Set<UInt16>
    /// Particles that follow a quotation of speech (`と`, `って`).
    let quotatives: [[UInt16]]
    /// Speech verbs that introduce a quotation (`说`, `表示`), maybe with a colon between.
    let speechVerbs: [[UInt16]]
    /// Census classes of every CJK character: a line without one has no gap.
    static let cjkClasses = UnicodeCensus.classes(ofAny: (UInt16(0x3000)...UInt16(0xFFFF)).filter(CJKText.isCJK))

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
        minGaps = Int(options["min_gaps"]?.number ?? 3)
        maxCharsPerGap = Int(options["max_chars_per_gap"]?.number ?? 6)
        functionWords = Set(
            (options["function_words"]?.strings ?? []).compactMap { $0.utf16.count == 1 ? $0.utf16.first : nil })
        var q: [UInt16: UInt16] = [:]
        for pair in options["quotes"]?.strings ?? [] where pair.utf16.count == 2 {
            q[pair.utf16.first!] = pair.utf16.last!
        }
        quotes = q
        speechQuotes = Set(
            (options["speech_quotes"]?.strings ?? []).compactMap { $0.utf16.count == 2 ? $0.utf16.first : nil })
        quotatives = (options["quotatives"]?.strings ?? []).map { Array($0.utf16) }
        speechVerbs = (options["speech_verbs"]?.strings ?? []).map { Array($0.utf16) }
    }

    /// A line's gaps and tokens end at its line break.
    public var scope: RuleScope { .line }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        // Quick exit: no ideograph or kana anywhere, and no line without one is read.
        let census = UnicodeCensus.of(document)
        let cjk = SpuriousSpaceDetector.cjkClasses
        var out: [Finding] = []
        // One buffer for every line's gaps (an array per spaced line was most of the rule's allocations).
        var gaps: [Range<Int>] = []
        // Spaces beside a quotation mark or full-width letter (`说 “`, `「 ＮＡＴＯ`) or before CJK
        // punctuation (`iPhone 15 。`): removed with a spaced line's gaps, but no reason to call it spaced.
        var edgeGaps: [Range<Int>] = []
        for line in census.lines(of: document, having: cjk) {
            // A gap is a run of spaces, and without a gap nothing is reported (`splitsGrammar` of none is
            // false): clean CJK lines, which have no space, are passed over without classifying each character.
            guard SpuriousSpaceDetector.hasSpace(u, line) else { continue }
            gaps.removeAll(keepingCapacity: true)
            edgeGaps.removeAll(keepingCapacity: true)
            var cjkChars = 0
            var i = line.lowerBound
            while i < line.upperBound {
                let c = u[i]
                if CJKText.isCJK(c) { cjkChars += 1 }
                if c == 0x20, i > line.lowerBound {
                    var end = i
                    while end < line.upperBound && u[end] == 0x20 { end += 1 }
                    if end < line.upperBound {
                        let a = u[i - 1]
                        let b = u[end]
                        if SpuriousSpaceDetector.isCJKSide(a) && SpuriousSpaceDetector.isCJKSide(b)
                            && (CJKText.isCJK(a) || CJKText.isCJK(b))
                        {
                            gaps.append(i..<end)
                        } else if SpuriousSpaceDetector.isEdgeGap(a, b)
                            || (CJKText.isCJK(a) && SpuriousSpaceDetector.startsCJKNumber(u, at: end, line: line))
                        {
                            edgeGaps.append(i..<end)
                        }
                    }
                    i = end
                    continue
                }
                i += 1
            }
            guard gaps.count >= minGaps else { continue }
            // Quoted text spaced on purpose neither counts nor is touched: the rest of the line decides.
            for span in deliberateSpans(u, line, gaps: gaps) {
                gaps.removeAll { span.contains($0.lowerBound) }
                edgeGaps.removeAll { span.contains($0.lowerBound) }
                cjkChars -= span.reduce(0) { $0 + (CJKText.isCJK(u[$1]) ? 1 : 0) }
            }
            guard gaps.count >= minGaps, gaps.count * maxCharsPerGap >= cjkChars else { continue }
            // A spaced list of names (`出席者 石破 茂 高市 早苗`) has the same rhythm; MT spacing also
            // splits off punctuation, particles or function words.
            guard splitsGrammar(u, gaps) || spacesOffPunctuation(u, edgeGaps) else { continue }
            // The gaps beside quotation marks and full-width letters go with the line's other gaps.
            if !edgeGaps.isEmpty {
                gaps.append(contentsOf: edgeGaps)
                gaps.sort { $0.lowerBound < $1.lowerBound }
            }
            // One finding per line, its gaps removed together: the line is spaced as a whole, and a
            // reader (or a JSON consumer) wants one report of it, not one per space.
            // It spans the spaced words, from the one before the first gap to the one after the last.
            var lo = gaps[0].lowerBound
            while lo > line.lowerBound && SpuriousSpaceDetector.isWideOrMark(u[lo - 1]) { lo -= 1 }
            var hi = gaps[gaps.count - 1].upperBound
            while hi < line.upperBound && SpuriousSpaceDetector.isWideOrMark(u[hi]) { hi += 1 }
            out.append(
                Finding(
                    rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                    safety: descriptor.safety, message: descriptor.message, range: lo..<hi,
                    edits: gaps.map { Edit(range: $0, replacement: "") }, evidence: ["gaps": String(gaps.count)]))
        }
        return out
    }

    /// A character that CJK text sets without spaces beside it: CJK, or a full-width digit (`樹立 ３５
    /// 周年`). A gap needs CJK on one side at least (`３５ ６` alone is not MT spacing). Full-width
    /// letters are not included: `中継は ＮＨＫ ＢＳ と` spaces its acronyms on purpose, as with `NHK BS`.
    static func isCJKSide(_ c: UInt16) -> Bool {
        CJKText.isCJK(c) || (c >= 0xFF10 && c <= 0xFF19)
    }

    static func hasSpace(_ u: [UInt16], _ line: Range<Int>) -> Bool {
        u.withUnsafeBufferPointer { p in
            for i in line where p[i] == 0x20 { return true }
            return false
        }
    }

    /// Whether some spaced-off token is punctuation, kana only, or a one-character function word.
    func splitsGrammar(_ u: [UInt16], _ gaps: [Range<Int>]) -> Bool {
        for (k, g) in gaps.enumerated() {
            let start = g.upperBound
            var end = start
            let limit = k + 1 < gaps.count ? gaps[k + 1].lowerBound : u.count
            while end < limit && u[end] != 0x20 && u[end] != 0x0A { end += 1 }
            var token = u[start..<end]
            // A quotation mark set against the token is not part of it (`：“`, `。”`).
            while let f = token.first, SpuriousSpaceDetector.isQuoteMark(f) { token = token.dropFirst() }
            while let l = token.last, SpuriousSpaceDetector.isQuoteMark(l) { token = token.dropLast() }
            guard let first = token.first else { continue }
            // Punctuation spaced off the word it ends (`说 ：“`, `决定 。`) is never the writer's.
            if Self.cjkPunctuation.contains(first) || (token.count == 1 && functionWords.contains(first)) {
                return true
            }
            if token.allSatisfy({ $0 >= 0x3041 && $0 <= 0x309F }) { return true }
        }
        return false
    }

    static let cjkPunctuation: Set<UInt16> = [0x3001, 0x3002, 0xFF0C, 0xFF01, 0xFF1F, 0xFF1A, 0xFF1B]
}
