import MTFixCore

/// What the words right around one mention say about whether it names a person: a city after `in`, a
/// newspaper after `The`, a bus before `で` are spelled like a surname but name no one.
///
/// Name drift repairs a variant towards a person's name; the cluster says the canonical spelling is a
/// person, but not that every look-alike is the same person, or a person at all. So each variant mention
/// is judged on its own context, from word lists in the rule file's `options:`.
struct NamePersonEvidence: Sendable {
    /// What the context of one mention says.
    enum Verdict: Equatable {
        /// Used like a person (a title before it, a person suffix after it, an age apposition).
        case person
        /// Used like a place or a thing (after an article or a locative preposition, before a case particle).
        case thing
        /// Followed by a name particle and a name of its own (`Mohammed bin Salman`): someone else.
        case otherPerson(String)
        /// Followed by an apposition that says who it is (`Galois, the mathematician`): maybe someone new.
        case described
        case unknown
    }

    /// Lowercase articles and determiners (`the`, `a`, `l’`): a name after one is a title or a thing.
    let determiners: Set<String>
    /// Lowercase prepositions of place (`in`, `at`): a name after one is a place.
    let locatives: Set<String>
    /// Titles and offices, lowercased (`minister`, `juge`): a name after one is a person.
    let titles: Set<String>
    /// Places of the rule file (`Italy` in `Milan, Italy`).
    let places: Set<String>
    /// For unspaced scripts: text right after a mention that marks a person (`氏`, `监督`, `说`).
    let personAfter: [String]
    /// For unspaced scripts: text right before a mention that marks a person (`总理`).
    let personBefore: [String]
    /// For unspaced scripts: text right after a mention that marks a thing or a place (`で`, `政府`, `方面`);
    /// in cased scripts, whole words (see `thingAfterWords`).
    let thingAfter: [String]
    /// For cased scripts: a word right after a mention that makes it a company, place or product
    /// (`Varta shares`, `Bari airport`), lowercased.
    let thingAfterWords: Set<String>
    /// Whether a variant is repaired safely only with person evidence of its own (katakana, where common
    /// nouns, countries and companies are written like names).
    let requirePerson: Bool
    /// Lowercase particles inside a full name (`bin`, `ibn`): `X bin Y` is X's own full name.
    let particles: Set<String>
    /// Lowercase words that open an apposition after `Name, ` (`the`, `le`); not relative pronouns
    /// (German `der`), which follow names the story already knows.
    let appositionOpeners: Set<String>
    /// Whether `Name, England’s coach` is an apposition too (languages with an `’s` possessive).
    let possessiveApposition: Bool

    init(_ config: ConfigValue, titleWords: Set<String>, places: Set<String>) {
        determiners = Set(config["determiners"]?.strings ?? [])
        locatives = Set(config["locatives"]?.strings ?? [])
        titles = Set(titleWords.map { $0.lowercased() })
        self.places = places
        personAfter = config["person_after"]?.strings ?? []
        personBefore = config["person_before"]?.strings ?? []
        thingAfter = config["thing_after"]?.strings ?? []
        thingAfterWords = Set(thingAfter.map { $0.lowercased() })
        requirePerson = config["require_person_evidence"]?.bool ?? false
        particles = Set(config["name_particles"]?.strings ?? [])
        appositionOpeners = Set(config["apposition_openers"]?.strings ?? [])
        possessiveApposition = config["possessive_apposition"]?.bool ?? false
    }

    /// The verdict on the mention written at `range` (`partnered`: it is part of a full-name chain).
    func verdict(_ doc: Document, _ range: Range<Int>, partnered: Bool, cased: Bool) -> Verdict {
        if partnered { return .person }
        return cased ? casedVerdict(doc, range) : runVerdict(doc, range)
    }

