import MTFix
import MTFixTestSupport

/// Runs one rule example the way the house style asks: as written, after a multibyte paragraph, with
/// CRLF line ends, twice, and through the unified diff. Returns every problem found (empty: passed).
enum ExampleHarness {
    /// A paragraph of its own in the example's language, with 2-, 3- and 4-byte UTF-8 characters, so
    /// sentence- and line-level rules see the example's structure unchanged, only shifted.
    static func prefix(for language: String) -> String {
        switch language {
        case "de": "Zoës Café 😀 in Zürich öffnete am Montag.\n\n"
        case "fr": "Le café de Zoë 😀 à Zürich a ouvert lundi.\n\n"
        case "es": "El café de Zoë 😀 en Zúrich abrió el lunes.\n\n"
        case "ru": "Кафе Зои 😀 в Цюрихе открылось в понедельник.\n\n"
        case "ja": "チューリッヒのカフェ😀が月曜日に開店した。\n\n"
        case "zh": "苏黎世的咖啡馆😀周一开业。\n\n"
        default: "Zoë’s café 😀 in Zürich opened on Monday.\n\n"
        }
    }

    static func crlf(_ s: String) -> String {
        s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// The language an example is tested in: its own `lang`, the rule's only language, or detected.
    static func language(of example: RuleExample, rule: any Rule) -> String {
        if let l = example.language { return l }
        let langs = rule.descriptor.languages
        if langs.count == 1 { return langs[0] }
        let detected = LanguageDetector.detect(example.input)
        if langs.isEmpty || langs.contains(detected) { return detected }
        return langs[0]
    }

    static func engine(for rule: any Rule) -> Engine {
        Engine(rules: [rule], applyLevel: rule.descriptor.safety == .review ? .review : .safe)
    }

    static func records(_ r: EngineResult) -> [FindingRecord] {
        FindingRecord.records(r.findings, in: r.original, path: "x")
    }

    static func fixes(_ rule: any Rule, _ ex: RuleExample) throws -> [String] {
        guard let expected = ex.output else { return ["a 'fixes' example without 'out'"] }
        // `out` equal to `in`: a finding without an applied edit (a report or review-only case).
        if expected == ex.input { return reports(rule, ex) }
        var problems: [String] = []
        let e = engine(for: rule)
        let lang = language(of: ex, rule: rule)
        let skip = Set(rule.descriptor.skippedPerturbations)
        let plain = e.run(ex.input, language: lang)
        if plain.fixed != expected { problems.append("output differs\n  expected: \(expected.debugDescription)\n  actual:   \(plain.fixed.debugDescription)") }
        if plain.findings.isEmpty { problems.append("no finding reported") }
        let again = e.run(plain.fixed, language: lang)
        if again.fixed != plain.fixed { problems.append("not idempotent: a second run gives \(again.fixed.debugDescription)") }
        if !skip.contains("prefix") {
            let p = prefix(for: lang)
            let shifted = e.run(p + ex.input, language: lang)
            if shifted.fixed != p + expected {
                problems.append("with a multibyte prefix: output differs: \(shifted.fixed.debugDescription)")
            }
            problems += offsetsShift(records(plain), records(shifted), by: p)
        }
        if !skip.contains("crlf") {
            let p = skip.contains("prefix") ? "" : prefix(for: lang)
            let input = crlf(p + ex.input)
            let got = e.run(input, language: lang).fixed
            if got != crlf(p + expected) { problems.append("with CRLF line ends: output differs: \(got.debugDescription)") }
        }
        if plain.fixed != ex.input {
            let diff = UnifiedDiffWriter().diff(old: ex.input, new: plain.fixed, path: "example.txt")
            if let problem = try checkDiffApplies(diff, path: "example.txt", original: ex.input, expected: expected) {
                problems.append("unified diff: \(problem)")
            }
        }
        return problems
    }

    /// Findings after a prefix sit exactly the prefix later: same columns, lines and bytes shifted.
    static func offsetsShift(_ a: [FindingRecord], _ b: [FindingRecord], by prefix: String) -> [String] {
        guard a.count == b.count else { return ["with a multibyte prefix: \(b.count) findings instead of \(a.count)"] }
        let lines = prefix.filter { $0 == "\n" || $0 == "\r\n" }.count
        let bytes = prefix.utf8.count
        var problems: [String] = []
        for (x, y) in zip(a, b) {
            let ok = y.line == x.line + lines && y.end_line == x.end_line + lines && y.column == x.column
                && y.end_column == x.end_column && y.byte_offset == x.byte_offset + bytes
                && y.byte_length == x.byte_length && y.rule == x.rule && y.original == x.original
                && y.replacement == x.replacement
            if !ok {
                problems.append(
                    "with a multibyte prefix: finding moved wrongly: \(x.line):\(x.column)@\(x.byte_offset) → \(y.line):\(y.column)@\(y.byte_offset) (expected +\(lines) lines, +\(bytes) bytes)")
            }
        }
        return problems
    }

    static func keeps(_ rule: any Rule, _ ex: RuleExample) -> [String] {
        var problems: [String] = []
        let e = engine(for: rule)
        let lang = language(of: ex, rule: rule)
        var variants = [ex.input]
        if !rule.descriptor.skippedPerturbations.contains("prefix") { variants.append(prefix(for: lang) + ex.input) }
        for text in variants {
            let r = e.run(text, language: lang)
            if let f = r.findings.first { problems.append("unexpected finding: \(f.message) at \(r.original.string(f.range).debugDescription)") }
            if r.fixed != text { problems.append("text changed to \(r.fixed.debugDescription)") }
        }
        return problems
    }

    static func reports(_ rule: any Rule, _ ex: RuleExample) -> [String] {
        let r = engine(for: rule).run(ex.input, language: language(of: ex, rule: rule))
        var problems: [String] = []
        if r.findings.isEmpty { problems.append("no finding reported") }
        if r.fixed != ex.input { problems.append("a 'reports' example must not change the text, got \(r.fixed.debugDescription)") }
        return problems
    }

    static func knownFailure(_ rule: any Rule, _ ex: RuleExample) -> [String] {
        let r = engine(for: rule).run(ex.input, language: language(of: ex, rule: rule))
        return r.fixed == ex.output ? ["known failure now passes: move it to 'fixes'"] : []
    }
}
