import Foundation
@testable import MTFixCore
import MTFixTestSupport
import Testing

/// An engine pass's output takes the words of its unchanged lines from the previous snapshot: the result
/// must be exactly a fresh segmentation of the new text, whatever the edits.
@Suite("Inherited words")
struct InheritedWordsTests {
    /// Pieces random texts and replacements are made of: plain words (the scanner's lines), CJK and a soft
    /// hyphen or a combining mark (lines left to ICU), and every kind of line end.
    static let pieces = [
        "Tokayev", "said", "the", "talks", "went", "well", " ", " ", " ", ".", ",", "’s", "1,5", "U.S.", "don't",
        "東京都", "の", "会談", "で", "Ка­ли", "e\u{301}t", "\n", "\n", "\r\n", "\n\n", "\r", "\u{2028}", "-",
    ]

    static let generator = RandomEdits(pieces: pieces)

    @Test func inheritedWordsAreAFreshSegmentation() {
        let failures = InheritedWordsTests.generator.disagreements(seed: 0x1A1, language: { $0 % 3 == 0 ? "ja" : "en" }) {
            before, edits in
            _ = before.words
            let units = Engine.apply(edits, to: before.utf16)
            let after = Document(utf16: units, language: before.language)
            after.inheritWords(from: before, edits: edits, landing: Engine.landing(of: edits))
            return after.words == Document(utf16: units, language: before.language).words
        }
        for failure in failures.prefix(3) { Issue.record("\(failure)") }
        #expect(failures.isEmpty)
    }

    /// The words of some lines, segmented alone or read from the known words, are those lines' words of a
    /// whole segmentation.
    @Test func wordsOfSomeLinesAreTheirWordsInTheWhole() {
        var rng = SplitMix(seed: 0x11E5_0F)
        var failures: [String] = []
        for round in 0..<3000 {
            let text = InheritedWordsTests.generator.text(&rng, 1 + Int(rng.next() % 60))
            let language = round % 3 == 0 ? "ja" : "en"
            let whole = Document(text: text, language: language)
            let picked = whole.lines.indices.filter { _ in rng.next() % 3 == 0 }
            let expected = picked.flatMap { i in whole.words.filter { whole.lines[i].contains($0.range.lowerBound) } }
            let alone = Document(text: text, language: language).words(inLines: picked)
            if alone != expected || whole.words(inLines: picked) != expected {
                failures.append("\(text.debugDescription) lines \(picked)")
            }
        }
        for failure in failures.prefix(3) { Issue.record("\(failure)") }
        #expect(failures.isEmpty)
    }

    /// The comparison can fail: with the edits' length changes left out, the words of lines after an edit
    /// land in the wrong place.
    @Test func comparisonCanFail() {
        let before = Document(text: "one two\nthree four\n", language: "en")
        _ = before.words
        let edits = [Edit(range: 0..<3, replacement: "seven")]
        let units = Engine.apply(edits, to: before.utf16)
        let after = Document(utf16: units, language: "en")
        // Claiming the edit replaced nothing: the second line's words would be taken two units early.
        let claimed = [Edit(range: 0..<5, replacement: "seven")]
        after.inheritWords(from: before, edits: claimed, landing: Engine.landing(of: claimed))
        #expect(after.words != Document(utf16: units, language: "en").words)
    }
}

/// An engine pass's output takes its lines from the previous snapshot's and the edits: they must be the
/// lines a scan of the new text finds, whatever the edits (line ends put in, removed, `\r` split from `\n`).
@Suite("Inherited lines")
struct InheritedLinesTests {
    @Test func inheritedLinesAreAFreshScan() {
        let failures = InheritedWordsTests.generator.disagreements(seed: 0x11E5, minPieces: 0) { before, edits in
            let units = Engine.apply(edits, to: before.utf16)
            let lines = InheritedLines.lines(of: units, previous: before, edits: edits, landing: Engine.landing(of: edits))
            return lines == Transcode.lines(units)
        }
        for failure in failures.prefix(3) { Issue.record("\(failure)") }
        #expect(failures.isEmpty)
    }

    /// A lone surrogate left where an edit splits a pair is found (nil, as `Transcode.lines` gives).
    @Test func splitPairIsRefused() {
        let before = Document(text: "a😀b\nc", language: "en")
        let edits = [Edit(range: 2..<3, replacement: "x")]
        let units = Engine.apply(edits, to: before.utf16)
        #expect(Transcode.lines(units) == nil)
        #expect(InheritedLines.lines(of: units, previous: before, edits: edits, landing: Engine.landing(of: edits)) == nil)
    }
}
