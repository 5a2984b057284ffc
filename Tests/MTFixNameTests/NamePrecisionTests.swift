import MTFix
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

    @Test func aRepeatedVariantWithoutItsOwnFullNameIsStillDrift() {
        let story = "Mayor Irina Kovalenko spoke.\n\nKovarenko left. Kovalenko returned. Kovarenko waved.\n"
        let r = Names.run(story, "en", only: ["name-drift-en"])
        #expect(r.fixed == story.replacingOccurrences(of: "Kovarenko", with: "Kovalenko"))
    }
}
