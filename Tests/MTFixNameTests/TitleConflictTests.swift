import MTFix
import Testing

/// `title-conflict`, alone and together with `name-drift` (their edits must combine).
@Suite("Title conflict")
struct TitleConflictTests {
    @Test func wrongTitleAndDriftedNameAreRepairedTogether() {
        let story = """
            Okafor wraps up Lagos visit

            UN Secretary-General envoy and Foreign Minister Grace Okafor arrived in Lagos on Monday.

            During the talks, Prime Minister Okafol stressed “shared goals,” officials said.

            Okafol flew home on Tuesday.

            """
        let r = Names.run(story, "en")
        #expect(r.fixed.contains("During the talks, Okafor stressed"))
        #expect(r.fixed.contains("Okafor flew home"))
        #expect(Names.summary(r).sorted() == ["5:name-drift:safe", "5:title-conflict:safe", "7:name-drift:safe"])
        let t = r.findings.first { $0.category == .titleConflict }!
        #expect(t.evidence["introduced_as"] == "Foreign Minister")
    }

    @Test(arguments: [
        // A title repeated consistently.
        "Senator Dana Pike spoke. Senator Pike voted. Senator Pike left.",
        // Different people with the same title.
        "Prime Minister Anna Ridley met Prime Minister Joel Haas. Prime Minister Ridley spoke.",
        // Different people with the same surname.
        "Governor Ann Pike met Mayor Tom Pike, her brother. Mayor Pike spoke first.",
        // A change of office the story states.
        "Former Prime Minister Hal Brandt, now Foreign Minister, arrived. Foreign Minister Brandt spoke.",
        // A second office the story repeats is its own claim.
        "Mayor Tom Reyes opened the bridge. Governor Reyes spoke. Later Governor Reyes left.",
        // A deputy is another office, not a contradiction.
        "Foreign Minister Ida Holm arrived. Deputy Prime Minister Ole Holm spoke. Foreign Minister Holm left.",
    ])
    func consistentTitlesStay(_ text: String) {
        let r = Names.run(text, "en", only: ["title-conflict-en"])
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
    }

    @Test func otherLanguages() {
        let de = "Außenministerin Petra Kallweit reiste.\n\nDort sagte Bundeskanzlerin Kallweit, man sei zufrieden.\n"
        #expect(Names.run(de, "de").fixed == "Außenministerin Petra Kallweit reiste.\n\nDort sagte Kallweit, man sei zufrieden.\n")
        let fr = "La ministre de l’Intérieur, Claire Vasseur, était à Lyon.\n\nLe juge Vasseur a salué les secours.\n"
        #expect(Names.run(fr, "fr").fixed == "La ministre de l’Intérieur, Claire Vasseur, était à Lyon.\n\nVasseur a salué les secours.\n")
        let es = "La ministra de Defensa, Lucía Garmendia, llegó.\n\nLa alcaldesa Garmendia habló.\n"
        #expect(Names.run(es, "es").fixed == "La ministra de Defensa, Lucía Garmendia, llegó.\n\nGarmendia habló.\n")
        let ru = "Министр обороны Олег Петрушин прибыл.\n\nПремьер-министр Петрушин осмотрел завод.\n"
        #expect(Names.run(ru, "ru").fixed == "Министр обороны Олег Петрушин прибыл.\n\nПетрушин осмотрел завод.\n")
        let ja = "エレナ・ヴォルコワ外相が来日した。\n\nボルコワ首相は約束した。\n"
        #expect(Names.run(ja, "ja").fixed == "エレナ・ヴォルコワ外相が来日した。\n\nヴォルコワ氏は約束した。\n")
        let zh = "外长埃琳娜·沃尔科娃访问巴西。\n\n总理沃科娃表示满意。\n"
        #expect(Names.run(zh, "zh").fixed == "外长埃琳娜·沃尔科娃访问巴西。\n\n沃尔科娃表示满意。\n")
    }

    @Test func articleBeforeAContractedPrepositionIsReviewOnly() {
        let fr = "La ministre Claire Vasseur était à Lyon.\n\nL’avis du juge Vasseur a compté.\n"
        let r = Names.run(fr, "fr", only: ["title-conflict-fr"])
        #expect(Names.summary(r) == ["3:title-conflict:review"])
    }

    /// The message and evidence name the person as written, not by stems (`Серг Лавр`).
    @Test func thePersonIsNamedAsWritten() {
        let ru = "МОСКВА. Министр иностранных дел Сергей Лавров прибыл в Анкару.\n\nПремьер-министр Лавров провел переговоры.\n"
        let r = Names.run(ru, "ru", only: ["title-conflict-ru"])
        #expect(r.findings.count == 1)
        #expect(r.findings.first?.evidence["person"] == "Сергей Лавров")
        // The message is the rule file's (Russian); the name in it as written.
        #expect(r.findings.first?.message.contains("первому упоминанию: Сергей Лавров") == true)
    }
}