    private func casedVerdict(_ doc: Document, _ range: Range<Int>) -> Verdict {
        let u = doc.utf16
        // Checked first: a title before it (`Crown Prince Mohammed bin Salman`) says only that it is a person.
        if let name = particleName(doc, after: range.upperBound) { return .otherPerson(name) }
        // `l’Houston`: an elided article written onto the name.
        if range.lowerBound >= 2, u[range.lowerBound - 1] == 0x2019 || u[range.lowerBound - 1] == 0x27,
            let w = NamePersonEvidence.word(u, endingAt: range.lowerBound - 1)
        {
            let elided = doc.string(w.lowerBound..<range.lowerBound).lowercased()
            if determiners.contains(elided) { return .thing }
        }
        // `10.000 Lose verkauft`, `3 Stars`: a counted word is a thing (a year, `2019 Blinken`, may open a clause).
        if range.lowerBound > 1, u[range.lowerBound - 1] == 0x20, NamePersonEvidence.isDigit(u[range.lowerBound - 2]) {
            var k = range.lowerBound - 2
            while k > 0, NamePersonEvidence.isDigit(u[k - 1]) || u[k - 1] == 0x2E || u[k - 1] == 0x2C { k -= 1 }
            let number = u[k..<(range.lowerBound - 1)]
            let year = number.count == 4 && number.allSatisfy(NamePersonEvidence.isDigit) && (number.first == 0x31 || number.first == 0x32)
            if !year { return .thing }
        }
        if range.lowerBound > 0, u[range.lowerBound - 1] == 0x20,
            let prev = NamePersonEvidence.word(u, endingAt: range.lowerBound - 1)
        {
            let p = doc.string(prev).lowercased()
            if titles.contains(p) { return .person }
            if determiners.contains(p) || locatives.contains(p) { return .thing }
            // `To Lam`: a capitalized word inside a sentence that the scan did not link to the mention (a
            // stopword, `To`) is a first name of its own, unless it is a place.
            let prevWord = doc.string(prev)
            if Unicode.Scalar(u[prev.lowerBound])?.properties.isUppercase == true, !places.contains(prevWord),
                !NameDriftDetector.startsSentence(u, at: prev.lowerBound)
            {
                return .otherPerson(prevWord)
            }
            // `the first Scot`, `in downtown Houston`, `в городе Курск`: one lowercase word between.
            if NamePersonEvidence.isLower(u[prev.lowerBound]), prev.lowerBound > 0,
                u[prev.lowerBound - 1] == 0x20,
                let pp = NamePersonEvidence.word(u, endingAt: prev.lowerBound - 1)
            {
                let q = doc.string(pp).lowercased()
                if determiners.contains(q) || locatives.contains(q) { return .thing }
            }
        }
        let i = range.upperBound
        // `Varta shares`, `Bari airport`: a noun right after the name makes it a company, place or product.
        if !thingAfterWords.isEmpty, i + 1 < u.count, u[i] == 0x20, let next = NamePersonEvidence.word(u, startingAt: i + 1),
            NamePersonEvidence.isLower(u[next.lowerBound]), thingAfterWords.contains(doc.string(next))
        {
            return .thing
        }
        // `Huston, 73,`: an age apposition is said of people.
        if i + 2 < u.count, u[i] == 0x2C, u[i + 1] == 0x20 {
            var j = i + 2
            while j < u.count, u[j] >= 0x30, u[j] <= 0x39 { j += 1 }
            if j > i + 2, j < u.count, u[j] == 0x2C { return .person }
            // `Milan, Italy`: a place names the country it lies in.
            if let next = NamePersonEvidence.word(u, startingAt: i + 2), places.contains(doc.string(next))
            {
                return .thing
            }
            // `Galois, the mathematician`, `Matthews, England’s coach`: an apposition introduces whom the
            // name means, which a story does for someone not met before, not for a person it already named.
            if let next = NamePersonEvidence.word(u, startingAt: i + 2) {
                let first = doc.string(next).lowercased()
                if appositionOpeners.contains(first) || (possessiveApposition && NamePersonEvidence.isPossessive(u, next)) {
                    return .described
                }
                // `Scholtz, mayor of Hamm`, `Scholtz, der Bürgermeister von Hamm`: an office, bare or after an
                // article (German `der` opens a relative clause unless an office follows it).
                if !appositionOpeners.isEmpty, titles.contains(first) { return .described }
                if !appositionOpeners.isEmpty, determiners.contains(first), next.upperBound + 1 < u.count, u[next.upperBound] == 0x20,
                    let office = NamePersonEvidence.word(u, startingAt: next.upperBound + 1),
                    titles.contains(doc.string(office).lowercased())
                {
                    return .described
                }
            }
        }
        return .unknown
    }

    /// Whether `word` is a possessive (`England’s`): an apostrophe and `s` right after it.
    static func isPossessive(_ u: [UInt16], _ word: Range<Int>) -> Bool {
        let k = word.upperBound
        return k + 1 < u.count && (u[k] == 0x27 || u[k] == 0x2019) && u[k + 1] == 0x73
            && (k + 2 == u.count || !isLetter(u[k + 2]))
    }

    /// `Mohammed bin Salman`: the name after a particle (`bin`, `ibn`) following a mention that ends at
    /// `end`, which makes the mention a full name of its own (the scan links only capitalized words).
    func particleName(_ doc: Document, after end: Int) -> String? {
        let u = doc.utf16
        guard !particles.isEmpty, end < u.count, u[end] == 0x20,
            let p = NamePersonEvidence.word(u, startingAt: end + 1),
            particles.contains(doc.string(p)), p.upperBound < u.count, u[p.upperBound] == 0x20,
            let name = NamePersonEvidence.word(u, startingAt: p.upperBound + 1),
            !NamePersonEvidence.isLower(u[name.lowerBound])
        else { return nil }
        return doc.string(name)
    }

    private func runVerdict(_ doc: Document, _ range: Range<Int>) -> Verdict {
        let u = doc.utf16
        let after = Array(u[range.upperBound..<min(u.count, range.upperBound + 8)])
        let before = Array(u[max(0, range.lowerBound - 8)..<range.lowerBound])
        if personAfter.contains(where: { after.starts(with: $0.utf16) }) { return .person }
        if personBefore.contains(where: { before.reversed().starts(with: $0.utf16.reversed()) }) {
            return .person
        }
        if thingAfter.contains(where: { after.starts(with: $0.utf16) }) { return .thing }
        if locatives.contains(where: { before.reversed().starts(with: $0.utf16.reversed()) }) {
            return .thing
        }
        return .unknown
    }

    /// The letters and digits of the word ending just before `end`, or nil.
    static func word(_ u: [UInt16], endingAt end: Int) -> Range<Int>? {
        var k = end
        while k > 0, isLetter(u[k - 1]) { k -= 1 }
        return k < end ? k..<end : nil
    }

    /// The letters and digits of the word starting at `start`, or nil.
    static func word(_ u: [UInt16], startingAt start: Int) -> Range<Int>? {
        var k = start
        while k < u.count, isLetter(u[k]) { k += 1 }
        return k > start ? start..<k : nil
    }

    static func isLetter(_ u: UInt16) -> Bool {
        guard let s = Unicode.Scalar(u) else { return false }
        return s.properties.isAlphabetic || (u >= 0x30 && u <= 0x39)
    }

    static func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }

    static func isLower(_ u: UInt16) -> Bool { Unicode.Scalar(u)?.properties.isLowercase ?? false }
}
