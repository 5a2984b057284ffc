import Foundation
import MTFix
import MTFixTestSupport
import Testing

/// The annotated rule in Rules/README.md is a real rule: it parses, and its examples pass the harness.
@Suite("Rules/README.md")
struct SchemaDocTests {
    @Test func annotatedRuleParsesAndItsExamplesPass() throws {
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Rules/README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## A rule, annotated"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```yaml\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```"))
        let yaml = String(rest[open.upperBound..<close.lowerBound])
        let rule = try RuleFile.parse(yaml, file: "said-added.yml", detectors: Toolkit.detectors)
        let d = rule.descriptor
        #expect(d.id == "said-added")
        #expect(rule.requiredLiterals == RequiredLiterals(["Added."]))
        #expect(!d.fixes.isEmpty && !d.keeps.isEmpty && !d.knownFailures.isEmpty)
        for ex in d.fixes {
            for p in try ExampleHarness.fixes(rule, ex) { Issue.record("Rules/README.md example (block line \(ex.location.line)): \(p)") }
        }
        for ex in d.keeps {
            for p in ExampleHarness.keeps(rule, ex) { Issue.record("Rules/README.md example (block line \(ex.location.line)): \(p)") }
        }
        for ex in d.knownFailures {
            for p in ExampleHarness.knownFailure(rule, ex) { Issue.record("Rules/README.md example (block line \(ex.location.line)): \(p)") }
        }
    }
}
