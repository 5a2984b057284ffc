import Foundation
import MTFix
@testable import MTFixCore
import MTFixTestSupport
import Testing

/// Later engine passes re-run line- and paragraph-scope rules on the touched lines only; that must
/// never change a result. Every corpus article and rule example is run both ways and compared.
@Suite("Excerpt passes")
struct ExcerptTests {
    static let rules = RuleExamples.rules

    /// Corpus articles (damaged and clean, every language, also with CRLF line ends), the rule
    /// examples, and all examples of a language run together as one document.
    static let texts: [(name: String, text: String, language: String)] = {
        var out: [(String, String, String)] = []
        let checker = Checker(rules: rules, options: CheckOptions())
        let files = (FileManager.default.enumerator(atPath: TestPaths.corpora.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        for f in files {
            guard let text = try? String(contentsOf: TestPaths.corpora.appendingPathComponent(f), encoding: .utf8) else { continue }
            let language = checker.language(of: text)
            out.append((f, text, language))
            out.append((f + " (CRLF)", text.replacingOccurrences(of: "\n", with: "\r\n"), language))
        }
        var byLanguage: [String: [String]] = [:]
        for c in RuleExamples.cases {
            let language = c.example.language ?? RuleExamples.rule(c.ruleID).descriptor.languages.first ?? "en"
            out.append(("\(c.example.location)", c.example.input, language))
            byLanguage[language, default: []].append(c.example.input)
        }
        for (language, inputs) in byLanguage.sorted(by: { $0.key < $1.key }) {
            out.append(("all \(language) examples", inputs.joined(separator: "\n\n"), language))
        }
        return out
    }()

    @Test func corpusAndExamplesAreCovered() {
        #expect(ExcerptTests.texts.count > 300)
        #expect(ExcerptTests.rules.contains { $0.scope == .line })
    }

    @Test func excerptPassesGiveTheSameResults() {
        let fast = Engine(rules: ExcerptTests.rules, applyLevel: .review)
        var whole = fast
        whole.usesExcerpts = false
        var multiPass = 0
        for t in ExcerptTests.texts {
            let a = whole.run(t.text, language: t.language)
            let b = fast.run(t.text, language: t.language)
            if a.passes > 2 { multiPass += 1 }
            #expect(a.fixed.isIdentical(to: b.fixed), "\(t.name): repaired text differs")
            #expect(ExcerptTests.summary(a.findings) == ExcerptTests.summary(b.findings), "\(t.name): findings differ")
            #expect(ExcerptTests.summary(a.applied) == ExcerptTests.summary(b.applied), "\(t.name): applied differ")
            #expect(a.passes == b.passes, "\(t.name): pass count differs")
        }
        // Texts that needed a third pass: the excerpt path was exercised beyond a no-op second pass.
        #expect(multiPass > 0)
    }

    static func summary(_ fs: [Finding]) -> [String] {
        fs.map { f in
            let edits = f.edits.map { "\($0.range)=\($0.replacement)" }.joined(separator: ";")
            return "\(f.rule) \(f.range) \(f.safety) \(f.message) [\(edits)] \(f.evidence.sorted { $0.key < $1.key })"
        }
    }

    @Test func excerptMapsRangesBackAndRefusesRangesBetweenRuns() {
        let text = "one\ntwo\n\nthree\nfour\nfive\n"
        let doc = Document(text: text, language: "en")
        // "two" (4..<7) and "four" (15..<19) touched: only those two lines are copied.
        let e = Excerpt(of: doc, touched: [5..<6, 17..<18], scope: .line)
        let ex = e.document.text
        #expect(ex.contains("two\n") && ex.contains("four\n"))
        #expect(!ex.contains("one") && !ex.contains("three") && !ex.contains("five"))
        let four = ex.range(of: "four")!.lowerBound.utf16Offset(in: ex)
        #expect(e.toSource(four..<(four + 4)) == 15..<19)
        // A range reaching from one run into the separator or the next run has no source.
        let firstRunEnd = ex.range(of: "\n\n")!.upperBound.utf16Offset(in: ex)
        #expect(e.toSource((firstRunEnd - 2)..<(firstRunEnd + 1)) == nil)
    }

    @Test func excerptKeepsCRLFAndParagraphs() {
        let text = "a b\r\nc d\r\n\r\ne f\r\n\r\ng h\r\n"
        let doc = Document(text: text, language: "en")
        let e = Excerpt(of: doc, touched: [0..<1, 20..<21], scope: .paragraph)
        // Both paragraphs touched, separated by a CRLF blank line; the untouched one in between stays out.
        #expect(!e.document.text.contains("e f"))
        #expect(e.document.text.contains("c d\r\n\r\ng h\r\n"))
        #expect(e.document.paragraphs.count == 2)
    }
}

/// Replaces every `from` with `to`; reads nothing but the line, so `.line` scope is honest unless
/// `peeksAtOtherLines` makes it also require `needs` somewhere in the document (a mis-declared scope).
private struct Replace: Rule {
    let descriptor: RuleDescriptor
    let from: String
    let to: String
    var needs: String? = nil
    var scope: RuleScope { .line }

    init(_ id: String, _ from: String, _ to: String, needs: String? = nil) {
        descriptor = RuleDescriptor(id: id, category: .normalization, safety: .safe, summary: id, message: id)
        self.from = from
        self.to = to
        self.needs = needs
    }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        if let needs, !document.text.contains(needs) { return [] }
        var out: [Finding] = []
        let pattern = Array(from.utf16)
        let u = document.utf16
        var i = 0
        while i + pattern.count <= u.count {
            if Array(u[i..<(i + pattern.count)]) == pattern {
                out.append(Finding(rule: descriptor.id, category: .normalization, safety: .safe, message: descriptor.message,
                                   range: i..<(i + pattern.count), edits: [Edit(range: i..<(i + pattern.count), replacement: to)]))
                i += pattern.count
            } else {
                i += 1
            }
        }
        return out
    }
}

@Suite("Excerpt passes, chained rules")
struct ExcerptChainTests {
    /// `x→yy` in pass 1 enables `yy→ž` in pass 2 and `ž→zz` in pass 3, on lines far apart, with CRLF
    /// and text outside the BMP between them: the excerpt passes find them at the right offsets.
    @Test func chainedLineRulesRepairLikeWholeDocumentPasses() {
        let text = "😀 a x b\r\n" + String(repeating: "filler line\r\n", count: 50) + "\r\nend x\r\nno change"
        let rules: [any Rule] = [Replace("one", "x", "yy"), Replace("two", "yy", "ž"), Replace("three", "ž", "zz")]
        let fast = Engine(rules: rules)
        var whole = fast
        whole.usesExcerpts = false
        let a = whole.run(text, language: "en")
        let b = fast.run(text, language: "en")
        #expect(b.fixed == text.replacingOccurrences(of: " x", with: " zz"))
        #expect(a.fixed == b.fixed)
        #expect(a.passes == 4 && b.passes == 4)
        #expect(ExcerptTests.summary(a.findings) == ExcerptTests.summary(b.findings))
    }

    /// A rule that reads other lines but says `.line` can differ between the two ways: the comparison
    /// above would catch such a declaration.
    @Test func misdeclaredScopeIsObservable() {
        let text = "first x\n\nsecond\n"
        let rules: [any Rule] = [Replace("one", "x", "TRIGGER"), Replace("peek", "second", "2nd", needs: "TRIGGER")]
        let fast = Engine(rules: rules)
        var whole = fast
        whole.usesExcerpts = false
        #expect(whole.run(text, language: "en").fixed == "first TRIGGER\n\n2nd\n")
        #expect(fast.run(text, language: "en").fixed == "first TRIGGER\n\nsecond\n")
    }
}
