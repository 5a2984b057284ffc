import MTFix
import Testing

/// Every example of every rule, as one test case each (named by rule file and line).
enum RuleExamples {
    static let rules: [any Rule] = (try? Toolkit.loadRules()) ?? []

    struct Case: CustomTestStringConvertible, Sendable {
        let ruleID: String
        let example: RuleExample
        var testDescription: String { "\(example.location) [\(ruleID)] \(example.output == nil ? "keeps" : "fixes")" }
    }

    static let cases: [Case] = rules.flatMap { r in
        (r.descriptor.fixes + r.descriptor.keeps).map { Case(ruleID: r.descriptor.id, example: $0) }
    }

    static func rule(_ id: String) -> any Rule { rules.first { $0.descriptor.id == id }! }

    static func language(for rule: any Rule) -> String { rule.descriptor.languages.first ?? "en" }
}

@Suite("Rule examples")
struct RuleExampleTests {
    @Test func bundledRulesLoad() throws {
        _ = try Toolkit.loadRules()
        #expect(!RuleExamples.rules.isEmpty)
    }

    @Test(arguments: RuleExamples.cases)
    func example(_ c: RuleExamples.Case) {
        let rule = RuleExamples.rule(c.ruleID)
        // Examples show the rule's own fix: a `review` rule's example applies review edits.
        let engine = Engine(rules: [rule], applyLevel: max(.safe, rule.descriptor.safety))
        let lang = RuleExamples.language(for: rule)
        let result = engine.run(c.example.input, language: lang)
        if let expected = c.example.output {
            #expect(result.fixed == expected, "\(c.example.location)")
            // A report-only example (output = input) must still be found.
            if expected == c.example.input { #expect(!result.findings.isEmpty, "\(c.example.location): nothing found") }
            #expect(engine.run(result.fixed, language: lang).fixed == result.fixed, "not idempotent: \(c.example.location)")
        } else {
            #expect(result.findings.isEmpty, "\(c.example.location): unexpected finding")
            #expect(result.fixed == c.example.input, "\(c.example.location)")
        }
    }
}
