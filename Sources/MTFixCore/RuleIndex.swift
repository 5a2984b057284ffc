/// The rules that run on a document of a language, and the engine's prefilter: the required literals of
/// those rules in one `LiteralMatcher`, so a snapshot is scanned once and only rules whose literal occurs
/// run their own (regex) matcher.
final class RuleIndex: Sendable {
    /// The indices of the rules that run on a document in `language`, in rule order; a rule without
    /// languages runs on all (worked out once
    /// per language a rule names: asking every rule's language set for every document showed up).
    func active(in language: String) -> [Int] {
        if let known = activeByLanguage[language] { return known }
        return languages.indices.filter { languages[$0].isEmpty }
    }

    private let activeByLanguage: [String: [Int]]

    /// `active(in:)` without the rules that check only the original text: what later passes run.
    func activeAfterEdits(in language: String) -> [Int] {
        if let known = laterByLanguage[language] { return known }
        return languages.indices.filter { languages[$0].isEmpty && !originalOnly[$0] }
    }

    private let laterByLanguage: [String: [Int]]
    /// Per rule, whether it checks the original text only (`Rule.checksOriginalOnly`).
    let originalOnly: [Bool]

    /// The prefilter of each language a rule names, and of any other language: the literals of the rules
    /// that run there only. One gate for all languages stopped at every `n` and `h` of every document
    /// (Spanish and German literals start with them), where an English document's gate has only capitals.
    private let gates: [String: Gate]
    private let otherGate: Gate
    private let ruleCount: Int
    /// Per rule, what the engine asks on every document (read once: a descriptor is a struct of many
    /// arrays and strings, and copying it out of an existential per rule per document showed up).
    let ids: [String]
    let languages: [Set<String>]
    let scopes: [RuleScope]
    /// Whether the prefilter can skip the rule (it has required literals): for any other rule `runnable`
    /// is always true, so a snapshot need not be scanned just for it.
    let gated: [Bool]

    init(_ rules: [any Rule]) {
        ids = rules.map(\.descriptor.id)
        languages = rules.map { Set($0.descriptor.languages) }
        scopes = rules.map(\.scope)
        gated = rules.map { $0.requiredLiterals != nil }
        let sets = languages
        activeByLanguage = Dictionary(uniqueKeysWithValues: Set(sets.flatMap { $0 }).map { language in
            (language, sets.indices.filter { sets[$0].isEmpty || sets[$0].contains(language) })
        })
        let once = rules.map(\.checksOriginalOnly)
        originalOnly = once
        laterByLanguage = activeByLanguage.mapValues { $0.filter { !once[$0] } }
        gates = activeByLanguage.mapValues { Gate(rules, $0) }
        otherGate = Gate(rules, sets.indices.filter { sets[$0].isEmpty })
        ruleCount = rules.count
    }

    /// For each rule (by index), whether it may find anything in `text`, a document in `language` (only the
    /// rules `active(in: language)` names are decided; the others are false).
    func runnable(in text: [UInt16], language: String) -> [Bool] {
        (gates[language] ?? otherGate).runnable(in: text, ruleCount: ruleCount)
    }

    /// Some rules' required literals in one `LiteralMatcher` per case mode.
    private struct Gate {
        /// One matcher for literals that must occur as written, one for those that may occur in any case.
        let matchers: [(LiteralMatcher, rulesOfLiteral: [[Int]])]
        /// Rules without required literals (always run).
        let ungated: [Int]

        init(_ rules: [any Rule], _ indices: [Int]) {
            var ungated: [Int] = []
            var tables: [Bool: (literals: [String], idOf: [String: Int], rulesOf: [[Int]])] = [
                false: ([], [:], []), true: ([], [:], []),
            ]
            for i in indices {
                guard let req = rules[i].requiredLiterals else {
                    ungated.append(i)
                    continue
                }
                for lit in req.literals {
                    // An empty literal occurs everywhere: the rule is effectively ungated.
                    if lit.isEmpty {
                        ungated.append(i)
                        continue
                    }
                    let key = req.ignoreCase ? String(decoding: lit.utf16.map(LiteralMatcher.fold), as: UTF16.self) : lit
                    var t = tables[req.ignoreCase]!
                    let id: Int
                    if let known = t.idOf[key] {
                        id = known
                    } else {
                        id = t.literals.count
                        t.idOf[key] = id
                        t.literals.append(key)
                        t.rulesOf.append([])
                    }
                    t.rulesOf[id].append(i)
                    tables[req.ignoreCase] = t
                }
            }
            matchers = [false, true].compactMap { ci in
                let t = tables[ci]!
                return t.literals.isEmpty ? nil : (LiteralMatcher(t.literals, ignoreCase: ci), t.rulesOf)
            }
            self.ungated = ungated
        }

        func runnable(in text: [UInt16], ruleCount: Int) -> [Bool] {
            var run = [Bool](repeating: false, count: ruleCount)
            for i in ungated { run[i] = true }
            for (matcher, rulesOfLiteral) in matchers {
                for (id, hit) in matcher.scan(text).enumerated() where hit {
                    for i in rulesOfLiteral[id] { run[i] = true }
                }
            }
            return run
        }
    }
}
