import Foundation
import MTFix
import Testing

/// What the untranslated-text rules promise beyond their examples: the run as the range, the language
/// named in the document's language, evidence, nothing edited, and look-alikes (quotations in the
/// original language, names, titles, credits, a document whose language tag is wrong) left alone.
@Suite("Untranslated runs")
struct UntranslatedTests {
    static let checker = Checker(rules: CorpusRun.rules, options: CheckOptions(select: ["untranslated"]))

    static func findings(_ text: String, lang: String? = nil) -> (EngineResult, [Finding]) {
        let c = lang.map { Checker(rules: CorpusRun.rules, options: CheckOptions(language: $0, select: ["untranslated"])) } ?? checker
        let r = c.run(text)
        return (r, r.findings.filter { $0.category == .untranslated })
    }

    @Test func englishSentenceInJapaneseIsTheRangeAndNamedInJapanese() throws {
        let run = "The ministry expects that sales will continue to grow even without the full subsidy."
        let text = "経済産業省は１４日、電気自動車の購入補助金を来年度から段階的に縮小する方針を固めた。\(run) 一方、自動車メーカーからは反発の声も上がっている。\n"
        // (Checked as Japanese: a text this short, a third of it English, is detected as English.)
        let (r, f) = Self.findings(text, lang: "ja")
        let one = try #require(f.first)
        #expect(f.count == 1)
        #expect(r.original.string(one.range) == run)
        #expect(one.rule == "untranslated-ja" && one.safety == .report && one.edits.isEmpty)
        #expect(one.message.contains("英語"))
        #expect(one.evidence["language"] == "en" && one.evidence["script"] == "Latn")
        #expect(r.fixed == text)
    }

    @Test func germanParagraphInEnglishIsOneFinding() throws {
        let para = "Die Arbeitgeber erklärten dagegen, dass die Forderungen der Gewerkschaft die Wettbewerbsfähigkeit des Hafens gefährden würden. Sie wiesen darauf hin, dass die Umschlagmengen im vergangenen Jahr gesunken sind."
        let text = "Dock workers extended their strike on Thursday after the talks ended without a deal.\n\n\(para)\n\nShipping lines have begun diverting vessels to Rotterdam and Antwerp, the port authority said.\n\nRetailers warned that the delays could affect supplies of electronics and clothing ahead of the holiday season, when demand is at its highest.\n"
        let (r, f) = Self.findings(text, lang: "en")
        #expect(f.count == 1)
        #expect(f.first.map { r.original.string($0.range) } == para)
        #expect(f.first?.message == "text appears to be in German, not English: left untranslated")
        #expect(Int(f.first?.evidence["document_function_words"] ?? "") == 0)
    }

    @Test func japaneseSentenceInEnglish() throws {
        let text = "The two leaders met on Tuesday in the capital and spoke for an hour. 両首脳は同盟の強化で合意し、共同声明を発表した。 Both sides called the talks productive and agreed to meet again.\n"
        let (r, f) = Self.findings(text)
        #expect(f.map { r.original.string($0.range) } == ["両首脳は同盟の強化で合意し、共同声明を発表した。"])
        #expect(f.first?.evidence["language"] == "ja")
    }

    /// A quotation whose attribution is in the same foreign language was left untranslated as a whole.
    @Test func quotationWithForeignAttributionIsReported() {
        let para = "\"We will not accept this decision and we will fight it in the courts,\" the minister said on Monday."
        let text = "Die Regierung kündigte am Montag Widerstand gegen das Urteil an.\n\n\(para)\n\nDie Opposition begrüßte den Schritt und forderte eine schnelle Entscheidung.\n"
        let (r, f) = Self.findings(text, lang: "de")
        #expect(f.map { r.original.string($0.range) } == [para])
        #expect(f.first?.message == "Text auf Englisch statt Deutsch: nicht übersetzt")
    }

    /// Look-alikes in clean copy, each with the language it is checked in.
    static let lookAlikes: [(String, String)] = [
        // A quotation in the original language, framed by the document's.
        ("de", "Weber sagte, das Geld solle in die Expansion in die USA fließen. „We are hiring in New York and San Francisco“, sagte sie."),
        ("de", "Gründerin Anna Weber sagte: „Our mission is to make the data of every company useful for the people who work there.“ Die Runde wurde von einem Fonds angeführt."),
        ("en", "Her predecessor once told parliament: \"Die Würde des Menschen ist unantastbar, und das gilt für alle, die in diesem Land leben, nicht nur für die Deutschen.\" Lawmakers applauded."),
        ("ja", "試合後、大谷選手は「Thank you so much to all of the fans who have supported me」と英語で感謝を述べた。"),
        ("zh", "首席执行官Tim Cook表示，这是“the biggest leap forward in the history of the iPhone”。新机型搭载A18芯片。"),
        // A paragraph that is all quotation, under a frame in the document's language.
        ("de", "Trump schrieb am Montag auf seiner Plattform:\n\n\"The United States will impose a tariff of 25 percent on all goods that come from the European Union.\"\n\nDie EU-Kommission reagierte zurückhaltend."),
        // Cited inside a sentence of the document's language.
        ("en", "The banner read 团结就是力量，胜利属于人民。 in large red characters above the square."),
        ("en", "Her Japanese motto, 七転び八起き。, hangs in her office next to a photo of her first team."),
        // Names, titles, credits.
        ("en", "German newspapers Der Spiegel, Die Zeit and Die Welt all led with the result on Monday.\n\nPhoto: AP / Markus Schreiber"),
        ("fr", "Le film américain « The Brutalist » et le long-métrage espagnol « La sociedad de la nieve » figurent parmi les favoris."),
        ("ja", "チームメートのMookie Betts選手は「He is the best player in the world, and it is not even close」と語った。\n\n（ロイター）\n\n写真：AP"),
        // Korean copy, which has no profile and is checked as English: not an English text with Korean in it.
        ("en", "윤석열 대통령은 26일 기자회견을 열었다.\n\n대통령은 \"한미 동맹은 굳건하다\"고 말했다."),
    ]

    @Test(arguments: lookAlikes.indices)
    func lookAlikeIsNotReported(_ k: Int) {
        let (lang, text) = Self.lookAlikes[k]
        let (r, f) = Self.findings(text, lang: lang)
        #expect(f.isEmpty, "\(f.map { r.original.string($0.range) })")
    }

    /// A document checked in the wrong language is not one long untranslated run.
    @Test func wrongLanguageTagReportsNothing() {
        let text = "The ministry confirmed the agreement on Monday after two days of talks in the capital.\n\nThe rules take effect in March, officials said, and will apply to all new contracts.\n"
        #expect(Self.findings(text, lang: "de").1.isEmpty)
        let ja = "経済産業省は１４日、電気自動車の購入補助金を来年度から段階的に縮小する方針を固めた。\n"
        #expect(Self.findings(ja, lang: "en").1.isEmpty)
    }
}
