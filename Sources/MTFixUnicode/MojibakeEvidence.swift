import MTFixICU

/// Judges a candidate mojibake repair: how odd the text is now (a score of unlikely character
/// neighbours) and whether the decoded characters would be plausible text in their place.
struct MojibakeEvidence {
    /// Lead characters that are almost never followed by a continuation symbol in real text (`Ã`, `Â`).
    var strongLeads: [UInt16]

    enum Kind: UInt8, Equatable { case lower, upper, caseless, digit, space, control, symbol, ascii, mark, none }

    /// Letters that occur in real text mainly as mojibake continuation bytes of Windows-1252.
    static func isRareLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0x160, 0x161, 0x152, 0x153, 0x17D, 0x17E, 0x178, 0x192, 0xAA, 0xBA, 0xB5: true
        default: false
        }
    }

    /// Punctuation that legitimately follows a word (`MARQUÉ…`, `10 Å—`, `NESTLÉ®`).
    static func isWordEnder(_ v: UInt32) -> Bool {
        switch v {
        case 0x2026, 0x2019, 0x201D, 0xBB, 0x2014, 0x2013, 0xAE, 0xBF, 0xA1, 0xB4, 0xA8: true
        default: false
        }
    }

    /// Punctuation that legitimately precedes a word (`‘Ñ`, `¡Hola`, `’s`).
    static func isWordStarter(_ v: UInt32) -> Bool {
        switch v {
        case 0x2018, 0x201C, 0x201E, 0xAB, 0xA1, 0xBF, 0x2019: true
        default: false
        }
    }

    /// `kind` of every BMP character, computed once (the scan asks for it for every candidate's neighbours).
    static let bmpKinds: [Kind] = (0..<0x10000).map { v in Unicode.Scalar(UInt32(v)).map(slowKind) ?? .none }

    static func kind(_ s: Unicode.Scalar?) -> Kind {
        guard let s else { return .none }
        return s.value < 0x10000 ? bmpKinds[Int(s.value)] : slowKind(s)
    }

    /// The kind of the UTF-16 unit at `i` (`.none` outside the text or for a surrogate).
    static func kind(at i: Int, in u: [UInt16]) -> Kind {
        i >= 0 && i < u.count ? bmpKinds[Int(u[i])] : .none
    }

    private static func slowKind(_ s: Unicode.Scalar) -> Kind {
        let v = s.value
        if v < 0x80 {
            if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D { return .space }
            if (v >= 0x41 && v <= 0x5A) { return .upper }
            if (v >= 0x61 && v <= 0x7A) { return .lower }
            if v >= 0x30 && v <= 0x39 { return .digit }
            return .ascii
        }
        if v <= 0x9F { return .control }
        if v == 0xA0 || v == 0x2007 || v == 0x202F { return .space }
        if isRareLetter(v) { return .symbol }
        let p = s.properties
        switch p.generalCategory {
        case .lowercaseLetter: return .lower
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .otherLetter, .modifierLetter: return .caseless
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .spaceSeparator: return .space
        default: return .symbol
        }
    }

    static func isLetter(_ k: Kind) -> Bool { k == .lower || k == .upper || k == .caseless }

    /// Combining diacritics that decomposed text in European languages and Vietnamese uses (grave to
    /// caron, double grave, inverted breve, dot and diaeresis below, ring below, comma below, cedilla,
    /// ogonek, circumflex below, tilde and macron below) and the overlays of struck-through or
    /// underlined text.
    static func isCommonMark(_ v: UInt32) -> Bool {
        (0x300...0x30C).contains(v) || v == 0x30F || v == 0x311 || (0x323...0x328).contains(v) || v == 0x32D
            || (0x330...0x338).contains(v)
    }

    /// Whether a two-character sequence is two capitals inside a word written in capitals of one script
    /// (`ЗМІНИ`, `ЛЬВІВ`, `MŮŽE`): genuine text, not a lead and a continuation byte, when it would decode
    /// to a mark or a symbol (`З̲НИ`, `ЛЬ²В`).
    static func insideCapitals(_ r: Range<Int>, _ u: [UInt16]) -> Bool {
        guard r.count == 2, r.lowerBound > 0, r.upperBound < u.count else { return false }
        // Unicode's case, not `kind`: `Ž` counts as a symbol there (a Windows-1252 continuation), but it
        // is a Czech capital.
        let chars = [r.lowerBound - 1, r.lowerBound, r.lowerBound + 1, r.upperBound].compactMap { Unicode.Scalar(u[$0]) }
        guard chars.count == 4, chars.allSatisfy({ $0.properties.isUppercase }) else { return false }
        let scripts = chars.map { group(Script.of($0)) }
        return scripts.allSatisfy { $0 == scripts[0] }
    }

    /// How odd the original characters of `seqs` look next to each other and their neighbours.
    func score(_ seqs: [MojibakeSequence], in u: [UInt16]) -> Int {
        let start = seqs[0].range.lowerBound
        let end = seqs[seqs.count - 1].range.upperBound
        // The run's characters with one neighbour on each side, read in place (no arrays: this runs for
        // every candidate). Outside the text (or a lone surrogate) the kind is `.none`, the value 0.
        @inline(__always) func value(_ i: Int) -> UInt32 {
            i >= 0 && i < u.count && !UTF16.isSurrogate(u[i]) ? UInt32(u[i]) : 0
        }
        var score = 0
        for i in start..<end {
            if MojibakeEvidence.kind(at: i, in: u) == .control { score += 3 }
            if u[i] == 0xFFFD { score += 1 }
        }
        for i in (start - 1)..<end {
            let a = MojibakeEvidence.kind(at: i, in: u)
            let b = MojibakeEvidence.kind(at: i + 1, in: u)
            let av = value(i)
            let bv = value(i + 1)
            if MojibakeEvidence.isLetter(a) && b == .symbol && !MojibakeEvidence.isWordEnder(bv) { score += 1 }
            if a == .symbol && MojibakeEvidence.isLetter(b) && !MojibakeEvidence.isWordStarter(av) { score += 1 }
            if a == .symbol && b == .symbol && av >= 0x80 && bv >= 0x80 { score += 1 }
            if a == .lower && b == .upper && bv >= 0x80 { score += 1 }
            // Two non-ASCII capitals starting a lower-case word (`ÄÆdomu` for `įdomu`).
            if a == .upper && b == .upper && av >= 0x80 && bv >= 0x80 && MojibakeEvidence.kind(at: i + 2, in: u) == .lower {
                score += 1
            }
            if MojibakeEvidence.isLetter(a) && MojibakeEvidence.isLetter(b) && av >= 0x80 && bv >= 0x80,
                let x = Unicode.Scalar(av), let y = Unicode.Scalar(bv), Script.of(x) != Script.of(y)
            {
                score += 1
            }
        }
        if MojibakeEvidence.isLetter(MojibakeEvidence.kind(at: start - 1, in: u))
            && MojibakeEvidence.isLetter(MojibakeEvidence.kind(at: end, in: u))
        {
            score += 1
        }
        for s in seqs {
            let lead = u[s.range.lowerBound]
            if strongLeads.contains(lead) {
                score += 1
                if s.byteCount == 2 && !s.usedSpace && u[s.range.lowerBound + 1] == 0xA0 { score += 1 }
            }
            // Punctuation, symbols and emoji are what three- and four-byte mojibake mostly is (`â€œ`, `âœ”`).
            if s.byteCount >= 3 && !MojibakeEvidence.isLetter(MojibakeEvidence.kind(s.scalar)) { score += 2 }
            let decodedKind = MojibakeEvidence.kind(s.scalar)
            // A combining mark is nearly always a lone UTF-8 pair (`Ì¶` for U+0336 in `$Ì¶6`); a real `Ì`
            // before a symbol ends a word (`«COSÌ»`) and is scored no higher than that.
            if s.byteCount == 2 && decodedKind == .mark { score += 1 }
            // A capital whose flattened no-break space glues it to a lower-case word (`Å veices` for
            // `Šveices`): the space was a byte of the letter, not a word break.
            if s.usedSpace && !s.lossy && s.scalar.properties.isUppercase, s.range.upperBound < u.count,
                u[s.range.upperBound - 1] == 0x20, MojibakeEvidence.kind(Unicode.Scalar(u[s.range.upperBound])) == .lower
            {
                score += 1
            }
        }
        return score
    }

    /// Whether the decoded characters make sense where they would stand.
    func plausible(_ seqs: [MojibakeSequence], in u: [UInt16]) -> Bool {
        let start = seqs[0].range.lowerBound
        let end = seqs[seqs.count - 1].range.upperBound
        let prev: Unicode.Scalar? = start > 0 ? Unicode.Scalar(u[start - 1]) : nil
        let next: Unicode.Scalar? = end < u.count ? Unicode.Scalar(u[end]) : nil
        // A letter followed by nothing but lost bytes (`КВ�,`, `HÉ� `, `ро��ий`) that goes on with the word
        // before it, in its script and case, is a letter of that word beside a lost character: read as a
        // lead byte it turned into U+FFFD, and the next pass ate the letter before it, one per pass. A
        // single lost byte inside a word (`MONTREÌ�AL`) is still read as a sequence.
        // A symbol followed by nothing but lost bytes (`«�`) is read as a lead byte on the U+FFFD's word
        // alone, and the repair would only delete the symbol: the U+FFFD stays either way.
        let count = seqs.count
        if seqs.allSatisfy(\.onlyLost) && !MojibakeEvidence.isLetter(MojibakeEvidence.kind(at: start, in: u)) { return false }
        if start > 0, seqs.allSatisfy(\.onlyLost), !strongLeads.contains(u[start]),
            seqs.count > 1 || seqs[0].byteCount > 2 || !MojibakeEvidence.isLetter(MojibakeEvidence.kind(at: end, in: u))
        {
            let before = MojibakeEvidence.kind(at: start - 1, in: u)
            let lead = MojibakeEvidence.kind(at: start, in: u)
            if MojibakeEvidence.isLetter(before) && MojibakeEvidence.isLetter(lead) && !(before == .lower && lead == .upper),
                let a = prev, let b = Unicode.Scalar(u[start]),
                MojibakeEvidence.group(Script.of(a)) == MojibakeEvidence.group(Script.of(b))
            {
                return false
            }
        }
        // A lead read with a flattened no-break space right after an accented letter that is no sequence of
        // its own (`ÆØÅ to`): text whose other accented letters survived was not mangled, and only the plain
        // space after the last one made it a sequence (`Å` + U+00A0 would be `Š`).
        if seqs[count - 1].usedSpace, let p = prev, p.value >= 0xC0, MojibakeEvidence.isLetter(MojibakeEvidence.kind(p)) {
            return false
        }
        // Letters of scripts other than Latin and Greek, per script: a run rarely holds more than two
        // scripts, so a short list (no dictionary per candidate; this runs for every one).
        var foreignLetters: [(script: Script, count: Int)] = []
        for k in 0..<count {
            let s = seqs[k].scalar
            // A C1 control is fine as the middle step of double encoding (`â€\u{9D}` on the way to `”`).
            guard MojibakeEvidence.acceptable(s) || (count > 1 && s.value >= 0x80 && s.value <= 0x9F) else { return false }
            let kind = MojibakeEvidence.kind(s)
            if seqs[k].byteCount == 2 && !MojibakeEvidence.isLetter(kind) && MojibakeEvidence.insideCapitals(seqs[k].range, u) {
                return false
            }
            // Of the combining diacritics, only those European and Vietnamese text decomposes into, and
            // the overlays of struck-through text, are plausible: a capital and a dash or an apostrophe
            // (`SÍ—`, `ІМ’Я`) are likelier genuine text than `͗` or `̒`.
            if kind == .mark && s.value >= 0x300 && s.value <= 0x36F && !MojibakeEvidence.isCommonMark(s.value) { return false }
            if kind == .mark {
                let before = k > 0 ? seqs[k - 1].scalar : prev
                if before == nil || MojibakeEvidence.kind(before) == .space { return false }
            }
            guard MojibakeEvidence.isLetter(kind) else { continue }
            let left = k > 0 ? seqs[k - 1].scalar : prev
            let right = k + 1 < count ? seqs[k + 1].scalar : next
            let script = MojibakeEvidence.group(Script.of(s))
            if script == .latin && kind == .lower && MojibakeEvidence.kind(left) == .upper && MojibakeEvidence.kind(right) == .upper { return false }
            if script != .latin && script != .greek {
                // A three-byte sequence rarely decodes by chance; two characters often do.
                let weight = seqs[k].byteCount >= 3 ? 2 : 1
                if let j = foreignLetters.firstIndex(where: { $0.script == script }) {
                    foreignLetters[j].count += weight
                } else {
                    foreignLetters.append((script, weight))
                }
            }
            // A letter glued to a neighbouring word must be of that word's script.
            if k == 0 && !MojibakeEvidence.fits(script, beside: left) { return false }
            if k == count - 1 && !MojibakeEvidence.fits(script, beside: right) { return false }
        }
        // One stray letter of another script is more likely legitimate symbols (`“×”` is not Hebrew).
        for f in foreignLetters where f.count < 2 { return false }
        return true
    }

    /// A decoded letter glued to a neighbouring word must be of that word's script (Latin and Greek mix in
    /// science writing).
    static func fits(_ script: Script, beside neighbour: Unicode.Scalar?) -> Bool {
        guard let n = neighbour, isLetter(kind(n)) else { return true }
        let ns = group(Script.of(n))
        if ns == script { return true }
        return (ns == .latin || ns == .greek) && (script == .latin || script == .greek)
    }

    static func group(_ s: Script) -> Script {
        (s == .hiragana || s == .katakana) ? .han : s
    }

    /// Characters a repair may produce: letters of living alphabets, common punctuation and symbols, emoji.
    static func acceptable(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        switch v {
        case 0xA0...0xFF: return true
        case 0x100...0x17F: return v != 0x138 && v != 0x149 && v != 0x17F
        case 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x1C4...0x1CC, 0x218...0x21B: return true
        case 0x2C6, 0x2C7, 0x2D8...0x2DD: return true
        case 0x300...0x36F: return true
        case 0x386...0x3CE: return true
        case 0x400...0x45F, 0x490...0x4FF: return true
        case 0x5D0...0x5EA: return true
        case 0x621...0x65F, 0x660...0x669, 0x66E...0x6D3, 0x6F0...0x6F9: return true
        case 0x900...0x97F, 0xE00...0xE7F, 0x10A0...0x10FF: return true
        case 0x1E00...0x1EFF, 0x1F00...0x1FFE: return true
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: return true
        // Spaces and format characters (`â€‰` thin space, `â€‹` zero-width space, `ï»¿` byte order mark):
        // the repair brings them back, and the invisible-character rule then judges them like any other.
        case 0x2000...0x200F, 0x202F, 0x2060, 0xFEFF: return true
        case 0x2100...0x214F, 0x2190...0x23FF, 0x2460...0x24FF, 0x2500...0x27BF, 0x2800, 0x2900...0x2BFF: return true
        case 0x2E80...0x2FDF, 0x3000...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
        case 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFB00...0xFB06, 0xFE00...0xFE0F, 0xFE30...0xFE4F: return true
        case 0xFF01...0xFFEF, 0xFFFD: return true
        case 0x1F000...0x1FAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }
}
