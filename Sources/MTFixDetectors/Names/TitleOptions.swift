import Foundation
import MTFixCore

/// Language knowledge for `title-conflict`: offices and their written forms, and the words around them.
struct TitleOptions: Sendable {
    /// One written form of an office (`Prime Minister` → `head-of-government`), lowercased UTF-16.
    struct Form: Sendable {
        let office: String
        let text: String
        let units: [UInt16]
    }

    /// Longest first, so `Deputy Foreign Minister` wins over `Foreign Minister`.
    var forms: [Form] = []
    /// `forms` by their last (lowercased) unit: the candidates ending at a position.
    var formIndex = TitleFormIndex.empty
    /// Bit `u` is set when some form starts with unit `u` (empty when some form is empty: it starts anywhere).
    private(set) var formFirsts: [UInt64] = []
    /// Whether titles stand before the name (`Prime Minister X`), after it (`X首相`), or both.
    var before = true
    var after = false
    /// Articles deleted together with a wrong title (`the`, `le`, `el`).
    var determiners: [String] = []
    /// Words before a title after which deleting it breaks the grammar (`du`, `del`): review only.
    var reviewBefore: [String] = []
    /// Words that make a title another office (`Deputy`, `Vice`, `副`): such mentions are ignored.
    var modifiers: [String] = []
    /// `former`, `ex-`, `ancien`: the person held that office earlier.
    var formerMarkers: [String] = []
    /// `then-`, `damalige`, `时任`: the office held at the time told, so a later mention may hold a newer one.
    var thenMarkers: [String] = []
    /// `as he then was`: a phrase after the name (past a comma) that puts the title before it in the past.
    var thenAfter: [String] = []
    /// What a wrong title after a name is replaced by: nothing, or an honorific (Japanese `氏`, since wire
    /// style does not leave a bare surname: `ヴォルコワ首相は` → `ヴォルコワ氏は`).
    var replacement = ""
    /// `in`, `en`: a word before a year that, right before a title, dates it (`In 2019, Sen. X`).
    var yearMarkers: [String] = []
    /// `bin`, `ibn`, `II`: a word after a name that makes its last part a given name (units as written:
    /// compared without building a string after every titled name).
    var givenNameMarks: [[UInt16]] = []
    /// `Jr`, `Sr`: a last name part that is no surname (`Ferdinand Marcos Jr.`): the part before it is.
    var nameSuffixes: Set<String> = []
    /// `as`, `als`: a word that puts a later title in the past (`As Bank of Canada Gov. X, he …`); lowercase.
    var capacityMarkers: Set<String> = []
    /// The same as units, when every marker is simple units none of which decomposes (`as`, `будучи`): then
    /// a word equals a marker exactly when its units do, and no string need be built. Nil otherwise.
    var capacityMarkerUnits: [[UInt16]]? = nil
    /// `now`, `désormais`: the story itself says the person changed office.
    var currentMarkers: [String] = []
    /// `was`, `был`, `wurde`: after a name, a word that gives the person the office named next; lowercase.
    var predicateMarkers: [String] = []
    /// Predicate and change markers as lowercase words, made once (the words after a name are compared).
    var statementWords: Set<String> = []
    /// Change markers written in an alphabet, lowercased units: looked for as whole words in a whole document.
    var changeWordUnits: [[UInt16]] = []
    /// Pairs of offices one person commonly holds at once (a deputy prime minister who is also foreign
    /// minister): two such titles are no contradiction.
    var coHeld: [(String, String)] = []
    /// When every current marker is plain ASCII (letters, digits, hyphens, apostrophes, spaces): the units each is looked for as (lowercased for word markers, as
    /// written for the others), so a sentence without them needs no word split. Nil otherwise.
    var asciiMarkerUnits: [[UInt16]]? = nil
    /// The same when every current marker is made of simple units (`isSimpleUnit`), else nil: in a text of
    /// simple units a marker is found exactly where these units are.
    var simpleMarkerUnits: [[UInt16]]? = nil
    /// `simpleMarkerUnits`, searched in one pass (nil with them).
    var simpleMarkerSearch: MarkerUnits? = nil
    /// Letters a title may take as an inflection (Russian `премьер-министра`).
    var inflection = 0
    /// Capitalized words of every form: titles, not names.
    var titleWords: Set<String> = []
    /// The word lists lowercased as the title search compares them, made once instead of at every name.
    var lowered = Lowered()

