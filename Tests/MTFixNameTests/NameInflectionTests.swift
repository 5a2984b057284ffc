import MTFixCore
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

    @Test func decomposedLettersMatchTheirComposedForm() {
        let stems = Self.stems("Frau Mu\u{308}ller kam. Das Buch Müllers lag dort.")
        #expect(stems[4] == "Müller")
        #expect(stems[1] == "Mu\u{308}ller")
    }
}
