import MTFix
import MTFixCore
import MTFixRules
import Testing

/// A rule file's `messages:` gives its findings in the language of the document they are found in.
@Suite("messages in the document's language")
struct LocalizedMessageTests {
    static let yaml = """
        id: dot-comma
        summary: A full stop left before a comma is dropped.
        category: orphan-punctuation
        safety: safe
        message: "punctuation left by a reordering"
        messages:
          ja: "語順の入れ替えで残った句読点"
          de: {punctuation left by a reordering: übrig gebliebenes Satzzeichen}
        kind: pattern
        pattern: '\\. ,'
        replacement: ','
        fixes: [{in: 'a. , b', out: 'a, b'}]
        keeps: ['a, b']
        """

    @Test func messageFollowsTheDocumentLanguage() throws {
        let rule = try RuleFile.parse(Self.yaml, file: "dot-comma.yml", detectors: Toolkit.detectors)
        func message(_ language: String) -> String? {
            rule.check(Document(text: "a. , b", language: language), context: RuleContext()).first?.message
        }
        #expect(message("ja") == "語順の入れ替えで残った句読点")
        #expect(message("de") == "übrig gebliebenes Satzzeichen")
        #expect(message("en") == "punctuation left by a reordering")
        #expect(message("fr") == "punctuation left by a reordering")
    }

    /// Each `: `-separated phrase is translated on its own; a phrase the table lacks stays as it was.
    @Test func phrasesAreTranslatedOneByOne() throws {
        let rule = try #require(try Toolkit.loadRules().first { $0.descriptor.id == "orphan-punctuation" })
        let found = rule.check(Document(text: "東京で会談した。。", language: "ja"), context: RuleContext())
        #expect(found.map(\.message) == ["語順の入れ替えで残った句読点: 句点の重複"])
        let english = rule.check(Document(text: "They met in Tokyo. , officials said.", language: "en"), context: RuleContext())
        #expect(english.map(\.message) == ["punctuation left by a reordering: full stop left before a comma"])
    }

    @Test func malformedMessagesNameTheFileAndLine() {
        let bad = Self.yaml.replacingOccurrences(of: "  ja: \"語順の入れ替えで残った句読点\"", with: "  ja: [a, b]")
        #expect {
            _ = try RuleFile.parse(bad, file: "dot-comma.yml", detectors: Toolkit.detectors)
        } throws: { error in
            "\(error)".hasPrefix("dot-comma.yml:7:") && "\(error)".contains("'ja'")
        }
    }

    /// title-conflict builds its message around the names found; each language's rule file gives the words.
    @Test func titleConflictSpeaksTheRulesLanguage() throws {
        let rules = try Toolkit.loadRules()
        let fr = try #require(rules.first { $0.descriptor.id == "title-conflict-fr" })
        let text = "La ministre de l'Intérieur, Claire Vasseur, était à Lyon.\n\nLa Première ministre Vasseur a salué les secours.\n"
        let found = fr.check(Document(text: text, language: "fr"), context: RuleContext())
        #expect(found.map(\.message) == ["« Première ministre » contredit la présentation de Claire Vasseur (« ministre », ligne 1)"])
    }

    /// name-drift's message and its reason come from the rule file of the document's language; English
    /// is the default.
    @Test(arguments: [
        ("en", "Coach Tomas Ritsner named his squad.\n\nRitzner picked three newcomers.\n",
         "“Ritzner” is spelled “Ritsner” elsewhere (full-name mention “Tomas Ritsner” (line 1))"),
        ("de", "Ministerin Petra Kallweit reiste nach Oslo.\n\nKarrweit sprach dort mit Reedern.\n",
         "„Karrweit“ wird sonst „Kallweit“ geschrieben (vollständiger Name „Petra Kallweit“ (Zeile 1))"),
    ])
    func nameDriftMessageFollowsTheRuleLanguage(language: String, text: String, expected: String) throws {
        let rule = try #require(try Toolkit.loadRules().first { $0.descriptor.id == "name-drift-\(language)" })
        let found = rule.check(Document(text: text, language: language), context: RuleContext())
        #expect(found.map(\.message) == [expected])
    }
}
