import Foundation
@testable import MTFixCore
@testable import MTFixDetectors
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

    static func random(_ rng: inout Generator, _ count: Int) -> String {
        (0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }

    /// Random sorted, non-overlapping edits of `units` (deletions, insertions, replacements, some holding
    /// or removing line ends).
    static func edits(_ units: [UInt16], _ rng: inout Generator) -> [Edit] {
        var out: [Edit] = []
        var at = 0
        while true {
            at += Int(rng.next() % 30)
            guard at <= units.count, out.count < 6 else { break }
            var length = Int(rng.next() % 6)
            length = min(length, units.count - at)
            // Never split a surrogate pair (edits from rules never do).
            if at + length < units.count && units[at + length] & 0xFC00 == 0xDC00 { length += 1 }
            let replacement = rng.next() % 3 == 0 ? "" : random(&rng, Int(rng.next() % 3))
            out.append(Edit(range: at..<(at + length), replacement: replacement))
            at += length + 1
        }
        return out
    }

    static func summary(_ list: NameWordList) -> [String] {
        list.words.map { "\($0.range) \($0.line) \($0.hash) \($0.lowercaseLead) \($0.number)" }
    }

    /// The list of the text `edits` make of `before`, taken over from `before`'s list.
    static func inherited(_ before: Document, _ edits: [Edit], claimed: [Edit]? = nil) -> (NameWordList, Document, Bool) {
        _ = NameWordList.of(before)
        let units = Engine.apply(edits, to: before.utf16)
        let after = Document(utf16: units, language: before.language)
        let said = claimed ?? edits
        after.inheritWords(from: before, edits: said, landing: Engine.landing(of: said))
        // Whether some line was taken over (else the test would only compare fresh lists).
        let took = after.lineInheritance?.shifts.contains { $0 != nil } ?? false
        return (NameWordList.of(after), Document(utf16: units, language: before.language), took)
    }

    @Test func inheritedEntriesAreAFreshList() {
        var rng = Generator(state: 0x5EED)
        var failures = 0
        var inheritedSome = 0
        for _ in 0..<3000 {
            let before = Document(text: InheritedNameWordsTests.random(&rng, 1 + Int(rng.next() % 60)), language: "en")
            let edits = InheritedNameWordsTests.edits(before.utf16, &rng)
            let (list, fresh, took) = InheritedNameWordsTests.inherited(before, edits)
            if took && !list.words.isEmpty { inheritedSome += 1 }
            if InheritedNameWordsTests.summary(list) != InheritedNameWordsTests.summary(NameWordList.of(fresh)) {
                failures += 1
                if failures < 4 { Issue.record("differs: \(before.text.debugDescription) with \(edits)") }
            }
        }
        #expect(failures == 0)
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

    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
