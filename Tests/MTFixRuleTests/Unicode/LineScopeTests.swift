import Foundation
import MTFix
import MTFixTestSupport
import Testing

/// A Unicode rule that declares `.line` scope finds in each line alone exactly what it finds there in
/// the whole document: the engine re-checks only touched lines on the strength of that promise.
@Suite("Unicode line scope")
struct LineScopeTests {
    static func texts() throws -> [(name: String, language: String, text: String)] {
        let folder = TestPaths.corpora.appendingPathComponent("unicode")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        var out: [(String, String, String)] = names.map { name in
            let stem = name.hasPrefix("clean-") ? String(name.dropFirst(6)) : name
            let language = String(stem.prefix { $0 != "-" })
            return (name, language, (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "")
        }
        // Every Unicode damage together, with CRLF and lines that hold nothing for most rules.
        out.append(("mixed", "en", "Plain line.\r\ncafÃ© and &amp; and a\u{200B}b\r\nКaзахстан, Kоrea\r\n首相 は 会談 し た 。 ｱﾒﾘｶ\r\n\u{202E}x, e\u{301}t\u{85}e ﬁn\u{1}\n"))
        return out
    }

    struct Key: Hashable {
        let rule: String
        let range: Range<Int>
        let edits: [Edit]
    }

    @Test func sameFindingsLineByLine() throws {
        let rules = UnicodeRules.all.filter { $0.scope == .line }
        #expect(rules.count >= 8, "\(rules.map(\.descriptor.id))")
        for (name, language, text) in try LineScopeTests.texts() {
            let whole = Document(text: text, language: language)
            for rule in rules where rule.descriptor.applies(to: language) {
                let expected = Set(rule.check(whole, context: RuleContext()).map { Key(rule: $0.rule, range: $0.range, edits: $0.edits) })
                var got = Set<Key>()
                for line in whole.lines {
                    let alone = Document(text: whole.string(line), language: language)
                    for f in rule.check(alone, context: RuleContext()) {
                        let shift = { (r: Range<Int>) in (r.lowerBound + line.lowerBound)..<(r.upperBound + line.lowerBound) }
                        got.insert(Key(rule: f.rule, range: shift(f.range), edits: f.edits.map { Edit(range: shift($0.range), replacement: $0.replacement) }))
                    }
                }
                #expect(got == expected, "\(rule.descriptor.id) in \(name)")
            }
        }
    }
}
