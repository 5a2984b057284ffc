/// The engine's prefilter: every rule's required literals in one `LiteralMatcher`, so a snapshot is
/// scanned once and only rules whose literal occurs run their own (regex) matcher.
final class RuleIndex: Sendable {
    private let matcher: LiteralMatcher
    /// Literal id → the rules it unlocks.
    private let rulesOfLiteral: [[Int]]
    /// Rules without required literals (always run).
    private let ungated: [Int]
    private let ruleCount: Int

    init(_ rules: [any Rule]) {
        var literals: [String] = []
        var idOf: [String: Int] = [:]
        var rulesOf: [[Int]] = []
        var ungated: [Int] = []
        for (i, r) in rules.enumerated() {
            guard let req = r.requiredLiterals else {
                ungated.append(i)
                continue
            }
            for lit in req.literals {
                // An empty literal occurs everywhere: the rule is effectively ungated.
                if lit.isEmpty {
                    ungated.append(i)
                    continue
                }
                let key = String(decoding: lit.utf16.map(LiteralMatcher.fold), as: UTF16.self)
                let id: Int
                if let known = idOf[key] {
                    id = known
                } else {
                    id = literals.count
                    idOf[key] = id
                    literals.append(key)
                    rulesOf.append([])
                }
                rulesOf[id].append(i)
            }
        }
        matcher = LiteralMatcher(literals)
        rulesOfLiteral = rulesOf
        self.ungated = ungated
        ruleCount = rules.count
    }

    /// For each rule (by index), whether it may find anything in `text`.
    func runnable(in text: [UInt16]) -> [Bool] {
        var run = [Bool](repeating: false, count: ruleCount)
        for i in ungated { run[i] = true }
        if matcher.count > 0 {
            for (id, hit) in matcher.scan(text).enumerated() where hit {
                for i in rulesOfLiteral[id] { run[i] = true }
            }
        }
        return run
    }
}
