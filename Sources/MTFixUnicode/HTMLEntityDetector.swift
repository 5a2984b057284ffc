import MTFixCore

/// Lint: HTML character references (`&amp;`, `&#39;`, `&#x2014;`, `&amp;quot;`). Format: the character.
public struct HTMLEntityDetector: Rule {
    public let descriptor: RuleDescriptor
    let skipMarkupLines: Bool
    let mention: HTMLEntityMention

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
        skipMarkupLines = options["skip_markup_lines"]?.bool ?? true
        mention = HTMLEntityMention(options: options)
    }

    public var scope: RuleScope { .line }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        let census = UnicodeCensus.of(document)
        let u = document.utf16
        var out: [Finding] = []
        // A reference is ASCII without line breaks: each line with a `&` is read on its own.
        for line in census.lines(of: document, having: .ampersand) {
            if skipMarkupLines && HTMLEntityDetector.looksLikeMarkup(u[line]) { continue }
            references(document, line, &out)
        }
        return out
    }

    private func references(_ document: Document, _ line: Range<Int>, _ out: inout [Finding]) {
        let u = document.utf16
        var i = line.lowerBound
        var facts = HTMLEntityMention.LineFacts()
        while i < line.upperBound {
            guard u[i] == 0x26 /* & */ else {
                i += 1
                continue
            }
            // Decode repeatedly: `&amp;quot;` is `&quot;` escaped once more.
            var end = i
            var decoded: String? = nil
            var cursor = i
            var pending: [UInt16] = []
            while let (scalar, length) = HTMLEntityDetector.decode(u, at: cursor, prefix: pending) {
                if scalar == "&" {
                    // `&amp;` followed by an entity name: keep unescaping.
                    let nextStart = cursor + length
                    if let (inner, innerLen) = HTMLEntityDetector.decode(u, at: nextStart, prefix: [0x26]) {
                        decoded = String(inner)
                        end = nextStart + innerLen
                        cursor = end
                        break
                    }
                }
                decoded = String(scalar)
                end = cursor + length
                break
            }
            pending.removeAll()
            if decoded != nil,
                mention.isMention(u, line: line, reference: i..<end, facts: &facts, sentence: { Self.sentence(in: document, around: i, line: line) })
            {
                // Written on purpose, as in an explainer about markup: the text means the reference.
                i = end
            } else if var d = decoded {
                // An escaped BOM is never the file's own: decoded at the start it would become one.
                if d == "\u{FEFF}" { d = "" }
                out.append(Finding(descriptor: descriptor, range: i..<end, replacement: d))
                i = end
            } else {
                i += 1
            }
        }
    }

    /// The sentence holding `offset`, or its line when the segmenter gives none.
    static func sentence(in document: Document, around offset: Int, line: Range<Int>) -> Range<Int> {
        let sentences = document.sentences
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        if lo < sentences.count, sentences[lo].contains(offset) { return sentences[lo] }
        return line
    }

    /// A line with an HTML tag (`<p>`, `</a>`, `<br/>`) is markup, where entities are intended.
    static func looksLikeMarkup(_ line: ArraySlice<UInt16>) -> Bool {
        var prevLT = false
        for u in line {
            if prevLT && ((u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A) || u == 0x2F || u == 0x21) { return true }
            prevLT = u == 0x3C
        }
        return false
    }

    /// Decodes one character reference at `at` (which is `&`, or the prefix supplies it). Returns the
    /// character and the number of UTF-16 units consumed from `at`.
    static func decode(_ u: [UInt16], at: Int, prefix: [UInt16]) -> (Character, Int)? {
        var i = at
        if prefix.isEmpty {
            guard i < u.count, u[i] == 0x26 else { return nil }
            i += 1
        }
        let start = i
        if i < u.count, u[i] == 0x23 /* # */ {
            i += 1
            var hex = false
            if i < u.count, u[i] == 0x78 || u[i] == 0x58 {
                hex = true
                i += 1
            }
            var value: UInt32 = 0
            let digitsStart = i
            while i < u.count, i - digitsStart < 8 {
                let c = u[i]
                if c >= 0x30 && c <= 0x39 {
                    value = value * (hex ? 16 : 10) + UInt32(c - 0x30)
                } else if hex, let h = hexValue(c) {
                    value = value * 16 + h
                } else {
                    break
                }
                i += 1
            }
            guard i > digitsStart, i < u.count, u[i] == 0x3B else { return nil }
            // Numeric references in the C1 range mean Windows-1252, as browsers read them.
            if let mapped = windows1252C1[value] { value = mapped }
            guard let s = Unicode.Scalar(value), value != 0, !(value < 0x20 && value != 0x09 && value != 0x0A) else { return nil }
            return (Character(s), i + 1 - at)
        }
        while i < u.count, i - start < 32, isAlnum(u[i]) { i += 1 }
        guard i > start, i < u.count, u[i] == 0x3B else { return nil }
        let name = String(decoding: u[start..<i], as: UTF16.self)
        guard let c = HTMLEntities.named[name] else { return nil }
        return (c, i + 1 - at)
    }

    static func hexValue(_ c: UInt16) -> UInt32? {
        if c >= 0x61 && c <= 0x66 { return UInt32(c - 0x61 + 10) }
        if c >= 0x41 && c <= 0x46 { return UInt32(c - 0x41 + 10) }
        return nil
    }

    static func isAlnum(_ c: UInt16) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    static let windows1252C1: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]
}
