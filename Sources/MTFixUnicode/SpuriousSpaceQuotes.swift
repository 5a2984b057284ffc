import MTFixCore

/// Quotation marks, full-width letters and CJK punctuation in a spaced line: which quotations keep the
/// writer's spacing, and which spaces beside them go with the line's MT gaps.
extension SpuriousSpaceDetector {
    /// Quotation marks that CJK copy sets solid (`说“…”`, `说"…"`, `说'…'`) and CJK brackets (`「`, `《`).
    @inline(__always)
    static func isQuoteMark(_ c: UInt16) -> Bool {
        c == 0x22 || c == 0x27 || (c >= 0x2018 && c <= 0x201D) || (c >= 0x3008 && c <= 0x300F)
    }

    /// Full-width Latin letters (`ＮＡＴＯ`), set solid in Japanese copy.
    @inline(__always)
    static func isFullwidthLetter(_ c: UInt16) -> Bool {
        (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)
    }

    /// A character CJK copy sets against its neighbours: CJK, a full-width digit or letter, a quotation mark.
    @inline(__always)
    static func isWideOrMark(_ c: UInt16) -> Bool {
        isCJKSide(c) || isFullwidthLetter(c) || isQuoteMark(c)
    }

    /// Whether a space between `a` and `b` that is no CJK–CJK gap is MT's in a spaced line: before CJK
    /// punctuation (`iPhone 15 。`), or between a CJK character and a quotation mark or full-width
    /// letter (`说 “`, `「 ＮＡＴＯ は`). Two full-width words (`ＮＨＫ ＢＳ`) keep theirs.
    static func isEdgeGap(_ a: UInt16, _ b: UInt16) -> Bool {
        if cjkPunctuation.contains(b) { return true }
        return isWideOrMark(a) && isWideOrMark(b) && (CJKText.isCJK(a) || CJKText.isCJK(b))
    }

    /// Whether half-width digits at `i` are a number set solid with the CJK counter after it (`26日`,
    /// `15％`): a space before it in a spaced line is MT's, unlike one before a Latin name's (`iPhone 15`).
    static func startsCJKNumber(_ u: [UInt16], at i: Int, line: Range<Int>) -> Bool {
        var k = i
        while k < line.upperBound && u[k] >= 0x30 && u[k] <= 0x39 { k += 1 }
        return k > i && k < line.upperBound && CJKText.isCJK(u[k])
    }

    /// Whether a gap sets a CJK punctuation mark off from the word before it (`重要” 。`, `15 。`).
    func spacesOffPunctuation(_ u: [UInt16], _ gaps: [Range<Int>]) -> Bool {
        gaps.contains { $0.upperBound < u.count && Self.cjkPunctuation.contains(u[$0.upperBound]) }
    }

    /// The contents of the line's quotations whose spaces are the writer's: brackets set tight against
    /// their text (`「君 と 僕」`, not `「 合意 し た 」` as a tokenizer leaves them), unless the quotation
    /// is speech (`说“…”`, `「…」と述べた`) in a line spaced outside it too (`首相 は 「日米 同盟 は …」 と`):
    /// nobody spaces a quoted remark on purpose inside a sentence MT spaced word by word.
    func deliberateSpans(_ u: [UInt16], _ line: Range<Int>, gaps: [Range<Int>]) -> [Range<Int>] {
        let spans = quotedSpans(u, line)
        guard !spans.isEmpty, !speechQuotes.isEmpty else { return spans }
        let spacedOutside = gaps.contains { g in !spans.contains { $0.contains(g.lowerBound) } }
        guard spacedOutside else { return spans }
        return spans.filter { span in
            !(speechQuotes.contains(u[span.lowerBound - 1]) && isSpeech(u, span, line))
        }
    }

    /// Whether the quotation around `span` is speech: a quotative particle after its closing mark, or a
    /// speech verb (maybe then a colon) before its opening mark.
    func isSpeech(_ u: [UInt16], _ span: Range<Int>, _ line: Range<Int>) -> Bool {
        var after = span.upperBound + 1
        while after < line.upperBound && u[after] == 0x20 { after += 1 }
        for q in quotatives where after + q.count <= line.upperBound && u[after..<(after + q.count)].elementsEqual(q) {
            return true
        }
        var before = span.lowerBound - 1
        while before > line.lowerBound && u[before - 1] == 0x20 { before -= 1 }
        if before > line.lowerBound && (u[before - 1] == 0xFF1A || u[before - 1] == 0x3A) {
            before -= 1
            while before > line.lowerBound && u[before - 1] == 0x20 { before -= 1 }
        }
        return speechVerbs.contains { v in
            before - v.count >= line.lowerBound && u[(before - v.count)..<before].elementsEqual(v)
        }
    }

    /// The contents of the line's quotations whose brackets touch their text.
    func quotedSpans(_ u: [UInt16], _ line: Range<Int>) -> [Range<Int>] {
        guard !quotes.isEmpty else { return [] }
        var spans: [Range<Int>] = []
        var i = line.lowerBound
        while i < line.upperBound {
            guard let closer = quotes[u[i]] else {
                i += 1
                continue
            }
            var j = i + 1
            while j < line.upperBound && u[j] != closer { j += 1 }
            guard j < line.upperBound else { break }
            if j > i + 1 && u[i + 1] != 0x20 && u[j - 1] != 0x20 { spans.append((i + 1)..<j) }
            i = j + 1
        }
        return spans
    }
}
