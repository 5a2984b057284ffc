import MTFix
@testable import MTFixDetectors
import Testing

/// Clean look-alikes of name drift that must never be repaired safely (found by a new user on clean copy).
@Suite("Name drift precision")
struct NamePrecisionTests {
    @Test func twoPeopleSharingAFirstNameAreNotDrift() {
        let story = """
            WASHINGTON (AP) — Former Secretary of State John Kerry and former White House chief of staff John Kelly testified.

            Kerry said rising seas would displace millions. Kelly said the Pentagon had known for decades.

            """
        #expect(Names.run(story, "en", only: ["name-drift-en"]).findings.isEmpty)
    }

    @Test func aVariantWithItsOwnFullNameInAnotherSentenceIsStillDrift() {
        let story = "Founder Zhang Weiming spoke.\n\nZhang Weiming smiled. Later Zhang Weimin left. Weimin waved.\n"
        let r = Names.run(story, "en", only: ["name-drift-en"])
        #expect(r.fixed == story.replacingOccurrences(of: "Weimin ", with: "Weiming ").replacingOccurrences(of: "Weimin waved", with: "Weiming waved"))
    }

    @Test func anAppositiveWithoutAnArticleIsNoCompany() {
        let story = "Envoy Renato Villareal, who heads the relief agency, spoke.\n\nVillaleal left. Villareal returned.\n"
        #expect(Names.run(story, "en", only: ["name-drift-en"]).fixed == story.replacingOccurrences(of: "Villaleal", with: "Villareal"))
    }

    @Test func aRepeatedVariantWithoutItsOwnFullNameIsStillDrift() {
        let story = "Mayor Irina Kovalenko spoke.\n\nKovarenko left. Kovalenko returned. Kovarenko waved.\n"
        let r = Names.run(story, "en", only: ["name-drift-en"])
        #expect(r.fixed == story.replacingOccurrences(of: "Kovarenko", with: "Kovalenko"))
    }

    @Test func aCompanyDescribedAsSuchIsNoPerson() {
        let story = "Philips, the Dutch electronics company, backed the hearing. Rep. Mike Phillips was not available.\n"
        #expect(Names.run(story, "en", only: ["name-drift-en"]).findings.isEmpty)
    }

    @Test func aDoubledLetterAloneIsReviewUnlessTheCanonicalIsMoreCommon() {
        let tie = "Mathews spoke first.\n\nEnvoy Ann Matthews spoke second.\n"
        let r = Names.run(tie, "en", only: ["name-drift-en"])
        #expect(r.findings.allSatisfy { $0.safety == .review })
        #expect(r.fixed == tie)
        let clear = "Envoy Ann Matthews spoke.\n\nMathews left. Matthews returned.\n"
        #expect(Names.summary(Names.run(clear, "en", only: ["name-drift-en"])) == ["3:name-drift:safe"])
    }

    /// A capitalized common word (a sentence start) is no spelling of a name when the text also writes it
    /// in lowercase, after an ASCII or a non-ASCII lowercase letter alike.
    @Test func aWordWrittenInLowercaseElsewhereIsNoName() {
        let en = "Inspector Tom Leed visited the plant.\n\nLeed said the pipes carry lead. Lead levels rose, Leed added.\n"
        #expect(Names.run(en, "en", only: ["name-drift-en"]).findings.isEmpty)
        let de = "Minister Jan Ubel kam an.\n\nUbel sagte, das sei übel. Übel sei auch der Lärm, sagte Ubel.\n"
        #expect(Names.run(de, "de", only: ["name-drift-de"]).findings.isEmpty)
    }

    /// A short spelling written once, at a sentence start, is repaired only for review (it may be a common
    /// word or a company: `Carnie workers`, `Moody’s said`); mid-sentence, or long (`Tireuberdi`), it is safe.
    @Test func aShortLoneVariantAtASentenceStartIsReviewOnly() {
        for story in [
            "OTTAWA (AP) — Prime Minister Mark Carney spoke. Carnie workers protested outside.\n",
            "NEW DELHI (AP) — Prime Minister Narendra Modi did not respond. Moody’s said the outlook was stable.\n",
            "Prime Minister Mark Carney spoke.\n\n“Carnie workers said nothing,” an aide said.\n",
        ] {
            let r = Names.run(story, "en", only: ["name-drift-en"])
            #expect(!r.findings.isEmpty, "\(story)")
            #expect(r.findings.allSatisfy { $0.safety == .review }, "\(story)")
            #expect(r.fixed == story)
        }
        let mid = "Prime Minister Mark Carney spoke. Police said Carnie left early.\n"
        #expect(Names.summary(Names.run(mid, "en", only: ["name-drift-en"])) == ["1:name-drift:safe"])
        let long = "Deputy Minister Mukhtar Tileberdi arrived.\n\nTireuberdi stressed the ties.\n"
        #expect(Names.summary(Names.run(long, "en", only: ["name-drift-en"])) == ["3:name-drift:safe"])
    }

    /// A katakana rule's places are katakana: a mention is a katakana run, so a place with kanji matches
    /// none, and its key made ICU compile Han transliteration (0.1 s) in every run that checked Japanese.
    @Test func katakanaRulesListKatakanaPlaces() {
        var checked = 0
        for rule in Names.rules {
            guard let drift = rule as? NameDriftDetector, drift.options.script == .katakana else { continue }
            checked += 1
            for place in drift.options.places {
                #expect(place.utf16.allSatisfy { NameMentions.isKatakana($0) || $0 == 0x30FB }, "\(rule.descriptor.id): \(place)")
            }
        }
        #expect(checked > 0)
    }

    /// Two spellings written in one sentence are two people: the repair is for review only.
    @Test func twoSpellingsInOneSentenceAreTwoPeople() {
        for story in [
            "Deputy Chief of Staff Stephen Millar attacked former special counsel Mueller on Monday. Millar said the probe was a hoax. Mueller did not respond.\n",
            "Former Chancellor Olaf Scholz met former European Parliament President Schulz on Monday. Scholz said they discussed the party. Schulz agreed.\n",
        ] {
            let r = Names.run(story, "en", only: ["name-drift-en"])
            #expect(r.findings.allSatisfy { $0.safety == .review }, "\(story)")
            #expect(r.fixed == story)
        }
    }
}
