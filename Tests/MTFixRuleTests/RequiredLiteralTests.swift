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

    /// Random texts over a small alphabet (so literals overlap, repeat and start inside one another):
    /// the matcher agrees with a plain substring search, with and without case folding.
    @Test func matcherAgreesWithSubstringSearch() {
        var seed: UInt64 = 0x1234_5678
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let alphabet = Array("abcAB &é")
        func word(_ length: Int) -> String { String((0..<length).map { _ in alphabet[next(alphabet.count)] }) }
        for _ in 0..<500 {
            let literals = (0..<(1 + next(5))).map { _ in word(1 + next(4)) }
            let text = word(next(40))
            let exact = LiteralMatcher(literals, ignoreCase: false).scan(Array(text.utf16))
            #expect(exact == literals.map { text.contains($0) }, "\(literals) in \(text.debugDescription)")
            let folded = LiteralMatcher(literals, ignoreCase: true).scan(Array(text.utf16))
            #expect(folded == literals.map { text.lowercased().contains($0.lowercased()) }, "\(literals) in \(text.debugDescription)")
            // `containsAny` answers whether any occurs, without the array.
            for ignoreCase in [false, true] {
                let any = Array(text.utf16).withUnsafeBufferPointer { LiteralMatcher(literals, ignoreCase: ignoreCase).containsAny($0) }
                #expect(any == (ignoreCase ? folded : exact).contains(true), "\(literals) in \(text.debugDescription)")
            }
        }
    }

    /// The prefilter must never change results: the same findings with and without it.
    @Test func prefilterDoesNotChangeFindings() throws {
        let rules = try Toolkit.loadRules()
        // Each example in its rule's language (each language has its own gate), and all of them in each
        // language (a gate must not skip a rule of its language whose literal occurs).
        var texts = RuleExamples.cases.map { c in
            (c.example.input, c.example.language ?? RuleExamples.rule(c.ruleID).descriptor.languages.first ?? "en")
        }
        let all = texts.map(\.0).joined(separator: "\n\n")
        for language in ["en", "de", "fr", "es", "ru", "ja", "zh", "pt"] { texts.append((all, language)) }
        var plain = Engine(rules: rules)
        plain.usesPrefilter = false
        let fast = Engine(rules: rules)
        for (text, language) in texts {
            let a = plain.run(text, language: language)
            let b = fast.run(text, language: language)
            #expect(a.fixed == b.fixed, "\(language): \(text.prefix(60).debugDescription)")
            #expect(a.findings.map(\.range) == b.findings.map(\.range))
        }
    }
}
