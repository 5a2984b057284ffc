/// Abbreviations the sentence segmenter must not end a sentence after, per language. These are
/// segmentation data (like ICU's own CLDR suppression lists), not repair rules.
struct AbbreviationLists: Sendable {
    /// Never end a sentence: titles and forms that always precede a name or word.
    let alwaysJoin: Set<String>
    /// Do not end a sentence before a number (`p. 55`, `Nr. 5`).
    let beforeNumber: Set<String>
    /// Do not end a sentence before a lowercase word or number.
    let beforeLowercase: Set<String>
    /// Words after an ordinal number that show the number was not a sentence end (German months).
    let afterOrdinal: Set<String>
    /// Dotted acronyms that usually modify the next capitalized word (`U.S. Army`).
    var acronymsBeforeNames: Set<String> = ["U.S.", "U.K.", "U.N.", "E.U."]
    /// Capitalized words that typically start a sentence, so an acronym before them ends one.
    var sentenceStarters: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There",
        "In", "On", "At", "But", "And", "Or", "So", "If", "When", "While", "After", "Before", "Since", "As", "Its",
        "His", "Her", "Their", "Our", "Some", "Many", "Most", "Officials", "However", "Meanwhile", "Still", "Yet",
        "Then", "Now", "Last", "Earlier", "Later", "According", "For", "From", "With", "By", "Under", "No", "Not",
    ]

    static func forLanguage(_ language: String) -> AbbreviationLists {
        table[language] ?? table["en"]!
    }

    private static let commonTitles: Set<String> = [
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Mt.", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.", "Cmdr.", "Adm.",
        "Gov.", "Sen.", "Rep.", "Rev.", "Fr.", "Hon.", "Pres.", "Supt.", "Messrs.", "Mme.", "Mlle.", "Sr.", "Sra.", "Srta.",
        "e.g.", "i.e.", "vs.", "cf.", "z.B.", "d.h.",
    ]
    private static let numberAbbreviations: Set<String> = [
        "p.", "pp.", "No.", "no.", "Nos.", "N°.", "n°.", "Nº.", "nº.", "Nr.", "nr.", "S.", "Art.", "art.", "Abs.", "Vol.",
        "vol.", "Fig.", "fig.", "Ch.", "ch.", "núm.", "Núm.", "párrf.", "Bd.", "Sec.", "sec.", "ст.", "п.", "т.", "с.", "г.",
        "гг.", "№.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "Ago.", "Ene.", "Dic.", "janv.", "févr.", "avr.", "juil.", "sept.", "oct.", "nov.", "déc.",
    ]
    private static let lowercaseAbbreviations: Set<String> = [
        "U.S.", "U.K.", "U.N.", "E.U.", "a.m.", "p.m.", "A.M.", "P.M.", "Inc.", "Corp.", "Ltd.", "Co.", "Jr.", "etc.",
        "approx.", "ca.", "u.a.", "z.B.", "d.h.", "bzw.", "usw.", "ggf.", "evtl.", "Ztg.",
        "EE.", "UU.", "etc.", "т.е.", "т.д.", "т.п.", "др.", "пр.", "см.", "им.", "ул.", "обл.", "р.", "руб.", "млн.", "млрд.",
    ]

    private static let table: [String: AbbreviationLists] = {
        let base = AbbreviationLists(
            alwaysJoin: commonTitles, beforeNumber: numberAbbreviations, beforeLowercase: lowercaseAbbreviations,
            afterOrdinal: [])
        var t: [String: AbbreviationLists] = [:]
        for lang in ["en", "fr", "es", "it", "pt", "ru", "nl", "da", "pl", "sk", "bg", "kk", "hy"] { t[lang] = base }
        t["de"] = AbbreviationLists(
            alwaysJoin: commonTitles.union(["Prof.", "Hr.", "Fr.", "med.", "Dipl.", "Ing.", "Dr.-Ing.", "jun.", "sen."]),
            beforeNumber: numberAbbreviations,
            beforeLowercase: lowercaseAbbreviations,
            afterOrdinal: [
                "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                "November", "Dezember", "Jahrhundert", "Jahrhunderts", "Platz", "Mal", "Stock", "Klasse", "Runde",
            ])
        return t
    }()
}
