import MTFixCore

/// Lint: punctuation of the wrong width for the script around it. Format: in a line of Latin, Cyrillic
/// or Greek text, CJK `，。：；！？（）` become ASCII with the spacing those scripts use; in CJK text, an
/// ASCII `,` or `.` between ideographs becomes `、。` (Japanese) or `，。` (Chinese). Full-width digits
/// and letters are Japanese house style and stay; so do numbers (`3.5`, `1,000`).
public struct FullwidthPunctDetector: Rule {
    public let descriptor: RuleDescriptor
    /// Full-width character → ASCII replacement (in alphabetic text).
    let toASCII: [UInt16: String]
    /// Per language, what `,` and `.` become in CJK text (`ja: ["、", "。"]`).
    let cjkForms: [String: (comma: String, stop: String)]
    /// `toASCII`'s keys as a flat table (the line scan asks for every character at or above U+3000).
    let isWide: [Bool]
    /// Census classes of every character that makes a line worth reading: a `toASCII` key, or CJK context.
    let triggers: UnicodeCensus.Classes

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
        var map: [UInt16: String] = [:]
        for (k, v) in options["to_ascii"]?.pairs ?? [] {
            if let u = k.utf16.first, k.utf16.count == 1, let s = v.string { map[u] = s }
        }
        toASCII = map
        var forms: [String: (String, String)] = [:]
        for (lang, v) in options["cjk_forms"]?.pairs ?? [] {
            if let l = v.strings, l.count == 2 { forms[lang] = (l[0], l[1]) }
        }
        cjkForms = forms
        var wide = [Bool](repeating: false, count: 0x10000)
        for k in map.keys { wide[Int(k)] = true }
        isWide = wide
        triggers = UnicodeCensus.classes(ofAny: map.keys).union(
            UnicodeCensus.classes(ofAny: (UInt16(0x3000)...UInt16(0xFFFF)).filter { FullwidthPunctDetector.isCJKContext($0) }))
    }

    /// Findings in a line depend on that line and the document's language only.
    public var scope: RuleScope { .line }

    /// Ideographs, kana, and full-width digits and letters (`２６日`, `ＳＭＢＣ`: Japanese house style).
    @inline(__always)
    static func isCJKContext(_ c: UInt16) -> Bool {
        CJKText.isIdeographicOrKana(c) || (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)
    }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        // Every trigger below (CJK, kana, full-width forms) is at U+3000 or above: most lines have none.
        let census = UnicodeCensus.of(document)
        var out: [Finding] = []
        for line in census.lines(of: document, having: triggers) {
            // Each question is asked only when the answer matters: a line with CJK context (nearly
            // every trigger line) needs only to know whether it holds an ASCII comma or full stop, which
            // clean CJK copy seldom does; classifying every character of it was this rule's cost.
            let hasCJK = line.contains { u[$0] >= 0x3000 && FullwidthPunctDetector.isCJKContext(u[$0]) }
            if !hasCJK {
                if line.contains(where: { u[$0] >= 0x3000 && isWide[Int(u[$0])] }) { widePunctInAlphabeticLine(u, line, &out) }
            } else if line.contains(where: { u[$0] == 0x2C || u[$0] == 0x2E }) {
                let hasKana = line.contains { CJKText.isKana(u[$0]) }
                let lang = document.language == "ja" || hasKana ? "ja" : (document.language == "zh" ? "zh" : (hasKana ? "ja" : "zh"))
                if let forms = cjkForms[lang] { asciiPunctInCJKLine(u, line, forms, &out) }
            }
        }
        return out
    }

    private func widePunctInAlphabeticLine(_ u: [UInt16], _ line: Range<Int>, _ out: inout [Finding]) {
        for i in line {
            guard isWide[Int(u[i])], let ascii = toASCII[u[i]] else { continue }
            let prev: UInt16? = i > line.lowerBound ? u[i - 1] : nil
            let next: UInt16? = i + 1 < line.upperBound ? u[i + 1] : nil
            // A stop right before a comma (`Tokyo。，officials`) is left over from a reordering: the
            // orphan-punctuation rule removes it, and converting it here would leave `Tokyo.,`.
            if ascii == "." && (next == 0xFF0C || next == 0x3001 || next == 0x2C) { continue }
            var replacement = ascii
            let opening = ascii == "(" || ascii == "["
            if opening {
                if let p = prev, !isSpace(p), !isOpening(p) { replacement = " " + replacement }
            } else if let n = next, !isSpace(n), !isClosingOrPunct(n) {
                replacement += " "
            }
            out.append(Finding(descriptor: descriptor, range: i..<(i + 1), replacement: replacement))
        }
    }

    private func asciiPunctInCJKLine(_ u: [UInt16], _ line: Range<Int>, _ forms: (comma: String, stop: String), _ out: inout [Finding]) {
        for i in line {
            let c = u[i]
            guard c == 0x2C || c == 0x2E else { continue }
            let prev: UInt16? = i > line.lowerBound ? u[i - 1] : nil
            let next: UInt16? = i + 1 < line.upperBound ? u[i + 1] : nil
            // Numbers (`3.5`, `1,000`) and Latin runs (`U.S.`, `Apple, Google`) keep their ASCII punctuation.
            if let p = prev, let n = next, CJKText.isDigit(p) && CJKText.isDigit(n) { continue }
            let prevCJK = prev.map { CJKText.isIdeographicOrKana($0) || isCJKClosing($0) } ?? false
            let nextCJK = next.map { CJKText.isIdeographicOrKana($0) || isCJKOpening($0) } ?? false
            // Past ASCII spaces, CJK text (the spaces go with the repair: CJK punctuation carries its own).
            var afterSpaces = i + 1
            while afterSpaces < line.upperBound && u[afterSpaces] == 0x20 { afterSpaces += 1 }
            let spacesThenCJK =
                afterSpaces > i + 1 && afterSpaces < line.upperBound
                && (FullwidthPunctDetector.isCJKContext(u[afterSpaces]) || isCJKOpening(u[afterSpaces]))
            let prevLatin = prev.map(CJKText.isAlphabetLetter) ?? false
            let nextLatin = next.map(CJKText.isAlphabetLetter) ?? false
            if c == 0x2C {
                // `28%,占`: a number or sign before, an ideograph after, still a CJK clause boundary.
                guard (prevCJK && !nextLatin && next != nil) || (nextCJK && !prevLatin && prev != nil) else { continue }
                if let p = prev, p == 0x2C || p == 0x2E { continue }
            } else {
                guard prevCJK, next == nil || nextCJK || next.map(isCJKClosing) == true || spacesThenCJK else { continue }
                if let n = next, n == 0x2E { continue }
            }
            // A CJK word or quote in an English or German sentence (`known as 任天堂, declined`,
            // `slogan, 「感動」.`) borrows no CJK punctuation: the sentence's letters decide, not the neighbour.
            guard sentenceIsMostlyCJK(u, around: i, isStop: c == 0x2E, in: line) else { continue }
            // `によると, 両首脳` → `によると、両首脳`, not `によると、 両首脳`.
            let end = spacesThenCJK ? afterSpaces : i + 1
            out.append(Finding(descriptor: descriptor, range: i..<end, replacement: c == 0x2C ? forms.comma : forms.stop))
        }
    }

    /// Whether the sentence holding the `,` or `.` at `i` (bounded by `。！？` or by `.!?` before a space,
    /// within the line; a stop ends its own sentence) has more CJK letters than Latin/Greek/Cyrillic ones.
    private func sentenceIsMostlyCJK(_ u: [UInt16], around i: Int, isStop: Bool, in line: Range<Int>) -> Bool {
        func endsSentence(_ j: Int) -> Bool {
            let c = u[j]
            if c == 0x3002 || c == 0xFF01 || c == 0xFF1F { return true }
            guard c == 0x2E || c == 0x21 || c == 0x3F else { return false }
            return j + 1 >= line.upperBound || isSpace(u[j + 1])
        }
        var start = i
        while start > line.lowerBound && !endsSentence(start - 1) { start -= 1 }
        var end = i + 1
        if !isStop {
            while end < line.upperBound && !endsSentence(end) { end += 1 }
        }
        var cjk = 0, alphabetic = 0
        for j in start..<end {
            if FullwidthPunctDetector.isCJKContext(u[j]) { cjk += 1 } else if CJKText.isAlphabetLetter(u[j]) { alphabetic += 1 }
        }
        return cjk > alphabetic
    }

    private func isSpace(_ c: UInt16) -> Bool { c == 0x20 || c == 0x09 || c == 0xA0 || c == 0x3000 }
    private func isOpening(_ c: UInt16) -> Bool { c == 0x28 || c == 0x5B || c == 0x22 || c == 0x201C || c == 0x2018 }
    private func isClosingOrPunct(_ c: UInt16) -> Bool {
        [0x29, 0x5D, 0x22, 0x27, 0x201D, 0x2019, 0xBB, 0x2C, 0x2E, 0x3A, 0x3B, 0x21, 0x3F].contains(c) || isWide[Int(c)]
    }
    private func isCJKClosing(_ c: UInt16) -> Bool { [0x300D, 0x300F, 0xFF09, 0x3011, 0x201D, 0x300B].contains(c) }
    private func isCJKOpening(_ c: UInt16) -> Bool { [0x300C, 0x300E, 0xFF08, 0x3010, 0x201C, 0x300A].contains(c) }
}
