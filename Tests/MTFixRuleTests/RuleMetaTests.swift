import MTFix
@testable import MTFixRules
import Testing

/// Checks over the bundled rule tree as a whole: ids, folders, examples, language data, prefilters.
@Suite("Rule tree")
struct RuleMetaTests {
    let tree = RuleTree.bundled

    @Test func idsAreUniqueAndEqualTheFileStem() throws {
        var seen: [String: String] = [:]
        for r in RuleExamples.rules {
            let d = r.descriptor
            let file = try #require(d.location?.file)
            #expect(file.hasSuffix("/\(d.id).yml"), "\(file): id '\(d.id)' is not the file stem")
            #expect(seen[d.id] == nil, "\(file): id '\(d.id)' also in \(seen[d.id] ?? "")")
            seen[d.id] = file
        }
        #expect(seen.count == tree.rulePaths.count)
    }

    @Test func everyRuleHasPositiveAndNegativeExamples() {
        for r in RuleExamples.rules {
            let d = r.descriptor
            #expect(!(d.fixes.isEmpty && d.reports.isEmpty), "\(d.id): no 'fixes' or 'reports' example")
            #expect(!d.keeps.isEmpty, "\(d.id): no 'keeps' example")
        }
    }

    @Test func everyFolderIsALanguageAndACategory() {
        #expect(tree.strayPaths.isEmpty, "\(tree.strayPaths)")
        for rel in tree.rulePaths {
            let parts = rel.split(separator: "/").map(String.init)
            #expect(RuleLoader.isLanguageFolder(parts[0]), "\(rel)")
            #expect(Category(rawValue: parts[1]) != nil, "\(rel): '\(parts[1])' is not a category")
        }
    }

    @Test(arguments: ["en", "de", "fr", "es", "ru", "ja", "zh"])
    func everyLanguageHasAProfile(_ lang: String) throws {
        let data = try #require(try tree.data("language", language: lang), "Rules/\(lang)/language.yml missing")
        #expect(data["scripts"]?.strings?.isEmpty == false)
    }

    /// A rule skipped by the prefilter on its own examples would silently stop working.
    @Test func requiredLiteralsOccurInEveryPositiveExample() {
        for r in RuleExamples.rules {
            guard let req = r.requiredLiterals else { continue }
            for ex in r.descriptor.fixes + r.descriptor.reports {
                let found = req.literals.contains {
                    req.ignoreCase ? ex.input.lowercased().contains($0.lowercased()) : ex.input.contains($0)
                }
                #expect(found, "\(ex.location): none of \(req.literals) occurs")
            }
        }
    }

    @Test func everyRuleExplains() throws {
        for r in RuleExamples.rules {
            let text = RuleExplanation(r.descriptor).text
            #expect(text.contains(r.descriptor.summary))
            #expect(text.contains(r.descriptor.location?.file ?? "?"))
        }
    }
}
