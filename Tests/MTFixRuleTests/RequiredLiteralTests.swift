import MTFix
import MTFixICU
@testable import MTFixRules
import Testing

@Suite("Prefilter")
struct RequiredLiteralTests {
    @Test(arguments: [
        ("said\\.\\s+Added\\.", "Added."),
        ("(?<=[,?!][”\"’]\\s)(he|she) said\\.", " said."),
        ("colou?r scheme", "r scheme"),
        ("ab*cdef", "cdef"),
        ("x+yz", "yz"),
        ("(?:foo)?barbaz", "barbaz"),
        ("(?:foo)+ba", "foo"),
        ("(?:a|b)xyz(c|d)", "xyz"),
        ("\\u2019sxyz", "sxyz"),
        ("[abc]{2}hello", "hello"),
        ("\\p{Lu}\\p{Ll}+ added", " added"),
    ])
    func derives(_ pattern: String, _ literal: String) {
        #expect(RequiredLiteral.derive(pattern, options: []) == literal)
    }

    @Test(arguments: ["foo|bar", "(?i)added", "a.b", "\\d+", "(foo|bar)", "[xyz]+"])
    func derivesNothingWhenUnsafe(_ pattern: String) {
        #expect(RequiredLiteral.derive(pattern, options: []) == nil)
    }

    @Test func caseInsensitivePatternsNeedAnExplicitPrefilter() {
        #expect(RequiredLiteral.derive("added", options: [.caseInsensitive]) == nil)
    }

    @Test func matcherFindsEveryLiteralInOnePassIgnoringCase() {
        let m = LiteralMatcher(["he", "she", "hers", "ÜBER", "😀x", "absent"])
        let found = m.scan(Array("Ushers über 😀x".utf16))
        #expect(found == [true, true, true, true, true, false])
    }

    @Test func caseSensitiveMatcherIsExact() {
        let m = LiteralMatcher(["Added.", "ÜBER"], ignoreCase: false)
        #expect(m.scan(Array("he added. über".utf16)) == [false, false])
        #expect(m.scan(Array("x Added. ÜBER".utf16)) == [true, true])
    }

    /// The prefilter must never change results: the same findings with and without it.
    @Test func prefilterDoesNotChangeFindings() throws {
        let rules = try Toolkit.loadRules()
        var texts = RuleExamples.cases.map(\.example.input)
        texts.append(texts.joined(separator: "\n\n"))
        for text in texts {
            var plain = Engine(rules: rules)
            plain.usesPrefilter = false
            let fast = Engine(rules: rules)
            let a = plain.run(text, language: "en")
            let b = fast.run(text, language: "en")
            #expect(a.fixed == b.fixed)
            #expect(a.findings.map(\.range) == b.findings.map(\.range))
        }
    }
}
