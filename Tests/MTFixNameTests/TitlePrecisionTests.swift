import MTFix
import Testing

/// Clean look-alikes of title conflicts: past offices (`Then-`, `damalige`, `As … Gov.`) are no contradiction.
@Suite("Title conflict precision")
struct TitlePrecisionTests {
    @Test(arguments: [
        // A then-title first: the plain title later is the current office.
        ("en", "Then-Vice President Joe Biden voted for it as a senator; President Biden later said it was a mistake."),
        ("en", "then-Vice President Joe Biden voted for it. President Biden later said it was a mistake."),
        // `As <organization> Gov. X`: an office held then, named by its organization.
        ("en", "Prime Minister Mark Carney unveiled a budget. As Bank of Canada Gov. Carney, he steered the country."),
        ("de", "Der damalige Finanzminister Scholz war 2018 nach Berlin gewechselt. Bundeskanzler Scholz hatte die Vorwürfe zurückgewiesen."),
        ("de", "Der ehemalige Finanzminister Olaf Scholz sprach. Bundeskanzler Scholz hatte die Vorwürfe zurückgewiesen."),
        // The story itself gives the person that office (`was`, `был`, `nommé`).
        ("en", "President Emil Marot spoke. Marot was economy minister from 2014 to 2016. Economy Minister Marot had pushed a reform law."),
        ("en", "Foreign Minister Ivo Kral, who served as trade minister until 2020, arrived. Trade Minister Kral had signed the deal."),
        ("ru", "Президент Олег Громов выступил. Громов был премьер-министром. Премьер-министр Громов тогда провел реформу."),
    ])
    func pastOfficesAreNoConflict(_ lang: String, _ story: String) {
        let r = Names.run(story, lang, only: ["title-conflict-\(lang)"])
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
    }

    /// Two people of one surname (`Jeb Bush`, `George W. Bush`, `Hillary` and `Bill Clinton`): a bare
    /// surname with a title belongs to neither for sure, so nothing is deleted.
    @Test(arguments: [
        "Former Florida Gov. Jeb Bush and former President George W. Bush attended the funeral. President Bush read a psalm.",
        "Gov. Jeb Bush met voters. His brother, President George Bush, stayed in Washington. President Bush called later.",
    ])
    func aBareSurnameSharedByTwoPeopleIsNoConflict(_ story: String) {
        let r = Names.run(story, "en", only: ["title-conflict-en"])
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
    }

    /// A surname spelled once, unlike the person's, under another title may be another person of a similar
    /// name (`Sen. Krane` beside `Gen. Dan Crane`): review only. Drift repeats itself, so a variant written
    /// twice (`Okafol` in `TitleConflictTests`) is still repaired.
    @Test(arguments: [
        "Defense Secretary Paul Hargrove met with Gen. Dan Crane. Sen. Krane criticized the plan. Crane briefed reporters.\n",
        "Mayor Lena Fischer opened the bridge on Monday. Later, Gov. Fisher praised the work.\n",
    ])
    func aLoneVariantUnderAnotherTitleIsReviewOnly(_ story: String) {
        let r = Names.run(story, "en", only: ["title-conflict-en"])
        #expect(!r.findings.isEmpty)
        #expect(r.findings.allSatisfy { $0.safety == .review }, "\(r.findings.map(\.message))")
        #expect(r.fixed == story)
    }

    /// With a full title word (no abbreviation stop to make name-drift wary), name-drift must not respell the
    /// lone variant either: title-conflict would then see one spelling and delete the title in the next pass.
    @Test func aLoneVariantAfterATitleWordIsLeftForReviewByBothRules() {
        let story = "Defense Secretary Paul Hargrove met with General Dan Crane. Senator Krane criticized the plan. Crane briefed reporters.\n"
        let r = Names.run(story, "en")
        #expect(r.fixed == story)
        #expect(r.findings.allSatisfy { $0.safety == .review }, "\(r.findings.map(\.message))")
    }

    @Test func aTitleAfterAnOrganizationNameIsReviewOnly() {
        let story = "Foreign Minister Ann Pike arrived. She met the Bank of Canada Governor Pike later.\n"
        let r = Names.run(story, "en", only: ["title-conflict-en"])
        #expect(r.findings.allSatisfy { $0.safety == .review })
        #expect(r.fixed == story)
    }

    @Test func aCurrentContradictionIsStillRepaired() {
        let story = "Then-Vice President Ann Pike spoke. Foreign Minister Ann Pike arrived.\n\nDuring talks, President Pike smiled.\n"
        let r = Names.run(story, "en", only: ["title-conflict-en"])
        #expect(r.fixed.contains("During talks, Pike smiled."))
    }
}

/// Hyphenated given names (`Lee Jae-myung`) are one name part: they tell people apart and are shown whole.
@Suite("Hyphenated given names")
struct HyphenatedNameTests {
    @Test func twoPeopleSharingTheFirstSyllableAreTwoPeople() {
        let story = "President Lee Jae-myung spoke on Monday.\n\nLater, Foreign Minister Lee Jae-yong promised investment.\n"
        #expect(Names.run(story, "en").findings.isEmpty)
    }

    @Test func theMessageShowsTheWholeName() {
        let story = "President Lee Jae-myung spoke on Monday.\n\nLater, Foreign Minister Lee Jae-myung promised investment.\n"
        let r = Names.run(story, "en", only: ["title-conflict-en"])
        #expect(r.findings.count == 1)
        #expect(r.findings.first?.evidence["person"] == "Lee Jae-myung")
    }

    /// A capitalized word right before a title, even at a sentence start, belongs to it (`Economy Minister`,
    /// `LDP President`): deleting only the title would leave `Economy Macron`, so the repair is for review.
    @Test func aQualifiedTitleAtASentenceStartIsReviewOnly() {
        for story in [
            "President Emil Marot spoke on Monday. Economy Minister Marot had pushed a reform law.\n",
            "Japanese Prime Minister Sana Takai will host the talks. LDP President Takai leads the party.\n",
        ] {
            let r = Names.run(story, "en", only: ["title-conflict-en"])
            #expect(!r.findings.isEmpty, "\(story)")
            #expect(r.findings.allSatisfy { $0.safety == .review }, "\(story)")
            #expect(r.fixed == story)
        }
    }
}
