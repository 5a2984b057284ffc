import MTFix
import Testing

/// Mojibake encoded more than once is repaired in one finding, so the engine's next pass finds nothing;
/// and a letter beside a lost character is not taken for a lead byte (that ate words one letter per pass).
@Suite("Mojibake layers")
struct MojibakeLayerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let fixed: String
        let layers: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "double encoding", text: "Un cafÃƒÂ© noir.", fixed: "Un café noir.", layers: 2),
        Case(name: "double-encoded quotes", text: "Ã¢â‚¬Å“YesÃ¢â‚¬Â\u{9D}, she said.", fixed: "“Yes”, she said.", layers: 2),
        Case(name: "triple encoding", text: "It doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t matter.", fixed: "It doesn’t matter.", layers: 3),
        Case(name: "double-encoded euro sign", text: "It costs Ã¢â€šÂ¬5.", fixed: "It costs €5.", layers: 2),
    ]

    @Test(arguments: cases)
    func oneFindingPerRun(_ c: Case) throws {
        let r = UnicodeRules.fix(c.text, rules: UnicodeRules.only(.mojibake))
        #expect(r.fixed == c.fixed)
        // One finding, applied once: every layer went in the first pass.
        #expect(r.findings.count == c.fixed.filter { !$0.isASCII }.count)
        #expect(r.applied.count == r.findings.count)
        #expect(r.findings.allSatisfy { $0.evidence["layers"] == (c.layers > 1 ? String(c.layers) : nil) })
        // The repaired text holds nothing more for the rule.
        let again = Engine(rules: UnicodeRules.only(.mojibake)).findings(in: Document(text: r.fixed))
        #expect(again.isEmpty)
    }

    /// Each of these once lost a letter per engine pass (`МОСКВ�` → `МОСК�` → … → `�`).
    @Test(arguments: [
        ("МОСКВ�, 3 марта.", "ru"), ("AMANHÉ� TARDE", "pt"), ("ро��ийские компании", "ru"),
        ("решение «�порным», но", "ru"),
    ])
    func letterBesideLostCharacterStays(_ text: String, _ language: String) {
        let r = UnicodeRules.fix(text, rules: UnicodeRules.only(.mojibake), language: language)
        #expect(r.fixed == text)
        #expect(r.findings.isEmpty)
    }

    /// The same text as mojibake: repaired up to the lost character, which stays U+FFFD.
    @Test func lostCharacterInsideRepairedWord() {
        let r = UnicodeRules.fix("ÐœÐžÐ¡ÐšÐ’Ð�, 3 Ð¼Ð°Ñ€Ñ‚Ð°.", rules: UnicodeRules.only(.mojibake), language: "ru")
        #expect(r.fixed == "МОСКВ�, 3 марта.")
        #expect(r.passes <= 2)
    }

    /// A single lost byte inside a word is still a sequence (`Ì�` is a combining accent that lost a byte).
    @Test func singleLostByteInsideWord() {
        let r = UnicodeRules.fix("MONTREÌ�AL (AFP) - Le gouvernement", rules: UnicodeRules.only(.mojibake), language: "fr")
        #expect(r.fixed == "MONTRE�AL (AFP) - Le gouvernement")
    }
}