    /// Marker words as lowercased UTF-16 (see `lower`).
    struct Lowered: Sendable {
        var modifiers: [[UInt16]] = []
        var formerMarkers: [[UInt16]] = []
        var thenMarkers: [[UInt16]] = []
        var thenAfter: [[UInt16]] = []
        var yearMarkers: [[UInt16]] = []
        var reviewBefore: [[UInt16]] = []
        /// With the space that separates each from the title, unless it ends in an apostrophe (`l’`).
        var determiners: [[UInt16]] = []
        static let possessives: [[UInt16]] = ["’s", "'s"].map { TitleOptions.lower(Array($0.utf16)) }

        init() {}

        init(_ o: TitleOptions) {
            func low(_ words: [String]) -> [[UInt16]] { words.map { TitleOptions.lower(Array($0.utf16)) } }
            modifiers = low(o.modifiers)
            formerMarkers = low(o.formerMarkers)
            thenMarkers = low(o.thenMarkers)
            thenAfter = low(o.thenAfter)
            yearMarkers = low(o.yearMarkers)
            reviewBefore = low(o.reviewBefore)
            determiners = o.determiners.map { d in
                let du = TitleOptions.lower(Array(d.utf16))
                let attached = d.hasSuffix("’") || d.hasSuffix("'")
                return attached ? du : du + [0x20]
            }
        }
    }

    init(_ config: ConfigValue) {
        for (office, value) in config["titles"]?.pairs ?? [] {
            for text in value.strings ?? [] {
                forms.append(Form(office: office, text: text, units: TitleOptions.lower(Array(text.utf16))))
                // Every word of a title, also capitalized as at a sentence start (`Капитан`), is no name.
                for w in text.split(whereSeparator: { $0 == " " }) {
                    titleWords.insert(String(w))
                    titleWords.insert(w.prefix(1).uppercased() + w.dropFirst())
                }
            }
        }
        forms.sort { $0.units.count > $1.units.count }
        formIndex = TitleFormIndex(forms)
        if !forms.contains(where: { $0.units.isEmpty }) {
            formFirsts = [UInt64](repeating: 0, count: 0x10000 / 64)
            for f in forms { formFirsts[Int(f.units[0]) >> 6] |= 1 << UInt64(f.units[0] & 63) }
        }
        let position = config["position"]?.strings ?? ["before"]
        before = position.contains("before")
        after = position.contains("after")
        determiners = config["determiners"]?.strings ?? []
        reviewBefore = config["review_before"]?.strings ?? []
        modifiers = config["modifiers"]?.strings ?? []
        formerMarkers = config["former_markers"]?.strings ?? []
        thenMarkers = config["then_markers"]?.strings ?? []
        thenAfter = config["then_after"]?.strings ?? []
        replacement = config["replacement"]?.string ?? ""
        yearMarkers = config["year_markers"]?.strings ?? []
        givenNameMarks = (config["given_name_marks"]?.strings ?? []).map { Array($0.utf16) }
        nameSuffixes = Set(config["name_suffixes"]?.strings ?? [])
        capacityMarkers = Set((config["capacity_markers"]?.strings ?? []).map { $0.lowercased() })
        if capacityMarkers.allSatisfy({ m in
            m.utf16.allSatisfy(TitleOptions.isSimpleUnit)
                && m.decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(m.unicodeScalars)
        }) {
            capacityMarkerUnits = capacityMarkers.sorted().map { Array($0.utf16) }
        }
        currentMarkers = config["current_markers"]?.strings ?? []
        predicateMarkers = (config["predicate_markers"]?.strings ?? []).map { $0.lowercased() }
        statementWords = Set(predicateMarkers + currentMarkers.map { $0.lowercased() })
        changeWordUnits = currentMarkers.map { Array($0.lowercased().utf16) }.filter { w in
            w.first.map(UnitProperties.isAlphabetic) == true && w.allSatisfy(UnitProperties.isAlphabetic)
        }
        coHeld = (config["co_held"]?.list ?? []).compactMap { pair in
            guard let p = pair.strings, p.count == 2 else { return nil }
            return (p[0], p[1])
        }
        inflection = Int(config["inflection"]?.number ?? 0)
        lowered = Lowered(self)
        // Only characters no other character is canonically equivalent to, so comparing units is exact.
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-' ".utf8)
        let units = currentMarkers.map { marker in
            let word = marker.unicodeScalars.first.map { $0.properties.isAlphabetic && $0.value < 0x3000 } == true
            return Array((word ? marker.lowercased() : marker).utf16)
        }
        if currentMarkers.allSatisfy({ $0.utf8.allSatisfy { plain.contains($0) } }) { asciiMarkerUnits = units }
        if units.allSatisfy({ $0.allSatisfy(TitleOptions.isSimpleUnit) }) {
            simpleMarkerUnits = units
            simpleMarkerSearch = MarkerUnits(units)
        }
    }

