import MTFix
import Testing

/// Repairs that need several rules at once (each rule's own examples run it alone), from a fresh-eyes
/// review: all rules together must give exactly these outputs.
@Suite("Combined repairs")
struct CombinedRepairTests {
    static let rules = RuleExamples.rules

    /// All bundled rules for `language`, and what they make of `input`.
    static func run(_ language: String, _ input: String) -> (Checker, EngineResult) {
        let checker = Checker(rules: rules, options: CheckOptions(language: language))
        return (checker, checker.run(input))
    }

    @Test(arguments: [
        // A CJK stop before a comma in Latin text: orphan-punctuation drops the stop, fullwidth-punct
        // converts the comma (it used to convert the stop too, leaving `Tokyo.,`).
        ("en", "The rain stopped in Tokyo。，officials said.\n", "The rain stopped in Tokyo, officials said.\n"),
        // A full-width comma after a space in Latin text: the space goes with it (orphan-punctuation and
        // fullwidth-punct together), not `rebounds , and`.
        ("en", "He had 12 rebounds ，and she added 17.\n", "He had 12 rebounds, and she added 17.\n"),
        // A sentence restarted by repeating its last words, then that comma.
        ("en", "She had 18 points. had 18 points and 12 rebounds ，and he added 17.\n",
         "She had 18 points and 12 rebounds, and he added 17.\n"),
        // A BOM opening the text: the first sentence starts after it, and it stays.
        ("fr", "\u{FEFF}Le Belge est troisième à 1 min 05 sec. Le Belge est troisième à 1 min 05 sec.\n",
         "\u{FEFF}Le Belge est troisième à 1 min 05 sec.\n"),
        ("en", "\u{FEFF}Kazakhstan United States Central Asia\nPresident Ann Lee speaks in Astana, Kazakhstan, Monday, May 6, 2024. (AP Photo/Eugene Hoshiko)\n\nThe talks ended on Tuesday.\n",
         "\u{FEFF}The talks ended on Tuesday.\n"),
        // UTF-8 Japanese read as Shift_JIS holds half-width katakana: it is decoded, not widened (widening
        // would make it unrecoverable).
        ("ja", "同社は霈ｸ蜃ｺ縺悟｢怜刈したと発表した。\n", "同社は輸出が増加したと発表した。\n"),
        // Clean Russian with units after `кв.`: nothing to repair.
        ("ru", "Власти заявили о мерах. Площадь пожара составила 500 кв. м.\n", "Власти заявили о мерах. Площадь пожара составила 500 кв. м.\n"),
    ])
    func allRulesTogether(_ language: String, _ input: String, _ expected: String) {
        let (checker, result) = CombinedRepairTests.run(language, input)
        #expect(result.fixed.isIdentical(to: expected), "got \(result.fixed.debugDescription)")
        // And nothing is left for a second run.
        #expect(checker.run(result.fixed).fixed.isIdentical(to: result.fixed))
    }

    /// Findings whose repair is a guess: reported for review, the text left as it is.
    @Test(arguments: [
        // A stop and a comma before a capital: the capital may start a sentence (`He left`) or
        // continue one (`Japan's coast guard said`), so which mark is the orphan is not known.
        ("en", "The minister said the talks went well. , He left on Tuesday.\n", "orphan-punctuation"),
        ("en", "The ferry sank off Tokyo. , \"The coast guard said so.\"\n", "orphan-punctuation"),
        ("de", "Die Lage sei ernst. , Er reiste am Dienstag ab.\n", "orphan-punctuation"),
    ])
    func reviewOnly(_ language: String, _ input: String, _ rule: String) {
        let (_, result) = CombinedRepairTests.run(language, input)
        #expect(result.fixed.isIdentical(to: input), "got \(result.fixed.debugDescription)")
        #expect(result.findings.contains { $0.rule == rule && $0.safety == .review })
    }
}
