import Foundation
@testable import MTFixCore
@testable import MTFixDetectors
import MTFixTestSupport
import Testing

/// An engine pass's output takes the name-word entries of its unchanged lines from the previous
/// snapshot's list: the result must be exactly the list made afresh from the new text, whatever the edits.
@Suite("Inherited name words")
struct InheritedNameWordsTests {
    /// Capitalized, lowercase, accented and non-Latin words, punctuation and every kind of line end.
    static let pieces = [
        "Tokayev", "said", "the", "Talks", "went", "Élise", "über", "Ölz", " ", " ", " ", ".", ",", "’s", "1,5", "U.S.",
        "Москва", "и", "東京都", "の", "e\u{301}t", "\n", "\n", "\r\n", "\n\n", "\r", "-",
    ]

    static let generator = RandomEdits(pieces: pieces)

    static func summary(_ list: NameWordList) -> [String] {
        list.words.map { "\($0.range) \($0.line) \($0.hash) \($0.lowercaseLead) \($0.number)" }
    }

    /// The list of the text `edits` make of `before`, taken over from `before`'s list.
    /// `wordsFirst`: the new snapshot's words are asked for first (the entries of changed lines are read
    /// there, not segmented alone).
    static func inherited(_ before: Document, _ edits: [Edit], claimed: [Edit]? = nil, wordsFirst: Bool = false) -> (NameWordList, Document, Bool) {
        _ = NameWordList.of(before)
        let units = Engine.apply(edits, to: before.utf16)
        let after = Document(utf16: units, language: before.language)
        let said = claimed ?? edits
        after.inheritWords(from: before, edits: said, landing: Engine.landing(of: said))
        if wordsFirst { _ = after.words }
        // Whether some line was taken over (else the test would only compare fresh lists).
        let took = after.lineInheritance?.shifts.contains { $0 != nil } ?? false
        return (NameWordList.of(after), Document(utf16: units, language: before.language), took)
    }

    @Test(arguments: [false, true])
    func inheritedEntriesAreAFreshList(wordsFirst: Bool) {
        var inheritedSome = 0
        let failures = InheritedNameWordsTests.generator.disagreements(seed: 0x5EED) { before, edits in
            let (list, fresh, took) = InheritedNameWordsTests.inherited(before, edits, wordsFirst: wordsFirst)
            if took && !list.words.isEmpty { inheritedSome += 1 }
            return InheritedNameWordsTests.summary(list) == InheritedNameWordsTests.summary(NameWordList.of(fresh))
        }
        for failure in failures.prefix(3) { Issue.record("\(failure)") }
        #expect(failures.isEmpty)
        #expect(inheritedSome > 1000)
    }

    /// The comparison can fail: with the edits' length changes left out, the entries of lines after an
    /// edit land in the wrong place.
    @Test func comparisonCanFail() {
        let before = Document(text: "One Two\nThree Four\n", language: "en")
        let edits = [Edit(range: 0..<3, replacement: "Seven")]
        let (list, fresh, _) = InheritedNameWordsTests.inherited(before, edits, claimed: [Edit(range: 0..<5, replacement: "Seven")])
        #expect(InheritedNameWordsTests.summary(list) != InheritedNameWordsTests.summary(NameWordList.of(fresh)))
    }
}
