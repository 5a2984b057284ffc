import Foundation
import MTFix
import MTFixTestSupport
import Testing

@Suite("CLI: mtfix rules")
struct RulesCommandTests {
    @Test func listShowsEveryRuleWithItsColumns() throws {
        let r = try mtfix(["rules", "--no-config"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID ") == true)
        #expect(lines.count == RuleExamples.rules.count + 1)
        let row = try #require(lines.first { $0.hasPrefix("broken-attribution-en ") })
        #expect(row.split(separator: " ", omittingEmptySubsequences: true).prefix(4) == ["broken-attribution-en", "broken-attribution", "safe", "en"])
    }

    /// `mtfix rules` lists what runs: a config's select/ignore turn rules off there as in check.
    @Test func listFollowsTheConfigSelection() throws {
        let dir = try makeTempDir()
        try "ignore: [caption, html-entity]\n".write(to: dir.appendingPathComponent(".mtfix.yml"), atomically: true, encoding: .utf8)
        let all = RuleExamples.rules.map(\.descriptor)
        let off = all.filter { $0.category.rawValue == "caption" || $0.id == "html-entity" }.count
        let r = try mtfix(["rules"], cwd: dir)
        #expect(r.status == 0)
        #expect(!r.stdout.contains("caption-en ") && !r.stdout.contains("html-entity "))
        #expect(r.stdout.split(separator: "\n").count == all.count - off + 1)
        #expect(r.stderr.hasPrefix("mtfix: \(off) rules turned off by ") && r.stderr.hasSuffix(" (select/ignore); --no-config lists them\n"))
        let everything = try mtfix(["rules", "--no-config"], cwd: dir)
        #expect(everything.stdout.contains("caption-en ") && everything.stderr.isEmpty)
    }

    @Test func listByLanguageKeepsCommonRules() throws {
        let de = try mtfix(["rules", "--no-config", "--lang", "de"]).stdout
        #expect(de.contains("html-entity "))
        #expect(!de.contains("broken-attribution-en "))
        #expect(de.contains("broken-attribution-de "))
        let bad = try mtfix(["rules", "--no-config", "--lang", "xx"])
        #expect(bad.status == 2)
        // Nothing in common with any language: no suggestion (it used to say "did you mean 'de'?").
        #expect(bad.stderr == "mtfix: unknown language 'xx'; use auto or one of: de, en, es, fr, ja, ru, zh\n")
        let slip = try mtfix(["rules", "--no-config", "--lang", "ej"])
        #expect(slip.stderr == "mtfix: unknown language 'ej' (did you mean 'en'?); use auto or one of: de, en, es, fr, ja, ru, zh\n")
    }

    /// `explain` works for every bundled rule and shows its file and every example line.
    @Test(arguments: RuleExamples.rules.map(\.descriptor.id))
    func explain(_ id: String) throws {
        let r = try mtfix(["rules", "explain", "--no-config", id])
        #expect(r.status == 0, "\(r.stderr)")
        let d = RuleExamples.rule(id).descriptor
        #expect(r.stdout.hasPrefix("\(id): \(d.summary)\n"))
        // Bundled rules are built in: no file path the user does not have.
        #expect(r.stdout.contains("  built-in:   \(d.location!.file) (compiled into mtfix)\n"))
        #expect(!r.stdout.contains("  file:"))
        #expect(r.stdout.contains("  category:   \(d.category.rawValue)\n"))
        for ex in d.fixes + d.keeps + d.reports + d.knownFailures {
            #expect(r.stdout.contains("  line \(ex.location.line):\n"))
        }
    }

    /// `mtfix rules <id>` is what users type: it explains the rule, as `rules explain <id>` does.
    @Test func rulesWithAnIdExplainsIt() throws {
        let short = try mtfix(["rules", "--no-config", "split-sentence"])
        let long = try mtfix(["rules", "explain", "--no-config", "split-sentence"])
        #expect(short.status == 0)
        #expect(short.stdout == long.stdout)
        #expect(short.stdout.hasPrefix("split-sentence: "))
    }

    @Test func explainUnknownRuleSuggests() throws {
        let r = try mtfix(["rules", "explain", "--no-config", "html-entiti"])
        #expect(r.status == 2)
        #expect(r.stderr == "mtfix: unknown rule 'html-entiti' (did you mean 'html-entity'?)\n")
        #expect(r.stdout.isEmpty)
    }
}

@Suite("Language detection from Rules/<lang>/language.yml")
struct LanguageDetectorTests {
    @Test(arguments: [
        ("The minister said that the talks with the union were over.", "en"),
        ("Der Minister sagte, dass die Gespräche mit der Gewerkschaft nicht beendet sind.", "de"),
        ("Le ministre a dit que les négociations avec le syndicat sont terminées pour la semaine.", "fr"),
        ("El ministro dijo que las negociaciones con el sindicato se terminaron por la semana.", "es"),
        ("Министр заявил, что переговоры с профсоюзом завершены.", "ru"),
        ("首相は２６日、米国の国務長官と会談した。", "ja"),
        ("国务卿周一在阿斯塔纳会见了总统。", "zh"),
        // One Japanese word in an English article, and English words in a Japanese one.
        ("The chef, who trained in Osaka, said that the すし served at the embassy was the best in town.", "en"),
        ("首相は２６日、Apple の CEO と会談した。", "ja"),
        // Short English without `the` (`a` counts for French), and short French.
        ("Q: Will you run again? A: We'll see.", "en"),
        ("Il a dit non.", "fr"),
        ("", "en"),
    ])
    func detects(_ text: String, _ lang: String) {
        #expect(LanguageDetector.detect(text) == lang)
    }

    @Test func profilesComeFromTheRuleTree() throws {
        #expect(LanguageDetector.bundled.languages == ["de", "en", "es", "fr", "ja", "ru", "zh"])
        let custom = RuleTree(display: "R", files: ["it/language.yml": "scripts: [Latn]\nfunction_words: [il, di, che, e, la]\n"])
        let d = try LanguageDetector(trees: [.bundled, custom])
        #expect(d.detect("Il ministro ha detto che la riunione di oggi e finita.") == "it")
        let broken = RuleTree(display: "R", files: ["it/language.yml": "function_words: [il]\n"])
        #expect(throws: RuleLoadErrors.self) { try LanguageDetector(trees: [broken]) }
    }
}
