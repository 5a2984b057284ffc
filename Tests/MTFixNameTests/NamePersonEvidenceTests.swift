import MTFix
import Testing

@testable import MTFixDetectors

/// Look-alikes of a person's name that are used as places, titles or common nouns: repaired for review at
/// most, never safely (found by a new user on clean copy), while real drift used like a person stays safe.
@Suite("Name drift person evidence")
struct NamePersonEvidenceTests {
    /// Every finding is review-only and the safe output is the story unchanged.
    private func reviewOnly(
        _ story: String, _ lang: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let r = Names.run(story, lang, only: ["name-drift-\(lang)"])
        #expect(!r.findings.isEmpty, "\(story)", sourceLocation: sourceLocation)
        #expect(
            r.findings.allSatisfy { $0.safety == .review }, "\(Names.summary(r))",
            sourceLocation: sourceLocation)
        #expect(r.fixed == story, sourceLocation: sourceLocation)
    }

    /// The story's drift is still repaired, safely: `from` becomes `to` and nothing else changes.
    private func repaired(
        _ story: String, _ lang: String, _ from: String, _ to: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(
            Names.run(story, lang, only: ["name-drift-\(lang)"]).fixed == story.replacingOccurrences(of: from, with: to),
            sourceLocation: sourceLocation)
    }

    @Test func aCityAfterALocativePrepositionIsNoPerson() {
        reviewOnly(
            "Actress Anjelica Huston will receive an award. Huston, 73, won an Oscar in 1986. Huston said she was grateful.\n\nThe ceremony will be held in Houston in March.\n",
            "en")
        reviewOnly(
            "Dog trainer Cesar Millan opened a school. Millan said dogs need walks. Millan smiled.\n\nThe school is in Milan, Italy.\n",
            "en")
        reviewOnly(
            "Die Schauspielerin Anna Rosstock erhält einen Preis. Rosstock ist 73 Jahre alt. Rosstock sagte, sie sei dankbar.\n\nDie Verleihung findet im März in Rostock statt.\n",
            "de")
        reviewOnly(
            "Актриса Анна Таммбов получит премию. Таммбов сказала, что благодарна. Таммбов уехала домой.\n\nЦеремония пройдет в городе Тамбов в марте.\n",
            "ru")
    }

    /// `Varta shares`, `Bari airport`, `Car sales`: a noun of the rule's `thing_after` right after the variant.
    @Test func aNounAfterTheVariantMakesItAThing() {
        reviewOnly(
            "Analyst Petra Barta follows battery makers. Barta expects a recovery.\n\nInvestors bought Varta shares on Monday. Barta said the rally could last.\n",
            "en")
        reviewOnly(
            "Singer Lena Barry will tour Italy. Barry, 41, starts in Rome.\n\nFlights landed at Bari airport late. Barry said she was thrilled.\n",
            "en")
        // A verb after the variant says nothing: the drift is still repaired.
        let person = "Analyst Petra Barta follows battery makers. Barta expects a recovery.\n\nThe rally could last, Varta said.\n"
        repaired(person, "en", "Varta said", "Barta said")
    }

    /// `4.500 Lose`: a counted word is a thing; a year before a name may open a clause and says nothing.
    @Test func aCountedWordIsNoPerson() {
        reviewOnly(
            "Pressesprecherin Lena Rose eröffnete die Tombola. Rose rechnet mit Andrang.\n\nAm ersten Tag gingen 4.500 Lose weg. Rose zeigte sich zufrieden.\n",
            "de")
        let year = "Analyst Petra Barta follows battery makers. Barta expects a recovery.\n\nIn 2019 Varta said the rally could last.\n"
        repaired(year, "en", "2019 Varta", "2019 Barta")
    }

    /// `Galois, the mathematician`: an apposition introduces someone the story had not named before.
    @Test func aVariantIntroducedByAnAppositionIsReviewOnly() {
        reviewOnly(
            "PARIS (AP) — Former executive Louis Gallois received an award on Monday.\n\nGallois thanked the jury. The prize is named after Galois, the 19th-century mathematician.\n",
            "en")
        reviewOnly(
            "LONDON (AP) — Sri Lanka's Angelo Mathews scored 90 on Sunday.\n\nMathews was named player of the match. Matthews, England's bowling coach, said the pitch was slow.\n",
            "en")
        reviewOnly(
            "PARIS (AFP) - La mathématicienne Claire Gallois a reçu mardi la médaille.\n\nLe prix porte le nom de Galois, le mathématicien du XIXe siècle. Gallois enseigne à Lyon.\n",
            "fr")
        // An office without an article, or after German `der`.
        reviewOnly(
            "BERLIN (AP) — Chancellor Olaf Scholz met union leaders on Monday. Scholz said wages must rise.\n\nScholtz, mayor of Hamm, disagreed.\n",
            "en")
        reviewOnly(
            "BERLIN (dpa) - Bundeskanzler Olaf Scholz traf am Montag die Gewerkschaften. Scholz sagte, die Löhne müssten steigen.\n\nScholtz, der Bürgermeister von Hamm, widersprach.\n",
            "de")
        // A relative clause (German `der`) or a plain comma says nothing: the drift is still repaired.
        let de = "Außenminister Haruto Morikawa traf am Montag seinen Amtskollegen. Morikawa sagte, die Gespräche seien gut gewesen.\n\nAm Dienstag reist Molikawa, der seit 2021 im Amt ist, weiter nach Prag.\n"
        repaired(de, "de", "Molikawa, der", "Morikawa, der")
    }

    @Test func aWordAfterAnArticleIsNoPerson() {
        reviewOnly(
            "WACO, Texas (AP) — Ken Starr, the former independent counsel, has died. He was 76.\n\nStarr died Tuesday in Houston. Starr had been ill for months.\n\nIn a 1998 interview with The Star, he said he had no regrets.\n",
            "en")
        reviewOnly(
            "Robert MacIntyre won the Scottish Open on Sunday. His caddie, Mike Scott, carried the bag.\n\nScott said he cried. \"He is the best,\" Scott said.\n\nMacIntyre became the first Scot to win the event since 1999.\n",
            "en")
    }

    /// A lowercase title between the article and the name (`le juge`, `la ministra`) makes it a person.
    @Test func aLowercaseTitleAfterAnArticleIsStillAPerson() {
        let fr =
            "La ministre Hélène Bouvreuil a inauguré le pont.\n\nLe soir, la ministre Bouvleuil a remercié les ouvriers.\n"
        repaired(fr, "fr", "Bouvleuil", "Bouvreuil")
        let en =
            "Actress Jane Huston won an award. Huston, 73, thanked fans.\n\nHueston said she was grateful.\n"
        repaired(en, "en", "Hueston", "Huston")
    }

    /// Katakana writes common nouns, countries and companies like names: only a variant with a person
    /// suffix or title of its own is repaired safely.
    @Test func katakanaWithoutAPersonSuffixIsReviewOnly() {
        reviewOnly("選手はバスで移動した。ランディ・バース氏が出迎えた。バース氏は「懐かしい」と話した。\n", "ja")
        reviewOnly("クルーズ船で到着した。テッド・クルズ氏が出迎えた。クルズ氏は「光栄だ」と述べた。\n", "ja")
        // A country is in the rule's places: never grouped with a name at all.
        #expect(Names.run("マリ政府と会談した。マリー・ルイーズ氏が通訳を務めた。マリー氏は「光栄だ」と述べた。\n", "ja", only: ["name-drift-ja"]).findings.isEmpty)
        let person = "来日したエレナ・ヴォルコワ氏は会見に臨んだ。\n\nボルコワ監督は協力を約束した。\n"
        repaired(person, "ja", "ボルコワ", "ヴォルコワ")
    }

    @Test func hanUsedAsAPlaceOrBodyIsReviewOnly() {
        reviewOnly("卡塔尔方面表示欢迎。卡塔·史密斯出席了会议。卡塔说，他很高兴。\n", "zh")
        let person = "外长埃琳娜·沃尔科娃访问巴西。\n\n沃科娃说，会谈很成功。\n"
        repaired(person, "zh", "沃科娃", "沃尔科娃")
    }

    /// `Mohammed bin Salman` has a full name of its own, not the canonical's (`Mohamed Salah`): two people.
    @Test func aVariantWithAParticleNameOfItsOwnIsSomeoneElse() {
        for story in [
            "Egypt forward Mohamed Salah met Saudi Crown Prince Mohammed bin Salman on Tuesday in Riyadh.\n\nSalah said he was honored.\n",
            "UAE President Sheikh Mohamed bin Zayed Al Nahyan met Saudi Crown Prince Mohammed bin Salman on Tuesday.\n\nSheikh Mohamed later flew to Cairo. Sheikh Mohamed returned Wednesday.\n",
        ] {
            #expect(Names.run(story, "en", only: ["name-drift-en"]).findings.isEmpty, "\(story)")
        }
        // The same particle name is the same person: still drift.
        let same =
            "Crown Prince Mohammed bin Salman arrived. Mohammed bin Salman spoke.\n\nLater Mohamed bin Salman left.\n"
        #expect(!Names.run(same, "en", only: ["name-drift-en"]).findings.isEmpty)
    }

    /// `To Lam`: a capitalized stopword inside a sentence is the first name of another person.
    @Test func aCapitalizedWordTheScanDidNotLinkIsAnotherFirstName() {
        let story = "Vietnam's top leader To Lam met economist Anna Lamm in Hanoi. Lamm praised the reforms. Lamm said growth would top 7 percent.\n"
        #expect(Names.run(story, "en", only: ["name-drift-en"]).findings.isEmpty)
    }

    /// The two halves of one hyphenated surname are two parts of one name, never one part misspelled.
    @Test func hyphenatedSurnameHalvesAreOneName() {
        for (story, lang) in [
            ("Louis Bielle-Biarrey, Damian Penaud and Gael Fickou. Thomas Ramos.\n", "en"),
            ("Louis Bielle-Biarrey, Damian Penaud et Gaël Fickou. Thomas Ramos.\n", "fr"),
        ] {
            #expect(Names.run(story, lang, only: ["name-drift-\(lang)"]).findings.isEmpty, "\(story)")
        }
    }
}
