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
        var counts: [String: Int] = [:]
        var byScript: [Int32: String] = [:]
        var seen = 0
        for s in text.unicodeScalars where s.value >= 0x41 && s.properties.isAlphabetic {
            let script = Script.of(s)
            let code: String
            if let c = byScript[script.rawValue] {
                code = c
            } else {
                code = script.code
                byScript[script.rawValue] = code
            }
            counts[code, default: 0] += 1
            seen += 1
            if seen >= 20_000 { break }
        }
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

    /// The candidate whose function words occur most in the first few thousand words.
    private func byFunctionWords(_ text: String, among candidates: [LanguageProfile]) -> String? {
        var scores = [Int](repeating: 0, count: candidates.count)
        var words = 0
        for w in text.split(whereSeparator: { !$0.isLetter }) {
            let lw = w.lowercased()
            for (k, p) in candidates.enumerated() where p.functionWords.contains(lw) { scores[k] += 1 }
            words += 1
            if words > 5_000 { break }
        }
        guard let top = scores.max(), top > 0 else { return nil }
        // Ties go to the alphabetically first code, so the result never depends on dictionary order.
        return candidates.enumerated().filter { scores[$0.offset] == top }.map(\.element.code).min()
    }
}
