import Foundation
@testable import MTFixCore
@testable import MTFixDetectors
import MTFixTestSupport
import Testing

/// An engine pass's output takes the terminators of its unchanged lines from the previous snapshot's
/// index: the result must be exactly the index scanned afresh from the new text, whatever the edits.
@Suite("Inherited terminators")
struct InheritedTerminatorsTests {
    /// Words, every terminator the index knows, and every kind of line end.
    static let generator = RandomEdits(pieces: [
        "Tokayev", "said", " ", " ", ".", "!", "?", "…", "。", "！", "？", "．", ",", "U.S.", "東京都", "\n", "\n", "\r\n", "\n\n", "\r",
    ])

    /// The index of the text `edits` make of `before`, taken over from `before`'s (as `claimed` edits say).
    static func inherited(_ before: Document, _ edits: [Edit], claimed: [Edit]? = nil) -> (TerminatorIndex, [UInt16]) {
        _ = TerminatorIndex.of(before)
        let units = Engine.apply(edits, to: before.utf16)
        let after = Document(utf16: units, language: before.language)
        let said = claimed ?? edits
        after.inheritWords(from: before, edits: said, landing: Engine.landing(of: said))
        return (TerminatorIndex.of(after), units)
    }

    @Test func inheritedIndexIsAFreshScan() {
        let failures = InheritedTerminatorsTests.generator.disagreements(seed: 0x7E2) { before, edits in
            let (index, units) = InheritedTerminatorsTests.inherited(before, edits)
            return index.offsets == TerminatorIndex(units).offsets
        }
        for failure in failures.prefix(3) { Issue.record("\(failure)") }
        #expect(failures.isEmpty)
    }

    /// The comparison can fail: with the edits' length changes left out, the terminators of lines after
    /// an edit land in the wrong place.
    @Test func comparisonCanFail() {
        let before = Document(text: "One two.\nThree four.\n", language: "en")
        let edits = [Edit(range: 0..<3, replacement: "Seven")]
        let (index, units) = InheritedTerminatorsTests.inherited(before, edits, claimed: [Edit(range: 0..<5, replacement: "Seven")])
        #expect(index.offsets != TerminatorIndex(units).offsets)
    }
}
