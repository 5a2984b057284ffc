import MTFixCore
import Testing

/// A rule that replaces every occurrence of a literal, for engine tests.
struct LiteralRule: Rule {
    let descriptor: RuleDescriptor
    let from: String
    let to: String

    init(_ id: String, _ from: String, _ to: String, category: Category = .htmlEntity, safety: Safety = .safe) {
        descriptor = RuleDescriptor(id: id, category: category, safety: safety, summary: id, message: id)
        self.from = from
        self.to = to
    }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        let f = Array(from.utf16)
        var out: [Finding] = []
        var i = 0
        while i + f.count <= u.count {
            if Array(u[i..<(i + f.count)]) == f {
                out.append(Finding(descriptor: descriptor, range: i..<(i + f.count), replacement: to))
                i += f.count
            } else {
                i += 1
            }
        }
        return out
    }
}

@Suite("Engine")
struct EngineTests {
    @Test func appliesBackToFrontAndRepeatsUntilStable() {
        // "&amp;amp;" needs two passes of the one-level rule.
        let e = Engine(rules: [LiteralRule("amp", "&amp;", "&")])
        let r = e.run("a &amp;amp; b &amp; c", language: "en")
        #expect(r.fixed == "a & b & c")
        #expect(r.passes >= 2)
        #expect(e.run(r.fixed, language: "en").fixed == r.fixed)
        // Findings are reported in the original's coordinates.
        #expect(r.findings.allSatisfy { $0.range.upperBound <= 22 })
    }

    @Test func overlappingEditsResolveDeterministically() {
        let a = LiteralRule("a-rule", "abc", "X")
        let b = LiteralRule("b-rule", "bcd", "Y")
        let r1 = Engine(rules: [a, b]).run("abcd", language: "en")
        let r2 = Engine(rules: [b, a]).run("abcd", language: "en")
        #expect(r1.fixed == r2.fixed)
        #expect(r1.fixed == "Xd")
        #expect(r1.conflicts.count == 1)
        #expect(r1.conflicts.first?.loser == "b-rule")
    }

    /// A finding inside text that a mojibake repair decodes in the same pass is about garbled text: it
    /// is not reported (nor applied); findings elsewhere, and other readings of the mojibake, still are.
    @Test func findingsInsideMojibakeRepairsAreNotReported() {
        let mojibake = LiteralRule("moji", "Ã©", "é", category: .mojibake)
        let alternative = LiteralRule("moji-2", "Ã", "Ä", category: .mojibake)
        let name = LiteralRule("name", "Ã©t", "Et", category: .nameDrift, safety: .review)
        let other = LiteralRule("entity", "&amp;", "&")
        let r = Engine(rules: [mojibake, alternative, name, other]).run("Ã©t &amp; Ãx", language: "en")
        #expect(r.fixed == "ét & Äx")
        #expect(Set(r.findings.map(\.rule)) == ["moji", "moji-2", "entity"])
        #expect(r.findings.filter { $0.rule == "moji-2" }.count == 2)
    }

    /// A finding of a later pass that ends where an earlier pass's replacement begins maps back to a
    /// range ending there too, and one the first pass offered for review and a later pass applied is
    /// reported once, as applied.
    @Test func laterPassFindingsMapBeforeEarlierReplacements() {
        let respell = LiteralRule("respell", "Brinken", "Blinken", category: .nameDrift)
        let title = TitleBeforeRule()
        let r = Engine(rules: [respell, title]).run("PM Brinken spoke.", language: "en")
        #expect(r.fixed == "Blinken spoke.")
        let titles = r.findings.filter { $0.rule == "title" }
        #expect(titles.count == 1)
        #expect(titles.first?.range == 0..<3)
        #expect(titles.first?.safety == .safe)
        #expect(r.applied.first { $0.rule == "title" }?.range == 0..<3)
    }

    @Test func safetyLevelsGateEdits() {
        let review = LiteralRule("rev", "x", "y", safety: .review)
        #expect(Engine(rules: [review]).run("axb", language: "en").fixed == "axb")
        #expect(Engine(rules: [review], applyLevel: .review).run("axb", language: "en").fixed == "ayb")
    }

    @Test func keepsCRLFAndMissingNewline() {
        let e = Engine(rules: [LiteralRule("amp", "&amp;", "&")])
        #expect(e.run("a &amp; b\r\nc\r\n", language: "en").fixed == "a & b\r\nc\r\n")
        #expect(e.run("\u{FEFF}x &amp; y", language: "en").fixed == "\u{FEFF}x & y")
    }
}

/// Drops `PM ` before a name: sure of it before `Blinken`, for review before anything else.
struct TitleBeforeRule: Rule {
    let descriptor = RuleDescriptor(id: "title", category: .titleConflict, safety: .review, summary: "title", message: "title")

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let text = String(decoding: document.utf16, as: UTF16.self)
        guard text.hasPrefix("PM ") else { return [] }
        let sure = text.dropFirst(3).hasPrefix("Blinken")
        return [Finding(descriptor: descriptor, range: 0..<3, replacement: "", safety: sure ? .safe : nil)]
    }
}

/// Reports every `NEW` in a snapshot; `originalOnly` decides whether the engine runs it after edits.
struct NewWordReport: Rule {
    let descriptor = RuleDescriptor(id: "new-word", category: .untranslated, safety: .report, summary: "n", message: "n")
    let originalOnly: Bool
    var checksOriginalOnly: Bool { originalOnly }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        LiteralRule("x", "NEW", "NEW").check(document, context: context).map {
            Finding(descriptor: descriptor, range: $0.range, replacement: nil)
        }
    }
}

@Suite("Engine: rules on the original only")
struct OriginalOnlyTests {
    @Test(arguments: [true, false], [true, false])
    func originalOnlyRuleSkipsLaterPasses(originalOnly: Bool, excerpts: Bool) {
        var engine = Engine(rules: [LiteralRule("up", "old", "NEW"), NewWordReport(originalOnly: originalOnly)])
        engine.usesExcerpts = excerpts
        let r = engine.run("An old word and a NEW one.\n", language: "en")
        #expect(r.fixed == "An NEW word and a NEW one.\n")
        // The NEW made by the repair is reported only when the rule runs after edits too.
        #expect(r.findings.filter { $0.rule == "new-word" }.count == (originalOnly ? 1 : 2))
    }
}
