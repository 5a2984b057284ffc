import MTFixCore
import Testing

@testable import MTFixDetectors

/// `NameOptions.stripCase` compares Russian case endings as units, endings that decompose (`-ой`, `-ей`)
/// included: it must strip exactly what comparing the words as characters strips.
@Suite("Case endings")
struct CaseSuffixTests {
    static let suffixes = ["ами", "ого", "ой", "ей", "ий", "ом", "а", "я", "й", "е"]
    static let options = NameOptions(
        .map([
            (key: "script", value: .string("cased")), (key: "min_stem", value: .number(3)),
            (key: "case_suffixes", value: .list(suffixes.map { .string($0) })),
        ]))

    /// What `stripCase` did by comparing characters (the longest ending first, a long enough stem).
    static func byCharacters(_ word: String) -> String {
        for s in options.caseSuffixes where word.hasSuffix(s) && word.count - s.count >= options.minStem {
            return String(word.dropLast(s.count))
        }
        return word
    }

    @Test func endingsThatDecomposeAreComparedAsUnits() {
        #expect(Self.options.caseSuffixUnits != nil)
        let words = [
            "Москвой", "Москвои\u{306}", "Толстой", "Толстого", "Петровой", "Петровои\u{306}", "Лукашенко",
            "Горькиий", "Мой", "Киев", "Киеве", "Андреем", "Андрее\u{301}м", "Сергеем", "Ее", "Мари\u{301}ей",
            "Ильей", "Москва", "Москве\r", "Росси\u{306}ей", "Кий", "Кийй", "ДжонсonОй", "Smith",
        ]
        for w in words { #expect(Self.options.stripCase(w) == Self.byCharacters(w), "\(w.debugDescription)") }
    }
}