    /// Whether `u` is a whole character in composed form that no other single character is canonically
    /// equivalent to (Latin, Cyrillic, common punctuation, kana, CJK ideographs; no combining marks): text
    /// made of such units holds a string of them as a word or substring exactly where it holds its units.
    static func isSimpleUnit(_ u: UInt16) -> Bool {
        switch u {
        case 0..<0x300, 0x400...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F,
            0x3041...0x3096, 0x309B...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF9D, 0xFFA0...0xFFEF:
            return true
        default: return false
        }
    }

    /// Whether some form may start with unit `u` (false: none does).
    func mayStartForm(_ u: UInt16) -> Bool {
        formFirsts.isEmpty || formFirsts[Int(u) >> 6] & (1 << UInt64(u & 63)) != 0
    }

    /// Offices are compatible when equal or one refines the other (`minister` / `minister.foreign`).
    static func compatible(_ a: String, _ b: String) -> Bool {
        a == b || a.hasPrefix(b + ".") || b.hasPrefix(a + ".")
    }

    /// Whether one person may hold both offices at once: compatible, or a `co_held` pair (either way round,
    /// each office or a refinement of it).
    func mayHoldBoth(_ a: String, _ b: String) -> Bool {
        TitleOptions.compatible(a, b)
            || coHeld.contains { x, y in
                (TitleOptions.compatible(a, x) && TitleOptions.compatible(b, y))
                    || (TitleOptions.compatible(a, y) && TitleOptions.compatible(b, x))
            }
    }

    /// Per-unit lowercase (length-preserving, so offsets stay valid).
    static func lower(_ units: [UInt16]) -> [UInt16] {
        lowerTable.withUnsafeBufferPointer { table in
            units.withUnsafeBufferPointer { src in
                [UInt16](unsafeUninitializedCapacity: src.count) { out, n in
                    for i in 0..<src.count { out[i] = table[Int(src[i])] }
                    n = src.count
                }
            }
        }
    }

    /// `lowerTable` copied once to memory that is never freed, for `LoweredUnits` (read without retaining).
    nonisolated(unsafe) static let lowerTablePointer: UnsafePointer<UInt16> = {
        let p = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x10000)
        lowerTable.withUnsafeBufferPointer { p.initialize(from: $0.baseAddress!, count: 0x10000) }
        return UnsafePointer(p)
    }()

    /// The lowercase of every uppercase UTF-16 unit (itself when it has no one-unit lowercase), built once:
    /// looking up Unicode properties for every unit of every document cost more than the title search.
    /// Shared with the case-folding prefilter, whose table is built in the same pass.
    private static var lowerTable: [UInt16] { UnitLowercase.uppercase }
}
