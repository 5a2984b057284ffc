/// How one language is recognised, read from `Rules/<lang>/language.yml`: what the language detector
/// and the untranslated-text detector both go by.
public struct LanguageProfile: Sendable {
    public let code: String
    public let name: String
    /// ISO 15924 codes (`Latn`, `Cyrl`, `Hani`, ...) the language is written in.
    public let scripts: Set<String>
    /// Scripts that identify the language by themselves (Japanese kana), with the share they need.
    public let distinctive: Set<String>
    public let minShare: Double
    public let functionWords: Set<String>

    /// The profiles of `<lang>/language.yml` in each tree, sorted by code; a later tree's profile
    /// replaces an earlier one. Every malformed profile is reported (`RuleLoadErrors`).
    public static func read(_ trees: [RuleTree]) throws -> [LanguageProfile] {
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
        return byCode.values.sorted { $0.code < $1.code }
    }
}
