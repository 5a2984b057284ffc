import MTFixCore
import MTFixTestSupport
import Testing

@testable import MTFixDetectors

/// An inflected name (`Bundestages`) loses its ending only when the bare form is written too, whether
/// the text is compared as units or, with decomposed letters, as strings.
@Suite("Name inflection")
struct NameInflectionTests {
    static let options = NameOptions(
        .map([
            (key: "script", value: .string("cased")), (key: "min_stem", value: .number(3)),
            (key: "inflection_suffixes", value: .list([.string("es"), .string("s")])),
        ]))

    static func stems(_ text: String) -> [String] {
        // A mention is read while its `NameMentions` lives (it keeps the mentions' analyses alive).
        let m = NameMentions(Document(text: text, language: "de"), options: options)
        return withExtendedLifetime(m) { m.mentions.map(\.stem) }
    }

    @Test func anEndingIsSplitOffWhenTheBareFormIsWritten() {
        #expect(Self.stems("Der Bundestag tagte. Im Saal des Bundestages sprach Jonas.") == ["Der", "Bundestag", "Im", "Saal", "Bundestag", "Jonas"])
        #expect(Self.stems("Im Saal des Bundestages sprach Jonas.") == ["Im", "Saal", "Bundestages", "Jonas"])
    }

    /// The split compares units; on random texts it must give what comparing the stems as strings gives.
    @Test func unitsSplitAsStringsDo() {
        let plainOptions = NameOptions(.map([(key: "script", value: .string("cased")), (key: "min_stem", value: .number(3))]))
        let pieces = RandomEdits(pieces: [
            "Bundestag", "Bundestages", "Bundestags", "Haus", "Hauses", "Jonas", "Jonases", "Müller", "Müllers", "Eses",
            "Ses", "Es", "Kles", "Kle", "des", " ", " ", " ", ". ", ", ", "\n",
        ])
        var rng = SplitMix(seed: 0x1F1E)
        var failures: [String] = []
        for _ in 0..<1500 {
            let text = pieces.text(&rng, 1 + Int(rng.next() % 40))
            let plain = NameMentions(Document(text: text, language: "de"), options: plainOptions)
            let split = NameMentions(Document(text: text, language: "de"), options: Self.options)
            let expected: [String] = withExtendedLifetime(plain) {
                let bare = Set(plain.mentions.map(\.stem))
                return plain.mentions.map { m in
                    guard !m.possessive else { return m.stem }
                    for e in Self.options.inflectionSuffixes where m.stem.hasSuffix(e) && m.stem.count - e.count >= Self.options.minStem {
                        let shorter = String(m.stem.dropLast(e.count))
                        return bare.contains(shorter) ? shorter : m.stem
                    }
                    return m.stem
                }
            }
            let got = withExtendedLifetime(split) { split.mentions.map(\.stem) }
            if got != expected { failures.append("\(text.debugDescription): \(got) != \(expected)") }
        }
        for failure in failures.prefix(3) { Issue.record("\(failure)") }
        #expect(failures.isEmpty)
    }

    @Test func decomposedLettersMatchTheirComposedForm() {
        let stems = Self.stems("Frau Mu\u{308}ller kam. Das Buch Müllers lag dort.")
        #expect(stems[4] == "Müller")
        #expect(stems[1] == "Mu\u{308}ller")
    }
}
