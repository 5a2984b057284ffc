import MTFixICU
import MTFixRules

/// How one language is recognised, read from `Rules/<lang>/language.yml`.
public struct LanguageProfile: Sendable {
    public let code: String
    public let name: String
    /// ISO 15924 codes (`Latn`, `Cyrl`, `Hani`, ...) the language is written in.
    public let scripts: Set<String>
    /// Scripts that identify the language by themselves (Japanese kana), with the share they need.
    public let distinctive: Set<String>
    public let minShare: Double
    public let functionWords: Set<String>
}

/// Guesses a document's language from the language profiles in `Rules/`: a distinctive script first
/// (kana → ja), then the dominant script (Han → zh, Cyrillic → ru), then, among several languages
/// sharing it (Latin), whose function words occur most.
public struct LanguageDetector: Sendable {
    public let profiles: [LanguageProfile]

    /// The languages with a profile, sorted.
    public var languages: [String] { profiles.map(\.code).sorted() }

    /// Reads `<lang>/language.yml` from each tree; a later tree's profile replaces an earlier one.
    public init(trees: [RuleTree]) throws {
        var byCode: [String: LanguageProfile] = [:]
        var errors: [RuleFileError] = []
        for tree in trees {
            for rel in tree.files.keys.sorted() where rel.hasSuffix("/language.yml") && rel.split(separator: "/").count == 2 {
                let code = String(rel.split(separator: "/")[0])
                let file = "\(tree.display)/\(rel)"
                do {
                    guard let v = try tree.data("language", language: code) else { continue }
                    guard let scripts = v["scripts"]?.strings, !scripts.isEmpty else {
                        throw RuleFileError(file: file, line: 1, message: "a language profile needs 'scripts' (ISO 15924 codes)")
                    }
                    byCode[code] = LanguageProfile(
                        code: code, name: v["name"]?.string ?? code, scripts: Set(scripts),
                        distinctive: Set(v["distinctive"]?.strings ?? []), minShare: v["min_share"]?.number ?? 0.05,
                        functionWords: Set(v["function_words"]?.strings ?? []))
                } catch let e as RuleFileError {
                    errors.append(e)
                }
            }
        }
        if !errors.isEmpty { throw RuleLoadErrors(errors: errors) }
        profiles = byCode.values.sorted { $0.code < $1.code }
    }

    /// The profiles that ship inside the tool.
    public static let bundled: LanguageDetector = (try? LanguageDetector(trees: [.bundled])) ?? LanguageDetector(profiles: [])

    init(profiles: [LanguageProfile]) { self.profiles = profiles }

    /// Detects with the bundled profiles.
    public static func detect(_ text: String, default fallback: String = "en") -> String {
        bundled.detect(text, default: fallback)
    }

    public func detect(_ text: String, default fallback: String = "en") -> String {
        let counts = Self.scriptCounts(text)
        // A distinctive script with enough share among the language's scripts decides at once.
        var best: (String, Double)? = nil
        for p in profiles where !p.distinctive.isEmpty {
            let mine = p.distinctive.reduce(0) { $0 + counts[$1, default: 0] }
            let all = p.scripts.union(p.distinctive).reduce(0) { $0 + counts[$1, default: 0] }
            guard mine > 0, all > 0 else { continue }
            let share = Double(mine) / Double(all)
            if share >= p.minShare && share > (best?.1 ?? 0) { best = (p.code, share) }
        }
        if let best { return best.0 }
        guard let dominant = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else {
            return fallback
        }
        let candidates = profiles.filter { $0.distinctive.isEmpty && $0.scripts.contains(dominant) }
        if candidates.count <= 1 { return candidates.first?.code ?? fallback }
        return byFunctionWords(text, among: candidates) ?? (candidates.contains { $0.code == fallback } ? fallback : candidates[0].code)
    }

    /// Letters per script (ISO 15924 code) in the first 20,000 letters. ASCII letters are counted as
    /// Latin without asking ICU: this runs on every document, so it must cost little per byte.
    static func scriptCounts(_ text: String) -> [String: Int] {
        var latin = 0
        var others: [Int32: Int] = [:]
        var seen = 0
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A {
                    latin += 1
                    seen += 1
                }
            } else {
                let script = Script.of(s)
                // Common and Inherited: digits, punctuation, symbols, combining marks.
                if script == .common || script == .inherited { continue }
                others[script.rawValue, default: 0] += 1
                seen += 1
            }
            if seen >= 20_000 { break }
        }
        var counts: [String: Int] = [:]
        if latin > 0 { counts[Script.latin.code] = latin }
        for (raw, n) in others { counts[Script(rawValue: raw).code, default: 0] += n }
        return counts
    }

    /// The candidate whose function words occur most in the first few thousand words. Words are compared
    /// by a 64-bit hash of their lowercased UTF-16 units, so no string is built per word.
    private func byFunctionWords(_ text: String, among candidates: [LanguageProfile]) -> String? {
        var table: [UInt64: UInt64] = [:]  // word hash → bit set of candidates
        for (k, p) in candidates.enumerated() where k < 64 {
            for w in p.functionWords { table[Self.hash(w.utf16), default: 0] |= 1 << UInt64(k) }
        }
        var scores = [Int](repeating: 0, count: candidates.count)
        var words = 0
        var h: UInt64 = Self.fnvBasis
        var inWord = false
        func endWord() {
            if let mask = table[h] {
                for k in 0..<candidates.count where mask & (1 << UInt64(k)) != 0 { scores[k] += 1 }
            }
            words += 1
            h = Self.fnvBasis
            inWord = false
        }
        for u in text.utf16 {
            if Self.isWordUnit(u) {
                h = (h ^ UInt64(LiteralMatcher.fold(u))) &* Self.fnvPrime
                inWord = true
            } else if inWord {
                endWord()
                if words > 5_000 { break }
            }
        }
        if inWord { endWord() }
        guard let top = scores.max(), top > 0 else { return nil }
        // Ties go to the alphabetically first code, so the result never depends on dictionary order.
        return candidates.enumerated().filter { scores[$0.offset] == top }.map(\.element.code).min()
    }

    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    static func hash(_ units: String.UTF16View) -> UInt64 {
        var h = fnvBasis
        for u in units { h = (h ^ UInt64(LiteralMatcher.fold(u))) &* fnvPrime }
        return h
    }

    /// Letters (and the marks and surrogates inside words), cheaply: ASCII letters, and anything outside
    /// ASCII and Latin-1 punctuation, general punctuation and spaces, CJK punctuation and full-width forms.
    @inline(__always)
    static func isWordUnit(_ u: UInt16) -> Bool {
        if u < 0x80 { return (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A }
        if u < 0xC0 { return u == 0xAA || u == 0xB5 || u == 0xBA }
        if u == 0xD7 || u == 0xF7 { return false }
        if u >= 0x2000 && u < 0x2070 { return false }
        if u >= 0x3000 && u < 0x3040 { return false }
        if u >= 0xFF00 && u < 0xFF10 { return false }
        return true
    }
}
