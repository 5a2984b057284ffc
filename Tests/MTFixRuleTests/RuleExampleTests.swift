import MTFix
import Testing

/// Every example of every rule, as one test case each (named by rule file and line).
enum RuleExamples {
    static let rules: [any Rule] = (try? Toolkit.loadRules()) ?? []

    enum Kind: String, Sendable { case fixes, keeps, reports, knownFailure = "known_failures" }

    struct Case: CustomTestStringConvertible, Sendable {
        let ruleID: String
        let kind: Kind
        let example: RuleExample
        var testDescription: String { "\(example.location) \(kind.rawValue) [\(ruleID)]" }
    }

    static let cases: [Case] = rules.flatMap { r in
        let d = r.descriptor
        return d.fixes.map { Case(ruleID: d.id, kind: .fixes, example: $0) }
            + d.keeps.map { Case(ruleID: d.id, kind: .keeps, example: $0) }
            + d.reports.map { Case(ruleID: d.id, kind: .reports, example: $0) }
            + d.knownFailures.map { Case(ruleID: d.id, kind: .knownFailure, example: $0) }
    }

    static func rule(_ id: String) -> any Rule { rules.first { $0.descriptor.id == id }! }
}

@Suite("Rule examples")
struct RuleExampleTests {
    @Test func bundledRulesLoad() throws {
        _ = try Toolkit.loadRules()
        #expect(!RuleExamples.rules.isEmpty)
    }

    /// One case per example; a failure names the rule file and the example's line.
    @Test(arguments: RuleExamples.cases)
    func example(_ c: RuleExamples.Case) throws {
        let rule = RuleExamples.rule(c.ruleID)
        let problems: [String]
        switch c.kind {
        case .fixes: problems = try ExampleHarness.fixes(rule, c.example)
        case .keeps: problems = ExampleHarness.keeps(rule, c.example)
        case .reports: problems = ExampleHarness.reports(rule, c.example)
        case .knownFailure: problems = ExampleHarness.knownFailure(rule, c.example)
        }
        for p in problems {
            Issue.record("\(c.example.location): \(c.kind.rawValue) example of '\(c.ruleID)': \(p)")
        }
    }
}
